import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** What the database says of one (subscription, month) of a file. */
export interface UsageTarget {
  readonly subscriptionId: string;
  readonly month: string;
  /** False when no such subscription exists. */
  readonly known: boolean;
  /** Whether the subscription ran on at least one day of the month. */
  readonly within: boolean;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  /** The quantity in force on the month's last day (its latest price line by then). */
  readonly entitlement: number | null;
}

export interface UsageWrite {
  readonly subscriptionId: string;
  readonly month: string;
  readonly usage: number;
  readonly entitlement: number;
}

/** Monthly usage per subscription: looked up and upserted a chunk of rows at a time. */
@Injectable()
export class UsageRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** For each (subscription, month): whether it exists, ran that month, and its entitlement. */
  targets(
    tx: Tx,
    rows: readonly { subscriptionId: string; month: string }[],
  ): Promise<UsageTarget[]> {
    return tx.query<UsageTarget[]>(
      `WITH x AS (
         SELECT x.subscription_id, x.month, x.n, to_date(x.month, 'YYYY-MM') AS first_day,
                (to_date(x.month, 'YYYY-MM') + interval '1 month - 1 day')::date AS last_day
           FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(subscription_id, month, n))
       SELECT x.subscription_id AS "subscriptionId", x.month, s.id IS NOT NULL AS known,
              coalesce(s.starts_on <= x.last_day
                       AND (s.ends_on IS NULL OR s.ends_on >= x.first_day), false) AS within,
              to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(s.ends_on, 'YYYY-MM-DD') AS "endsOn",
              coalesce(q.quantity, s.quantity) AS entitlement
         FROM x
         LEFT JOIN bundles.subscription s ON s.id = x.subscription_id
         LEFT JOIN LATERAL (
           SELECT sp.quantity FROM bundles.subscription_price sp
            WHERE sp.subscription_id = s.id AND sp.effective_on <= x.last_day
            ORDER BY sp.effective_on DESC, sp.id DESC LIMIT 1) q ON true
        ORDER BY x.n`,
      [rows.map((r) => r.subscriptionId), rows.map((r) => r.month)],
    );
  }

  /**
   * Inserts or replaces the months named; a row equal to the stored one is left alone (and
   * keeps who imported it and when), so a re-run changes nothing.
   */
  async upsert(
    tx: Tx,
    rows: readonly UsageWrite[],
    by: string,
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    const written = await tx.query<{ created: boolean }[]>(
      `INSERT INTO bundles.usage AS u (subscription_id, month, usage, entitlement, imported_by)
       SELECT * , $5::text FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[])
       ON CONFLICT (subscription_id, month) DO UPDATE
          SET usage = excluded.usage, entitlement = excluded.entitlement,
              imported_by = excluded.imported_by, imported_at = now()
        WHERE (u.usage, u.entitlement) IS DISTINCT FROM (excluded.usage, excluded.entitlement)
       RETURNING (xmax = 0) AS created`,
      [
        rows.map((r) => r.subscriptionId),
        rows.map((r) => r.month),
        rows.map((r) => r.usage),
        rows.map((r) => r.entitlement),
        by,
      ],
    );
    const created = written.filter((w) => w.created).length;
    return {
      created,
      updated: written.length - created,
      unchanged: rows.length - written.length,
    };
  }
}
