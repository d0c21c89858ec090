import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StartedSubscription {
  readonly subscriptionId: string;
  readonly groupAccountId: string;
  readonly productCode: string;
  readonly monthlyNetFen: string;
  readonly startsOn: string;
}

export interface ChangedSubscription {
  readonly subscriptionId: string;
  readonly groupAccountId: string;
  readonly productCode: string;
  readonly previousMonthlyNetFen: string;
  readonly monthlyNetFen: string;
  readonly effectiveOn: string;
}

export interface EndedSubscription {
  readonly subscriptionId: string;
  readonly groupAccountId: string;
  readonly productCode: string;
  readonly endsOn: string;
}

/**
 * The monthly recurring revenue the bundles service has sold (`tiering.subscription_revenue`).
 * Each write is an upsert that gives the same row whatever order the start, the changes and the
 * end arrive in: the start sets the first day, the amount with the latest effective date wins,
 * and an end is kept (a start arriving after it does not revive the subscription).
 */
@Injectable()
export class SubscriptionRevenueRepository {
  async started(tx: EntityManager, s: StartedSubscription): Promise<void> {
    // A change known before its start keeps its amount: it is effective on or after the start.
    await tx.query(
      `INSERT INTO tiering.subscription_revenue AS s
         (subscription_id, group_account_id, product_code, monthly_net_fen, amount_from, starts_on)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (subscription_id) DO UPDATE
         SET starts_on = EXCLUDED.starts_on,
             monthly_net_fen = CASE WHEN s.amount_from IS NULL
                                    THEN EXCLUDED.monthly_net_fen ELSE s.monthly_net_fen END,
             amount_from = coalesce(s.amount_from, EXCLUDED.amount_from),
             updated_at = now()`,
      [s.subscriptionId, s.groupAccountId, s.productCode, s.monthlyNetFen, s.startsOn],
    );
  }

  async changed(tx: EntityManager, c: ChangedSubscription): Promise<void> {
    // An older change arriving after a newer one leaves the newer amount in place.
    await tx.query(
      `INSERT INTO tiering.subscription_revenue AS s
         (subscription_id, group_account_id, product_code, monthly_net_fen, amount_from,
          previous_monthly_net_fen)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (subscription_id) DO UPDATE
         SET monthly_net_fen = EXCLUDED.monthly_net_fen,
             amount_from = EXCLUDED.amount_from,
             previous_monthly_net_fen = EXCLUDED.previous_monthly_net_fen,
             updated_at = now()
         WHERE s.amount_from IS NULL OR s.amount_from <= EXCLUDED.amount_from`,
      [
        c.subscriptionId,
        c.groupAccountId,
        c.productCode,
        c.monthlyNetFen,
        c.effectiveOn,
        c.previousMonthlyNetFen,
      ],
    );
  }

  async ended(tx: EntityManager, e: EndedSubscription): Promise<void> {
    await tx.query(
      `INSERT INTO tiering.subscription_revenue AS s
         (subscription_id, group_account_id, product_code, ends_on)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (subscription_id) DO UPDATE SET ends_on = EXCLUDED.ends_on, updated_at = now()`,
      [e.subscriptionId, e.groupAccountId, e.productCode, e.endsOn],
    );
  }
}
