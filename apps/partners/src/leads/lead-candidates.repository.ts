import { Injectable } from '@nestjs/common';
import type {
  AccountTier,
  ConflictAccount,
  DealRegistration,
  DuplicateCandidate,
  EarlierLead,
  LeadIdentity,
} from '@gap/partners/domain';
import type { Tx } from './lead.repository.js';

const OPEN = `state IN ('RECEIVED', 'QUALIFIED', 'IN_CONFLICT', 'ASSIGNED', 'CONTACTED')`;

interface CandidateRow {
  id: string;
  kind: 'ACCOUNT' | 'LEAD';
  creditCode: string | null;
  normalisedName: string | null;
  pinyin: string | null;
  trigram: string | number | null;
}

const toCandidate = (row: CandidateRow): DuplicateCandidate => ({
  id: row.id,
  kind: row.kind,
  creditCode: row.creditCode,
  normalisedName: row.normalisedName ?? '',
  pinyin: row.pinyin ?? '',
  trigram: Number(row.trigram ?? 0),
});

/** What a candidate for the lead is, from the accounts projection and the open leads. */
@Injectable()
export class LeadCandidatesRepository {
  /**
   * The accounts and open leads (other than `exceptLeadId`) that may be the lead's company: an
   * equal credit code; names at least `threshold` alike by trigrams (the `%` operator, answered
   * by the trigram indexes, `limit` of each at most); names that sound the same.
   */
  async candidates(
    tx: Tx,
    lead: LeadIdentity,
    exceptLeadId: string,
    threshold: number,
    limit: number,
  ): Promise<DuplicateCandidate[]> {
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      String(threshold),
    ]);
    const rows = await tx.query<CandidateRow[]>(
      `(SELECT group_account_id AS id, 'ACCOUNT' AS kind, credit_code AS "creditCode",
               normalised_name AS "normalisedName", name_pinyin AS pinyin,
               similarity(normalised_name, $2) AS trigram
          FROM partners.account WHERE $1::text IS NOT NULL AND credit_code = $1)
       UNION ALL
       (SELECT id, 'LEAD', credit_code, normalised_name, name_pinyin,
               similarity(normalised_name, $2)
          FROM partners.lead
         WHERE $1::text IS NOT NULL AND credit_code = $1 AND ${OPEN} AND id <> $3 LIMIT $4)
       UNION ALL
       (SELECT group_account_id, 'ACCOUNT', credit_code, normalised_name, name_pinyin,
               similarity(normalised_name, $2)
          FROM partners.account WHERE normalised_name % $2
         ORDER BY similarity(normalised_name, $2) DESC, group_account_id LIMIT $4)
       UNION ALL
       (SELECT id, 'LEAD', credit_code, normalised_name, name_pinyin,
               similarity(normalised_name, $2)
          FROM partners.lead WHERE normalised_name % $2 AND ${OPEN} AND id <> $3
         ORDER BY similarity(normalised_name, $2) DESC, id LIMIT $4)
       UNION ALL
       (SELECT group_account_id, 'ACCOUNT', credit_code, normalised_name, name_pinyin,
               similarity(normalised_name, $2)
          FROM partners.account WHERE $5 <> '' AND name_pinyin = $5 LIMIT $4)
       UNION ALL
       (SELECT id, 'LEAD', credit_code, normalised_name, name_pinyin,
               similarity(normalised_name, $2)
          FROM partners.lead WHERE $5 <> '' AND name_pinyin = $5 AND ${OPEN} AND id <> $3
         LIMIT $4)`,
      [lead.creditCode, lead.normalisedName, exceptLeadId, limit, lead.pinyin],
    );
    const seen = new Map<string, DuplicateCandidate>();
    for (const row of rows) seen.set(`${row.kind}:${row.id}`, toCandidate(row));
    return [...seen.values()];
  }

  /**
   * The account as the conflict rule sees it. The projection knows no separate "direct" flag:
   * an account with a primary manager is served directly by the operator's people.
   */
  async account(tx: Tx, accountId: string): Promise<ConflictAccount | null> {
    const [row] = await tx.query<
      { id: string; primaryManagerId: string | null; tier: AccountTier | null }[]
    >(
      `SELECT group_account_id AS id, primary_manager_id AS "primaryManagerId", tier
         FROM partners.account WHERE group_account_id = $1`,
      [accountId],
    );
    if (!row) return null;
    return { ...row, directProtected: row.primaryManagerId !== null };
  }

  /** Every deal registration on the account or the company's credit code, any partner. */
  async registrations(
    tx: Tx,
    accountId: string,
    creditCode: string | null,
  ): Promise<DealRegistration[]> {
    const rows = await tx.query<
      {
        id: string;
        partnerId: string;
        registeredAt: Date;
        expiresAt: Date;
        withdrawnAt: Date | null;
      }[]
    >(
      `SELECT id, partner_id AS "partnerId", registered_at AS "registeredAt",
              expires_at AS "expiresAt", withdrawn_at AS "withdrawnAt"
         FROM partners.deal_registration
        WHERE group_account_id = $1 OR ($2::text IS NOT NULL AND credit_code = $2)`,
      [accountId, creditCode],
    );
    // A registration made before the account was known is on its credit code: the same company.
    return rows.map((r) => ({ ...r, accountId }));
  }

  /** Other open leads for the same company: the same account, credit code or matched lead. */
  async otherOpenLeads(
    tx: Tx,
    leadId: string,
    accountId: string | null,
    creditCode: string | null,
    matchedLeadId: string | null,
  ): Promise<EarlierLead[]> {
    return tx.query<EarlierLead[]>(
      `SELECT id AS "leadId", partner_id AS "partnerId", received_at AS "receivedAt"
         FROM partners.lead
        WHERE id <> $1 AND ${OPEN}
          AND (($2::uuid IS NOT NULL AND group_account_id = $2)
            OR ($3::text IS NOT NULL AND credit_code = $3)
            OR ($4::uuid IS NOT NULL AND id = $4))`,
      [leadId, accountId, creditCode, matchedLeadId],
    );
  }

  /** The account a lead candidate was matched to, if it has one. */
  async accountOfLead(tx: Tx, leadId: string): Promise<string | null> {
    const [row] = await tx.query<{ accountId: string | null }[]>(
      'SELECT group_account_id AS "accountId" FROM partners.lead WHERE id = $1',
      [leadId],
    );
    return row?.accountId ?? null;
  }
}
