import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Scope } from '@gap/authz';
import type { AdoptionFact, FunnelRow } from '@gap/bundles/domain';
import { scopeCondition } from '@gap/portfolio';

/** A presentation of a product to an account, as kept (the first of its day). */
export interface AwarenessRecord {
  readonly groupAccountId: string;
  readonly productCode: string;
  readonly presentedOn: string;
  readonly channel: string;
  readonly note: string | null;
  readonly presentedBy: string;
}

/** A report's period: China's calendar days and the months they touch, both ends included. */
export interface Period {
  readonly from: string;
  readonly to: string;
  readonly fromMonth: string;
  readonly toMonth: string;
}

const AWARENESS_COLUMNS = `group_account_id AS "groupAccountId", product_code AS "productCode",
  to_char(presented_on, 'YYYY-MM-DD') AS "presentedOn", channel, note, presented_by AS "presentedBy"`;

/**
 * One row per account and product with what happened in the period ($1..$4): presented (an
 * awareness row), tried (a trial of the product, or of a bundle holding it), subscribed (a
 * subscription running on a day of it) with the usage and entitlement of each subscription's
 * latest month imported in it. Family from the code's latest version; tier from the projection
 * (C until tiering places the account). `$5` is the caller, for the scope condition.
 */
const facts = (scope: Scope) => `
  WITH template_products AS (
    SELECT code, version, body->'core'->>'productCode' AS product_code FROM bundles.template
    UNION
    SELECT t.code, t.version, m->>'productCode' FROM bundles.template t,
           jsonb_array_elements(t.body->'modules') m),
  stages AS (
    SELECT group_account_id, product_code, true AS aware, false AS trialled, false AS subscribed,
           0::bigint AS usage, 0::bigint AS entitlement
      FROM bundles.awareness WHERE presented_on BETWEEN $1::date AND $2::date
    UNION ALL
    SELECT t.group_account_id,
           CASE WHEN t.subject_kind = 'PRODUCT' THEN t.subject_code ELSE tp.product_code END,
           false, true, false, 0, 0
      FROM bundles.trial t
      LEFT JOIN template_products tp
        ON t.subject_kind = 'TEMPLATE' AND tp.code = t.subject_code AND tp.version = t.subject_version
     WHERE t.started_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
       AND t.started_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
    UNION ALL
    SELECT s.group_account_id, s.product_code, false, false, true,
           coalesce(u.usage, 0), coalesce(u.entitlement, 0)
      FROM bundles.subscription s
      LEFT JOIN LATERAL (
        SELECT usage, entitlement FROM bundles.usage
         WHERE subscription_id = s.id AND month BETWEEN $3 AND $4
         ORDER BY month DESC LIMIT 1) u ON true
     WHERE s.starts_on <= $2::date AND (s.ends_on IS NULL OR s.ends_on >= $1::date)),
  facts AS (
    SELECT st.group_account_id, st.product_code, fam.family, coalesce(a.tier, 'C') AS tier,
           bool_or(st.aware) AS aware, bool_or(st.trialled) AS trialled,
           bool_or(st.subscribed) AS subscribed,
           sum(st.usage)::bigint AS usage, sum(st.entitlement)::bigint AS entitlement
      FROM stages st
      JOIN LATERAL (
        SELECT p.family FROM bundles.product p WHERE p.code = st.product_code
         ORDER BY p.version DESC LIMIT 1) fam ON true
      LEFT JOIN bundles.account a ON a.group_account_id = st.group_account_id
     WHERE st.product_code IS NOT NULL
       AND ${scopeCondition(
         { kind: scope === 'ALL' ? 'ALL' : 'PORTFOLIO', subject: '' },
         'bundles',
         'st.group_account_id',
         'NULL::text',
         '$5',
       )}
     GROUP BY 1, 2, 3, 4)`;

/** Awareness records, and the adoption facts and funnel read set-based. */
@Injectable()
export class AdoptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Keeps the first presentation of a product to an account on a day; a repeat adds nothing. */
  async recordAwareness(record: AwarenessRecord): Promise<AwarenessRecord> {
    await this.dataSource.query(
      `INSERT INTO bundles.awareness (group_account_id, product_code, presented_on, channel, note,
         presented_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (group_account_id, product_code, presented_on) DO NOTHING`,
      [
        record.groupAccountId,
        record.productCode,
        record.presentedOn,
        record.channel,
        record.note,
        record.presentedBy,
      ],
    );
    const [stored] = await this.dataSource.query<AwarenessRecord[]>(
      `SELECT ${AWARENESS_COLUMNS} FROM bundles.awareness
        WHERE group_account_id = $1 AND product_code = $2 AND presented_on = $3`,
      [record.groupAccountId, record.productCode, record.presentedOn],
    );
    return stored ?? record;
  }

  /** Every account × product fact of the period, as the domain's funnel takes them. */
  async facts(scope: Scope, subject: string, period: Period): Promise<AdoptionFact[]> {
    const rows = await this.dataSource.query<
      (Omit<AdoptionFact, 'usage' | 'entitlement'> & { usage: string; entitlement: string })[]
    >(
      `${facts(scope)}
       SELECT group_account_id AS "accountId", product_code AS "productCode", family, tier, aware,
              trialled, subscribed, usage, entitlement
         FROM facts ORDER BY 1, 2`,
      [period.from, period.to, period.fromMonth, period.toMonth, subject],
    );
    return rows.map((r) => ({ ...r, usage: Number(r.usage), entitlement: Number(r.entitlement) }));
  }

  /**
   * The domain's funnel in one statement: per family and tier, distinct accounts at each stage;
   * an account's adoption is its family's usage ÷ entitlement over its subscriptions (bp,
   * floor, at most 100 %), adopted from `adoptedAtBp`, averaged (floor) where entitled.
   */
  funnel(scope: Scope, subject: string, period: Period, adoptedAtBp: number): Promise<FunnelRow[]> {
    return this.dataSource.query<FunnelRow[]>(
      `${facts(scope)},
       accounts AS (
         SELECT family, tier, group_account_id, bool_or(aware) AS aware,
                bool_or(trialled) AS trialled, bool_or(subscribed) AS subscribed,
                sum(usage) FILTER (WHERE subscribed) AS usage,
                sum(entitlement) FILTER (WHERE subscribed) AS entitlement
           FROM facts GROUP BY 1, 2, 3),
       rated AS (
         SELECT *, CASE WHEN subscribed AND entitlement > 0
                        THEN least(10000, floor(usage * 10000 / entitlement)) END AS bp
           FROM accounts)
       SELECT family, tier, count(*) FILTER (WHERE aware)::int AS aware,
              count(*) FILTER (WHERE trialled)::int AS trialled,
              count(*) FILTER (WHERE subscribed)::int AS subscribed,
              count(*) FILTER (WHERE bp >= $6)::int AS adopted,
              floor(avg(bp))::int AS "meanAdoptionBp"
         FROM rated GROUP BY 1, 2`,
      [period.from, period.to, period.fromMonth, period.toMonth, subject, adoptedAtBp],
    );
  }
}
