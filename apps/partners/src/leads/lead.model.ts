import type {
  CandidateKind,
  ConflictReasonCode,
  ConflictWinner,
  DuplicateOutcomeKind,
  Lead,
  LeadPriority,
  LeadState,
  LostReason,
} from '@gap/partners/domain';

export const LEAD_KINDS = ['LEAD', 'REFERRAL'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

/** The states in which a lead is still worked, or waits to be. */
export const OPEN_LEAD_STATES: readonly LeadState[] = [
  'RECEIVED',
  'QUALIFIED',
  'IN_CONFLICT',
  'ASSIGNED',
  'CONTACTED',
];

/** A candidate of the de-duplication as kept with the lead for the review queue. */
export interface StoredCandidate {
  readonly kind: CandidateKind;
  readonly id: string;
  readonly score: number;
  readonly evidence: readonly string[];
}

/** The conflict as kept with the lead: the deciding reason, the winner, every reason. */
export interface StoredConflict {
  readonly reason: ConflictReasonCode;
  readonly winner: ConflictWinner;
  readonly reasons: readonly ConflictReasonCode[];
}

/** What a partner says of the company and of whom to call. */
export interface LeadSubmission {
  readonly kind: LeadKind;
  readonly partnerReference: string | null;
  readonly creditCode: string | null;
  readonly companyName: string;
  readonly regionCode: string;
  readonly industrySection: string;
  readonly priority: LeadPriority;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly contactEmail: string | null;
}

/** A lead as stored: the domain's lead with the company, the person and the de-duplication. */
export interface LeadRecord extends Lead, LeadSubmission {
  readonly normalisedName: string;
  readonly namePinyin: string;
  readonly dedupeOutcome: DuplicateOutcomeKind;
  readonly dedupeScore: number | null;
  readonly candidates: readonly StoredCandidate[];
  readonly reviewPending: boolean;
  readonly prospectRequested: boolean;
  readonly storedConflict: StoredConflict | null;
  readonly supervisorId: string | null;
  readonly firstContactDueAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What the partner said of the company and of whom to call, as stored. */
export function leadSubmissionOf(record: LeadRecord): LeadSubmission {
  const { kind, partnerReference, creditCode, companyName, regionCode, industrySection } = record;
  const { priority, contactName, contactPhone, contactEmail } = record;
  return {
    kind,
    partnerReference,
    creditCode,
    companyName,
    regionCode,
    industrySection,
    priority,
    contactName,
    contactPhone,
    contactEmail,
  };
}

/** The domain's view of a stored lead (what the state machine decides on). */
export function domainLead(record: LeadRecord): Lead {
  return {
    id: record.id,
    partnerId: record.partnerId,
    priority: record.priority,
    state: record.state,
    receivedAt: record.receivedAt,
    accountId: record.accountId,
    duplicateOf: record.duplicateOf,
    conflict: record.conflict,
    managerId: record.managerId,
    assignedAt: record.assignedAt,
    firstContactAt: record.firstContactAt,
    closedAt: record.closedAt,
    lostReason: record.lostReason,
    lostNote: record.lostNote,
  };
}

/** What a step changes in the stored lead, from the domain's lead after it. */
export interface LeadChange {
  readonly lead: Lead;
  readonly storedConflict?: StoredConflict | null;
  readonly reviewPending?: boolean;
  readonly prospectRequested?: boolean;
  readonly supervisorId?: string | null;
  readonly firstContactDueAt?: Date | null;
}

export type { LostReason };
