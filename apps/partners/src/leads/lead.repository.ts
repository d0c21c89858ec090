import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DuplicateOutcomeKind, LeadState } from '@gap/partners/domain';
import type { LeadChange, LeadRecord, LeadSubmission, StoredCandidate } from './lead.model.js';
import { toRecord, type LeadRow } from './lead.row.js';

export type Tx = EntityManager;

/** Who sees which leads: a partner its own, a manager theirs, a supervisor theirs and their team's. */
export type LeadReach =
  | { readonly kind: 'ALL' }
  | { readonly kind: 'PARTNER'; readonly partnerId: string }
  | { readonly kind: 'MANAGER'; readonly subject: string }
  | { readonly kind: 'TEAM'; readonly subject: string };

export interface LeadListFilter {
  readonly states?: readonly string[] | null;
  readonly partnerId?: string | null;
  readonly groupAccountId?: string | null;
}

/** Where the previous page ended: the receipt time (ISO) and the id of its last lead. */
export type LeadPosition = readonly [string, string];

/** The reach as SQL on partners.lead, its parameters from `$at`. */
function reachCondition(reach: LeadReach, at: number): { sql: string; params: string[] } {
  switch (reach.kind) {
    case 'ALL':
      return { sql: 'true', params: [] };
    case 'PARTNER':
      return { sql: `partner_id = $${at}::uuid`, params: [reach.partnerId] };
    case 'MANAGER':
      return { sql: `manager_id = $${at}`, params: [reach.subject] };
    case 'TEAM':
      return { sql: `(manager_id = $${at} OR supervisor_id = $${at})`, params: [reach.subject] };
  }
}

