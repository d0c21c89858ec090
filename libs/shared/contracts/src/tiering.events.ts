import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import type { EventDefinitions } from './event-definition.js';

export const TIERING_TOPIC = 'tiering.events.v1';

export class TierAssignedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsOptional() @IsIn(['A', 'B', 'C']) previousTier!: string | null;
  @IsString() @IsNotEmpty() reason!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
}

/** A tiering run changed an account's tier, effective from a date. */
export class TierChangedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsOptional() @IsIn(['A', 'B', 'C']) previousTier!: string | null;
  /** PARETO, GROUP_FLOOR or HYSTERESIS (OVERRIDE once overrides exist). */
  @IsString() @IsNotEmpty() reason!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
  @IsUUID() runId!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveFrom!: string;
}

export class TieringRunAppliedPayload {
  @IsUUID() runId!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
  @Matches(/^\d{4}-\d{2}$/) asOf!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveFrom!: string;
  @IsInt() @Min(0) accounts!: number;
  @IsInt() @Min(0) changed!: number;
}

export interface TieringEventMap {
  TierAssigned: TierAssignedPayload;
  TierChanged: TierChangedPayload;
  TieringRunApplied: TieringRunAppliedPayload;
}

export const TIERING_EVENTS: EventDefinitions<TieringEventMap> = {
  TierAssigned: { topic: TIERING_TOPIC, version: 1, payload: TierAssignedPayload },
  TierChanged: { topic: TIERING_TOPIC, version: 1, payload: TierChangedPayload },
  TieringRunApplied: { topic: TIERING_TOPIC, version: 1, payload: TieringRunAppliedPayload },
};
