import type { Reason } from '@gap/i18n';
import type { ConflictReasonCode, ConflictWinner } from '../conflict/channel-conflict.js';
import type { CandidateKind } from '../duplicates/duplicate-score.js';
import type { LeadPriority } from '../policy.js';

/**
 * A lead's life: received from a partner; then qualified (a company to work), a duplicate (of
 * an account or an open lead) or in conflict (with a manager or another partner); assigned to
 * a manager; contacted; converted or lost, with the reason.
 */
export const LEAD_STATES = [
  'RECEIVED',
  'QUALIFIED',
  'DUPLICATE',
  'IN_CONFLICT',
  'ASSIGNED',
  'CONTACTED',
  'CONVERTED',
  'LOST',
] as const;
export type LeadState = (typeof LEAD_STATES)[number];

export const CLOSED_LEAD_STATES: readonly LeadState[] = ['CONVERTED', 'LOST'];

/** Why a lead was lost, as partners are told (OTHER needs a note). */
export const LOST_REASONS = [
  'NO_NEED',
  'NO_BUDGET',
  'CHOSE_COMPETITOR',
  'UNREACHABLE',
  'INVALID_INFORMATION',
  'OUT_OF_COVERAGE',
  'CHANNEL_CONFLICT',
  /** The partner took its lead back (only the partner's withdrawal gives it). */
  'WITHDRAWN_BY_PARTNER',
  'OTHER',
] as const;
export type LostReason = (typeof LOST_REASONS)[number];

export interface LeadConflict {
  readonly reason: ConflictReasonCode;
  readonly winner: ConflictWinner;
}

export interface Lead {
  readonly id: string;
  readonly partnerId: string;
  readonly priority: LeadPriority;
  readonly state: LeadState;
  readonly receivedAt: Date;
  /** The matched account, or the PROSPECT account created for a new company. */
  readonly accountId: string | null;
  readonly duplicateOf: { readonly kind: CandidateKind; readonly id: string } | null;
  readonly conflict: LeadConflict | null;
  readonly managerId: string | null;
  /** The first assignment: a reassignment does not restart the first-contact clock. */
  readonly assignedAt: Date | null;
  readonly firstContactAt: Date | null;
  readonly closedAt: Date | null;
  readonly lostReason: LostReason | null;
  readonly lostNote: string | null;
}

export type LeadCommand =
  | { readonly kind: 'QUALIFY'; readonly accountId: string | null }
  | {
      readonly kind: 'MARK_DUPLICATE';
      readonly duplicateOf: { readonly kind: CandidateKind; readonly id: string };
    }
  | { readonly kind: 'RAISE_CONFLICT'; readonly conflict: LeadConflict }
  /** A coordinator finds in review that the lead is not a duplicate after all. */
  | { readonly kind: 'OVERRULE_DUPLICATE' }
  | { readonly kind: 'ASSIGN'; readonly managerId: string; readonly accountId: string }
  | { readonly kind: 'RECORD_CONTACT'; readonly at: Date }
  | { readonly kind: 'CONVERT' }
  | { readonly kind: 'LOSE'; readonly reason: LostReason; readonly note: string | null }
  /** The lead's own partner takes it back while it is open. */
  | { readonly kind: 'WITHDRAW' };
export type LeadCommandKind = LeadCommand['kind'];

/**
 * Who gives a command: the intake and the automatic assignment (SYSTEM), the coordination
 * team, a supervisor (whose reach over the manager the service has checked), a manager, or a
 * partner (its id the partner's).
 */
export interface LeadActor {
  readonly id: string;
  readonly role: 'SYSTEM' | 'COORDINATOR' | 'SUPERVISOR' | 'MANAGER' | 'PARTNER';
}

export type LeadEventName =
  | 'LeadQualified'
  | 'LeadDuplicate'
  | 'LeadInConflict'
  | 'LeadAssigned'
  | 'LeadContacted'
  | 'LeadConverted'
  | 'LeadLost';

export type LeadRefusalCode =
  | 'LEAD_WRONG_STATE'
  | 'LEAD_CLOSED'
  | 'LEAD_ROUTING_ONLY'
  | 'LEAD_COORDINATOR_ONLY'
  | 'LEAD_NOT_YOURS'
  | 'LEAD_PARTNER_ONLY'
  | 'LEAD_ID_REQUIRED'
  | 'LEAD_ALREADY_ASSIGNED_TO_MANAGER'
  | 'LEAD_CONFLICT_WON_BY_PARTNER'
  | 'LEAD_ACCOUNT_MISMATCH'
  | 'LEAD_CONTACT_BEFORE_ASSIGNMENT'
  | 'LEAD_CONTACT_IN_FUTURE'
  | 'LEAD_NOT_CONTACTED'
  | 'LEAD_LOST_REASON_UNKNOWN'
  | 'LEAD_LOST_NOTE_REQUIRED'
  | 'LEAD_LOST_REASON_NOT_APPLICABLE';
export type LeadRefusal = Reason<LeadRefusalCode>;

export type LeadTransition =
  | { readonly ok: true; readonly lead: Lead; readonly event: LeadEventName }
  | { readonly ok: false; readonly refusal: LeadRefusal };

/** A lead as intake records it, before de-duplication and the conflict check. */
export function receivedLead(
  id: string,
  partnerId: string,
  priority: LeadPriority,
  receivedAt: Date,
): Lead {
  return {
    id,
    partnerId,
    priority,
    state: 'RECEIVED',
    receivedAt,
    accountId: null,
    duplicateOf: null,
    conflict: null,
    managerId: null,
    assignedAt: null,
    firstContactAt: null,
    closedAt: null,
    lostReason: null,
    lostNote: null,
  };
}
