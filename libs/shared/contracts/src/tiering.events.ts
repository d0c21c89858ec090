import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID } from 'class-validator';
import type { EventDefinitions } from './event-definition.js';

export const TIERING_TOPIC = 'tiering.events.v1';

export class TierAssignedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsOptional() @IsIn(['A', 'B', 'C']) previousTier!: string | null;
  @IsString() @IsNotEmpty() reason!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
}

export interface TieringEventMap {
  TierAssigned: TierAssignedPayload;
}

export const TIERING_EVENTS: EventDefinitions<TieringEventMap> = {
  TierAssigned: { topic: TIERING_TOPIC, version: 1, payload: TierAssignedPayload },
};
