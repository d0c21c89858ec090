import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A subscription with its latest month of usage (none before the first import). */
export interface SubscriptionUsageRow {
  readonly subscriptionId: string;
  readonly productCode: string;
  readonly family: string;
  readonly state: string;
  readonly month: string | null;
  readonly usage: number | null;
  readonly entitlement: number | null;
}

/** Where an account stands with one product. */
export interface ProductStageRow {
  readonly productCode: string;
  readonly family: string;
  readonly aware: boolean;
  readonly lastPresentedOn: string | null;
  readonly trialled: boolean;
  readonly subscribed: boolean;
}

/** One account's adoption: its subscriptions' usage and its products' stages. */
@Injectable()
export class AccountAdoptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async subscriptions(accountId: string, limit: number): Promise<SubscriptionUsageRow[]> {
    const rows = await this.dataSource.query<
      (Omit<SubscriptionUsageRow, 'usage' | 'entitlement'> & {
        usage: string | null;
        entitlement: string | null;
      })[]
    >(
      `SELECT s.id AS "subscriptionId", s.product_code AS "productCode", p.family, s.state,
              u.month, u.usage, u.entitlement
         FROM bundles.subscription s
         JOIN bundles.product p ON p.code = s.product_code AND p.version = s.product_version
         LEFT JOIN LATERAL (
           SELECT month, usage, entitlement FROM bundles.usage
            WHERE subscription_id = s.id ORDER BY month DESC LIMIT 1) u ON true
        WHERE s.group_account_id = $1
        ORDER BY s.starts_on DESC, s.product_code, s.id LIMIT $2`,
      [accountId, limit],
    );
    return rows.map((r) => ({
      ...r,
      usage: r.usage === null ? null : Number(r.usage),
      entitlement: r.entitlement === null ? null : Number(r.entitlement),
    }));
  }

  /**
   * Every product the account was presented, tried (alone or in a bundle) or subscribes on
   * `today`, with the stages it reached; ordered by product code.
   */
  products(accountId: string, today: string): Promise<ProductStageRow[]> {
    return this.dataSource.query<ProductStageRow[]>(
      `WITH template_products AS (
         SELECT code, version, body->'core'->>'productCode' AS product_code FROM bundles.template
         UNION
         SELECT t.code, t.version, m->>'productCode' FROM bundles.template t,
                jsonb_array_elements(t.body->'modules') m),
       stages AS (
         SELECT product_code, presented_on AS presented, false AS trialled, false AS subscribed
           FROM bundles.awareness WHERE group_account_id = $1
         UNION ALL
         SELECT CASE WHEN t.subject_kind = 'PRODUCT' THEN t.subject_code ELSE tp.product_code END,
                NULL, true, false
           FROM bundles.trial t
           LEFT JOIN template_products tp ON t.subject_kind = 'TEMPLATE'
                 AND tp.code = t.subject_code AND tp.version = t.subject_version
          WHERE t.group_account_id = $1
         UNION ALL
         SELECT product_code, NULL, false, true FROM bundles.subscription
          WHERE group_account_id = $1 AND starts_on <= $2::date
            AND (ends_on IS NULL OR ends_on >= $2::date))
       SELECT st.product_code AS "productCode", fam.family,
              count(st.presented) > 0 AS aware,
              to_char(max(st.presented), 'YYYY-MM-DD') AS "lastPresentedOn",
              bool_or(st.trialled) AS trialled, bool_or(st.subscribed) AS subscribed
         FROM stages st
         JOIN LATERAL (
           SELECT p.family FROM bundles.product p WHERE p.code = st.product_code
            ORDER BY p.version DESC LIMIT 1) fam ON true
        WHERE st.product_code IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1`,
      [accountId, today],
    );
  }
}