/** Partners' leads (partners.lead) and their history; every change bumps the version. */
@Injectable()
export class LeadRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Adds the lead as received; null when the partner has an open lead for the same company. */
  async insert(
    tx: Tx,
    lead: LeadSubmission & {
      id: string;
      partnerId: string;
      normalisedName: string;
      namePinyin: string;
      dedupeOutcome: DuplicateOutcomeKind;
      dedupeScore: number | null;
      candidates: readonly StoredCandidate[];
      receivedAt: Date;
    },
  ): Promise<string | null> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO partners.lead (id, partner_id, partner_reference, kind, credit_code,
         company_name, normalised_name, name_pinyin, region_code, industry_section, contact_name,
         contact_phone, contact_email, priority, state, dedupe_outcome, dedupe_score,
         dedupe_evidence, matched_account_id, matched_lead_id, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'RECEIVED', $15, $16,
         $17, $18, $19, $20)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        lead.id,
        lead.partnerId,
        lead.partnerReference,
        lead.kind,
        lead.creditCode,
        lead.companyName,
        lead.normalisedName,
        lead.namePinyin,
        lead.regionCode,
        lead.industrySection,
        lead.contactName,
        lead.contactPhone,
        lead.contactEmail,
        lead.priority,
        lead.dedupeOutcome,
        lead.dedupeScore,
        JSON.stringify(lead.candidates),
        lead.candidates.find((c) => c.kind === 'ACCOUNT')?.id ?? null,
        lead.candidates.find((c) => c.kind === 'LEAD')?.id ?? null,
        lead.receivedAt,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /** The partner's lead that holds this company or reference, for a repeated submission. */
  async findSubmitted(
    tx: Tx,
    partnerId: string,
    creditCode: string | null,
    reference: string | null,
  ): Promise<LeadRecord | null> {
    const [row] = await tx.query<LeadRow[]>(
      `SELECT * FROM partners.lead
        WHERE partner_id = $1
          AND (($2::text IS NOT NULL AND partner_reference = $2)
            OR ($3::text IS NOT NULL AND credit_code = $3
                AND state IN ('RECEIVED', 'QUALIFIED', 'IN_CONFLICT', 'ASSIGNED', 'CONTACTED')))
        ORDER BY received_at DESC LIMIT 1`,
      [partnerId, reference, creditCode],
    );
    return row ? toRecord(row) : null;
  }

  async find(id: string, manager: Tx = this.dataSource.manager): Promise<LeadRecord | null> {
    const [row] = await manager.query<LeadRow[]>('SELECT * FROM partners.lead WHERE id = $1', [id]);
    return row ? toRecord(row) : null;
  }

  /** The lead, locked for the rest of the transaction. */
  async lock(tx: Tx, id: string): Promise<LeadRecord | null> {
    const [row] = await tx.query<LeadRow[]>(
      'SELECT * FROM partners.lead WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row ? toRecord(row) : null;
  }

  /** Writes the lead after its steps; the version goes up once per call. */
  async save(tx: Tx, before: LeadRecord, change: LeadChange): Promise<void> {
    const { lead } = change;
    await tx.query(
      `UPDATE partners.lead SET state = $2, group_account_id = $3, duplicate_of_kind = $4,
         duplicate_of_id = $5, conflict = $6, manager_id = $7, supervisor_id = $8,
         assigned_at = $9, first_contact_due_at = $10, first_contact_at = $11, closed_at = $12,
         lost_reason = $13, lost_note = $14, review_pending = $15, prospect_requested = $16,
         version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        before.id,
        lead.state,
        lead.accountId,
        lead.duplicateOf?.kind ?? null,
        lead.duplicateOf?.id ?? null,
        change.storedConflict === undefined
          ? before.storedConflict && JSON.stringify(before.storedConflict)
          : change.storedConflict && JSON.stringify(change.storedConflict),
        lead.managerId,
        change.supervisorId === undefined ? before.supervisorId : change.supervisorId,
        lead.assignedAt,
        change.firstContactDueAt === undefined
          ? before.firstContactDueAt
          : change.firstContactDueAt,
        lead.firstContactAt,
        lead.closedAt,
        lead.lostReason,
        lead.lostNote,
        change.reviewPending ?? before.reviewPending,
        change.prospectRequested ?? before.prospectRequested,
      ],
    );
  }

  /** Whom to call about an open lead, changed by its partner; the version goes up. */
  async saveContact(
    tx: Tx,
    id: string,
    contact: Pick<LeadSubmission, 'contactName' | 'contactPhone' | 'contactEmail'>,
  ): Promise<void> {
    await tx.query(
      `UPDATE partners.lead SET contact_name = $2, contact_phone = $3, contact_email = $4,
         version = version + 1, updated_at = now()
        WHERE id = $1`,
      [id, contact.contactName, contact.contactPhone, contact.contactEmail],
    );
  }

  async addHistory(
    tx: Tx,
    entries: readonly {
      leadId: string;
      event: string;
      from: LeadState | null;
      to: LeadState;
      actor: string;
      figures: Record<string, unknown>;
      at: Date;
    }[],
  ): Promise<void> {
    for (const e of entries) {
      await tx.query(
        `INSERT INTO partners.lead_history (lead_id, event, from_state, to_state, actor, figures, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [e.leadId, e.event, e.from, e.to, e.actor, JSON.stringify(e.figures), e.at],
      );
    }
  }

  async history(leadId: string) {
    return this.dataSource.query<{ event: string; fromState: string | null; toState: string }[]>(
      `SELECT event, from_state AS "fromState", to_state AS "toState"
         FROM partners.lead_history WHERE lead_id = $1 ORDER BY id`,
      [leadId],
    );
  }

  /** A page of the leads within reach, newest first, after `after`; `limit` rows at most. */
  async list(
    reach: LeadReach,
    filter: LeadListFilter,
    limit: number,
    after: LeadPosition | null,
  ): Promise<LeadRecord[]> {
    const scope = reachCondition(reach, 7);
    const rows = await this.dataSource.query<LeadRow[]>(
      `SELECT * FROM partners.lead
        WHERE ($1::text[] IS NULL OR state = ANY($1))
          AND ($2::uuid IS NULL OR partner_id = $2)
          AND ($3::uuid IS NULL OR group_account_id = $3)
          AND ($4::timestamptz IS NULL OR (received_at, id) < ($4, $5::uuid))
          AND ${scope.sql}
        ORDER BY received_at DESC, id DESC
        LIMIT $6`,
      [
        filter.states?.length ? filter.states : null,
        filter.partnerId ?? null,
        filter.groupAccountId ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit,
        ...scope.params,
      ],
    );
    return rows.map(toRecord);
  }

  /**
   * Gives the new company's qualified leads (by credit code) the PROSPECT account the accounts
   * service opened for them; their ids.
   */
  async attachProspect(tx: Tx, creditCode: string, accountId: string): Promise<string[]> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows] = await tx.query<[{ id: string }[], number]>(
      `UPDATE partners.lead SET group_account_id = $2, version = version + 1, updated_at = now()
        WHERE credit_code = $1 AND prospect_requested AND group_account_id IS NULL
          AND state = 'QUALIFIED'
        RETURNING id`,
      [creditCode, accountId],
    );
    return rows.map((r) => r.id);
  }

  /** The account's qualified leads nobody works yet, locked. */
  async waitingFor(tx: Tx, accountId: string): Promise<LeadRecord[]> {
    const rows = await tx.query<LeadRow[]>(
      `SELECT * FROM partners.lead
        WHERE group_account_id = $1 AND state = 'QUALIFIED' AND manager_id IS NULL
        ORDER BY received_at, id FOR UPDATE`,
      [accountId],
    );
    return rows.map(toRecord);
  }

  /** Possible duplicates waiting for a coordinator, oldest first. */
  async reviewQueue(limit: number, after: LeadPosition | null): Promise<LeadRecord[]> {
    const rows = await this.dataSource.query<LeadRow[]>(
      `SELECT * FROM partners.lead
        WHERE review_pending
          AND ($1::timestamptz IS NULL OR (received_at, id) > ($1, $2::uuid))
        ORDER BY received_at, id
        LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit],
    );
    return rows.map(toRecord);
  }
}
