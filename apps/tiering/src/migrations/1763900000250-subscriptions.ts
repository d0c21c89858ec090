import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the bundles service has sold each account, as monthly recurring revenue: one row per
 * subscription with its current monthly amount, the date it applies from and the amount before
 * it (a change may take effect later than it is made), its start and its last day. Informative
 * only: the value model reads billed revenue and never this table.
 */
export class Subscriptions1763900000250 implements MigrationInterface {
  name = 'Subscriptions1763900000250';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tiering.subscription_revenue (
        subscription_id uuid PRIMARY KEY,
        group_account_id uuid NOT NULL,
        product_code text NOT NULL,
        monthly_net_fen bigint,
        amount_from date,
        previous_monthly_net_fen bigint,
        starts_on date,
        ends_on date,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX subscription_revenue_account ON tiering.subscription_revenue (group_account_id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE tiering.subscription_revenue`);
  }
}
