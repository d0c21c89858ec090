import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a handover happens. */
export const HANDOVER_CAUSES = ['MANUAL', 'OFFBOARDING', 'TIER_CHANGE', 'REBALANCE'] as const;

/** A handover of one account from its primary manager to another was planned. */
export class HandoverPlannedPayload {
  @IsUUID() handoverId!: string;
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() fromManagerId!: string;
  @IsString() @IsNotEmpty() toManagerId!: string;
  @IsIn(HANDOVER_CAUSES) cause!: string;
  /** The last day it should be complete (for a leaving manager, their last day). */
  @Matches(DATE) dueOn!: string;
  /** Checklist item keys generated for it. */
  @IsArray() @IsString({ each: true }) checklist!: string[];
}

/** Shadowing began: both managers see the account; the outgoing one is still primary. */
export class HandoverStartedPayload {
  @IsUUID() handoverId!: string;
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() fromManagerId!: string;
  @IsString() @IsNotEmpty() toManagerId!: string;
}

/** The incoming manager became primary (a ManagerAssigned follows in the same transaction). */
export class HandoverCompletedPayload extends HandoverStartedPayload {
  /** Whole days from planning to completion. */
  @IsInt() @Min(0) leadTimeDays!: number;
}

export class HandoverCancelledPayload extends HandoverStartedPayload {
  @IsString() @IsNotEmpty() reason!: string;
}

/** A handover is still open on its due day: its supervisor must act. */
export class HandoverOverduePayload extends HandoverStartedPayload {
  @Matches(DATE) dueOn!: string;
  @IsOptional() @IsString() supervisorId!: string | null;
  @IsArray() @IsString({ each: true }) openItems!: string[];
}

export const UNASSIGNABLE_REASONS = [
  'NO_FITTING_GRADE',
  'NO_ACTIVE_MANAGER',
  'NO_CAPACITY',
  'NO_SUPERVISOR',
] as const;

/**
 * Nobody could be given the account (automatically, or as a successor to a leaving manager).
 * It is listed until someone is; `currentManagerId` is who is accountable meanwhile, if anyone.
 */
export class AccountUnassignablePayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsIn(UNASSIGNABLE_REASONS) reason!: string;
  @IsOptional() @IsString() currentManagerId!: string | null;
  @IsString() @IsNotEmpty() policyVersion!: string;
}

export interface ManagersEventMap {
  ManagerAssigned: ManagerAssignedPayload;
  TeamChanged: TeamChangedPayload;
  HandoverPlanned: HandoverPlannedPayload;
  HandoverStarted: HandoverStartedPayload;
  HandoverCompleted: HandoverCompletedPayload;
  HandoverCancelled: HandoverCancelledPayload;
  HandoverOverdue: HandoverOverduePayload;
  AccountUnassignable: AccountUnassignablePayload;
}

const v1 = <P>(payload: new () => P) => ({ topic: MANAGERS_TOPIC, version: 1, payload });
export const MANAGERS_EVENTS: EventDefinitions<ManagersEventMap> = {
  ManagerAssigned: v1(ManagerAssignedPayload),
  TeamChanged: v1(TeamChangedPayload),
  HandoverPlanned: v1(HandoverPlannedPayload),
  HandoverStarted: v1(HandoverStartedPayload),
  HandoverCompleted: v1(HandoverCompletedPayload),
  HandoverCancelled: v1(HandoverCancelledPayload),
  HandoverOverdue: v1(HandoverOverduePayload),
  AccountUnassignable: v1(AccountUnassignablePayload),
};
