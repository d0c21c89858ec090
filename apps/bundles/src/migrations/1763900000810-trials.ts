import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trials and subscription changes: the trials (one open trial per account and subject; their
 * lengths per tier and reminders are the bundles policy's `trial`), and on subscriptions a version
 * (optimistic concurrency), why one ended, the trial one came from, and its price lines (each
 * change re-priced, locked, from its effective day).
 */
export class Trials1763900000810 implements MigrationInterface {
  name = 'Trials1763900000810';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bundles.trial (
        id uuid PRIMARY KEY,
        group_account_id uuid NOT NULL,
        subject_kind text NOT NULL CHECK (subject_kind IN ('TEMPLATE', 'PRODUCT')),
        subject_code text NOT NULL,
        subject_version integer NOT NULL CHECK (subject_version >= 1),
        tier char(1) NOT NULL CHECK (tier IN ('A', 'B', 'C')),
        state text NOT NULL CHECK (state IN ('ACTIVE', 'CONVERTED', 'EXPIRED')),
        note text,
        started_by text NOT NULL,
        started_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > started_at),
        reminder_days integer[] NOT NULL,
        reminders_sent integer NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
        closed_at timestamptz,
        closed_by text,
        subscription_ids uuid[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX trial_one_open ON bundles.trial (group_account_id, subject_kind, subject_code)
        WHERE state = 'ACTIVE'`,
    );
    await runner.query(
      'CREATE INDEX trial_account_idx ON bundles.trial (group_account_id, started_at DESC)',
    );
    await runner.query('CREATE INDEX trial_started_idx ON bundles.trial (started_at DESC, id)');

    await runner.query(`
      ALTER TABLE bundles.subscription
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN end_reason text,
        ADD COLUMN trial_id uuid REFERENCES bundles.trial (id)`);
    await runner.query(`
      CREATE TABLE bundles.subscription_price (
        id bigserial PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES bundles.subscription (id),
        effective_on date NOT NULL,
        quantity integer NOT NULL CHECK (quantity >= 1),
        tier char(1) NOT NULL,
        monthly_net_fen bigint NOT NULL CHECK (monthly_net_fen >= 0),
        monthly_gross_fen bigint NOT NULL CHECK (monthly_gross_fen >= 0),
        line jsonb NOT NULL,
        changed_by text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX subscription_price_idx ON bundles.subscription_price (subscription_id, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE bundles.subscription_price');
    await runner.query(`
      ALTER TABLE bundles.subscription
        DROP COLUMN trial_id, DROP COLUMN end_reason, DROP COLUMN version`);
    await runner.query('DROP TABLE bundles.trial');
  }
}
