import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttributeValues, PriceLine, Tier } from '@gap/bundles/domain';

export type Tx = EntityManager;

/** A subscription as the graph shows it. */
export interface SubscriptionRow {
  readonly id: string;
  readonly accountId: string;
  readonly proposalId: string | null;
  readonly productCode: string;
  readonly productVersion: number;
  readonly quantity: number;
  readonly attributes: AttributeValues;
  readonly monthlyNetFen: number;
  readonly monthlyGrossFen: number;
  readonly oneTimeNetFen: number;
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly state: string;
  readonly version: number;
}

const SUBSCRIPTION_COLUMNS = `id, group_account_id AS "accountId", proposal_id AS "proposalId",
  product_code AS "productCode", product_version AS "productVersion", quantity, attributes,
  monthly_net_fen::float8 AS "monthlyNetFen", monthly_gross_fen::float8 AS "monthlyGrossFen",
  one_time_net_fen::float8 AS "oneTimeNetFen", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
  to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", state, version`;

/** A subscription as a change sees it: its current line and what it was sold under. */
export interface StoredSubscription {
  readonly id: string;
  readonly accountId: string;
  readonly proposalId: string | null;
  readonly trialId: string | null;
  readonly productCode: string;
  readonly productVersion: number;
  readonly quantity: number;
  readonly attributes: AttributeValues;
  readonly monthlyNetFen: number;
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly state: 'ACTIVE' | 'ENDED';
  readonly version: number;
  /** The template it was sold in (its proposal's, or the trial's), for the bundle discount. */
  readonly templateCode: string | null;
  readonly templateVersion: number | null;
  /** The tier of its latest price line: a tier change re-prices nothing already sold. */
  readonly tier: Tier;
  /** The day the latest price line took effect. */
  readonly effectiveOn: string;
}

/** A new subscription: a product line, its price locked. */
export interface NewSubscription {
  readonly id: string;
  readonly accountId: string;
  readonly proposalId: string | null;
  readonly trialId: string | null;
  readonly attributes: AttributeValues;
  readonly startsOn: string;
  readonly tier: Tier;
  readonly line: PriceLine;
  readonly by: string;
}

/** A new price line of a subscription. */
export interface PriceChange {
  readonly effectiveOn: string;
  readonly tier: Tier;
  readonly line: PriceLine;
  readonly by: string;
}

/** Subscriptions and their price lines; one subscription at a time, locked for a change. */
@Injectable()
export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(tx: Tx, s: NewSubscription): Promise<void> {
    await tx.query(
      `INSERT INTO bundles.subscription (id, group_account_id, proposal_id, trial_id, product_code,
         product_version, quantity, attributes, monthly_net_fen, monthly_gross_fen, one_time_net_fen,
         starts_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        s.id,
        s.accountId,
        s.proposalId,
        s.trialId,
        s.line.productCode,
        s.line.productVersion,
        s.line.quantity,
        JSON.stringify(s.attributes),
        s.line.monthly.netFen,
        s.line.monthly.grossFen,
        s.line.oneTime.netFen,
        s.startsOn,
      ],
    );
    await this.addPrice(tx, s.id, {
      effectiveOn: s.startsOn,
      tier: s.tier,
      line: s.line,
      by: s.by,
    });
  }

  /** The subscription with what it was sold under, locked; null when there is none. */
  async lock(tx: Tx, id: string): Promise<StoredSubscription | null> {
    const [row] = await tx.query<StoredSubscription[]>(
      `SELECT s.id, s.group_account_id AS "accountId", s.proposal_id AS "proposalId",
              s.trial_id AS "trialId", s.product_code AS "productCode",
              s.product_version AS "productVersion", s.quantity, s.attributes,
              s.monthly_net_fen::float8 AS "monthlyNetFen",
              to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(s.ends_on, 'YYYY-MM-DD') AS "endsOn", s.state, s.version,
              coalesce(p.template_code, CASE WHEN t.subject_kind = 'TEMPLATE' THEN t.subject_code END)
                AS "templateCode",
              coalesce(p.template_version,
                       CASE WHEN t.subject_kind = 'TEMPLATE' THEN t.subject_version END)
                AS "templateVersion",
              coalesce(last.tier, p.tier, t.tier, 'C') AS tier,
              to_char(coalesce(last.effective_on, s.starts_on), 'YYYY-MM-DD') AS "effectiveOn"
         FROM bundles.subscription s
         LEFT JOIN bundles.proposal p ON p.id = s.proposal_id
         LEFT JOIN bundles.trial t ON t.id = s.trial_id
         LEFT JOIN LATERAL (
           SELECT sp.tier, sp.effective_on FROM bundles.subscription_price sp
            WHERE sp.subscription_id = s.id ORDER BY sp.id DESC LIMIT 1) last ON true
        WHERE s.id = $1
        FOR UPDATE OF s`,
      [id],
    );
    return row ?? null;
  }

  /** The subscription as the graph shows it. */
  async view(id: string): Promise<SubscriptionRow | null> {
    const [row] = await this.dataSource.query<SubscriptionRow[]>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM bundles.subscription WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The account's subscriptions, latest first. */
  ofAccount(accountId: string, limit: number): Promise<SubscriptionRow[]> {
    return this.dataSource.query<SubscriptionRow[]>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM bundles.subscription
        WHERE group_account_id = $1 ORDER BY starts_on DESC, product_code, id LIMIT $2`,
      [accountId, limit],
    );
  }

  /** A new price line from its effective day; the subscription shows it from now on. */
  async change(tx: Tx, id: string, change: PriceChange): Promise<void> {
    await tx.query(
      `UPDATE bundles.subscription SET quantity = $2, monthly_net_fen = $3, monthly_gross_fen = $4,
         version = version + 1
       WHERE id = $1`,
      [id, change.line.quantity, change.line.monthly.netFen, change.line.monthly.grossFen],
    );
    await this.addPrice(tx, id, change);
  }

  async end(tx: Tx, id: string, endsOn: string, reason: string): Promise<void> {
    await tx.query(
      `UPDATE bundles.subscription SET state = 'ENDED', ends_on = $2, end_reason = $3,
         version = version + 1
       WHERE id = $1`,
      [id, endsOn, reason],
    );
  }

  private async addPrice(tx: Tx, id: string, change: PriceChange): Promise<void> {
    await tx.query(
      `INSERT INTO bundles.subscription_price (subscription_id, effective_on, quantity, tier,
         monthly_net_fen, monthly_gross_fen, line, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        change.effectiveOn,
        change.line.quantity,
        change.tier,
        change.line.monthly.netFen,
        change.line.monthly.grossFen,
        JSON.stringify(change.line),
        change.by,
      ],
    );
  }
}
