import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adoption: the monthly usage imported per subscription (with the entitlement it is measured
 * against, fixed at import), and awareness, one row per account, product and day a seller
 * presented the product.
 */
export class Adoption1763900000820 implements MigrationInterface {
  name = 'Adoption1763900000820';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bundles.usage (
        subscription_id uuid NOT NULL REFERENCES bundles.subscription (id),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        usage bigint NOT NULL CHECK (usage >= 0),
        entitlement bigint NOT NULL CHECK (entitlement >= 1),
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscription_id, month)
      )`);
    await runner.query('CREATE INDEX usage_month_idx ON bundles.usage (month)');
    await runner.query(`
      CREATE TABLE bundles.awareness (
        group_account_id uuid NOT NULL,
        product_code text NOT NULL,
        presented_on date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('VISIT', 'CALL', 'EVENT', 'ONLINE')),
        note text,
        presented_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_account_id, product_code, presented_on)
      )`);
    await runner.query(
      'CREATE INDEX awareness_day_idx ON bundles.awareness (presented_on, product_code)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE bundles.awareness');
    await runner.query('DROP TABLE bundles.usage');
  }
}
