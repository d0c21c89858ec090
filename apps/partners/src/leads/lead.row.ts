import type {
  CandidateKind,
  DuplicateOutcomeKind,
  LeadPriority,
  LeadState,
  LostReason,
} from '@gap/partners/domain';
import type { LeadKind, LeadRecord, StoredCandidate, StoredConflict } from './lead.model.js';

/** A row of partners.lead as PostgreSQL returns it. */
export interface LeadRow {
  id: string;
  partner_id: string;
  partner_reference: string | null;
  kind: LeadKind;
  credit_code: string | null;
  company_name: string;
  normalised_name: string;
  name_pinyin: string;
  region_code: string;
  industry_section: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  priority: LeadPriority;
  state: LeadState;
  dedupe_outcome: DuplicateOutcomeKind;
  dedupe_score: string | null;
  dedupe_evidence: StoredCandidate[];
  review_pending: boolean;
  group_account_id: string | null;
  prospect_requested: boolean;
  duplicate_of_kind: CandidateKind | null;
  duplicate_of_id: string | null;
  conflict: StoredConflict | null;
  manager_id: string | null;
  supervisor_id: string | null;
  assigned_at: Date | null;
  first_contact_due_at: Date | null;
  first_contact_at: Date | null;
  closed_at: Date | null;
  lost_reason: LostReason | null;
  lost_note: string | null;
  received_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The stored lead of a row. */
export function toRecord(row: LeadRow): LeadRecord {
  const conflict = row.conflict;
  return {
    id: row.id,
    partnerId: row.partner_id,
    partnerReference: row.partner_reference,
    kind: row.kind,
    creditCode: row.credit_code,
    companyName: row.company_name,
    normalisedName: row.normalised_name,
    namePinyin: row.name_pinyin,
    regionCode: row.region_code,
    industrySection: row.industry_section,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    priority: row.priority,
    state: row.state,
    dedupeOutcome: row.dedupe_outcome,
    dedupeScore: row.dedupe_score === null ? null : Number(row.dedupe_score),
    candidates: row.dedupe_evidence,
    reviewPending: row.review_pending,
    accountId: row.group_account_id,
    prospectRequested: row.prospect_requested,
    duplicateOf:
      row.duplicate_of_kind && row.duplicate_of_id
        ? { kind: row.duplicate_of_kind, id: row.duplicate_of_id }
        : null,
    conflict: conflict ? { reason: conflict.reason, winner: conflict.winner } : null,
    storedConflict: conflict,
    managerId: row.manager_id,
    supervisorId: row.supervisor_id,
    assignedAt: row.assigned_at,
    firstContactDueAt: row.first_contact_due_at,
    firstContactAt: row.first_contact_at,
    closedAt: row.closed_at,
    lostReason: row.lost_reason,
    lostNote: row.lost_note,
    receivedAt: row.received_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
