import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import type { EventDefinitions } from './event-definition.js';

export const MANAGERS_TOPIC = 'managers.events.v1';

/**
 * Who is accountable for an account. Managers are named by employee number, the subject of
 * their tokens, so other services can match a caller against these events directly.
 */
export class ManagerAssignedPayload {
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() managerId!: string;
  @IsOptional() @IsString() previousManagerId!: string | null;
  /** The new manager's supervisor, who sees the team's accounts. */
  @IsOptional() @IsString() supervisorId!: string | null;
  @IsString() @IsNotEmpty() reason!: string;
}

export class TeamMemberPayload {
  @IsString() @IsNotEmpty() managerId!: string;
  @IsIn(['BACKUP', 'SOLUTION_ARCHITECT', 'TECHNICAL_SUPPORT', 'INCOMING_MANAGER']) role!: string;
}

/** The account's whole team after the change (not a delta), so replays converge. */
export class TeamChangedPayload {
  @IsUUID() groupAccountId!: string;
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TeamMemberPayload)
  members!: TeamMemberPayload[];
}

export interface ManagersEventMap {
  ManagerAssigned: ManagerAssignedPayload;
  TeamChanged: TeamChangedPayload;
}

export const MANAGERS_EVENTS: EventDefinitions<ManagersEventMap> = {
  ManagerAssigned: { topic: MANAGERS_TOPIC, version: 1, payload: ManagerAssignedPayload },
  TeamChanged: { topic: MANAGERS_TOPIC, version: 1, payload: TeamChangedPayload },
};
