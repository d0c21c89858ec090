import type { MigrationInterface, QueryRunner } from 'typeorm';
import { portfolioTableSql } from '@gap/portfolio';

const RESULT_COLUMNS = `
        run_id uuid NOT NULL,
        group_account_id uuid NOT NULL,
        group_head_id uuid,
        revenue float8,
        cost float8,
        complaints integer,
        tenure_years integer,
        current_value float8,
        retention float8,
        lifetime_value float8,
        wallet float8,
        cluster_bonus float8,
        potential_value float8,
        segment text,
        rank bigint,
        share_above float8,
        own_tier char(1),
        group_value float8,
        group_tier char(1),
        group_share float8,
        group_rank bigint,
        group_size integer,
        previous_tier char(1),
        tier_in_force char(1),
        tier char(1),
        floored boolean,
        held boolean`;

/**
 * Overrides (a supervisor's tier for an account, with a reason and a last day); the computed
 * tier beside the tier in force; run results as one partition per run, written by a parallel
 * `CREATE TABLE … AS` and dropped whole when superseded; a book revision that tells a run
 * whether anything it reads has changed since an earlier run; when runs were applied.
 */
/** What a run reads besides the policy: a change to any of them raises the book revision. */
const BOOK_TABLES = ['value_input', 'account_profile', 'cluster_membership'];

export class TierOverrides1763900000230 implements MigrationInterface {
  name = 'TierOverrides1763900000230';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tiering.tier_override (
        id uuid PRIMARY KEY,
        group_account_id uuid NOT NULL,
        tier char(1) NOT NULL CHECK (tier IN ('A', 'B', 'C')),
        tier_before char(1) NOT NULL CHECK (tier_before IN ('A', 'B', 'C')),
        reason text NOT NULL CHECK (length(btrim(reason)) >= 6),
        valid_until date NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        ended_by text,
        end_reason text CHECK (end_reason IN ('EXPIRED', 'REVOKED', 'REPLACED')),
        end_note text,
        CHECK ((ended_at IS NULL) = (end_reason IS NULL) AND (ended_at IS NULL) = (ended_by IS NULL))
      )`);
    // At most one override in force per account, enforced by the database.
    await runner.query(
      'CREATE UNIQUE INDEX tier_override_one_in_force ON tiering.tier_override (group_account_id) WHERE ended_at IS NULL',
    );
    await runner.query(
      'CREATE INDEX tier_override_due_idx ON tiering.tier_override (valid_until) WHERE ended_at IS NULL',
    );
    await runner.query(
      'CREATE INDEX tier_override_account_idx ON tiering.tier_override (group_account_id, set_at DESC)',
    );
    await runner.query(`
      ALTER TABLE tiering.account_tier
        ADD COLUMN computed_tier char(1) CHECK (computed_tier IN ('A', 'B', 'C')),
        ADD COLUMN override_id uuid`);
    // A run rewrites most rows at once: room on every page lets PostgreSQL keep the new
    // versions beside the old (HOT) without touching the index.
    await runner.query('ALTER TABLE tiering.account_tier SET (fillfactor = 50)');
    // A run writes a history row per account it changes, a million on the first: the sequence
    // keeps ids unique and ordered, and the account index is the one lookups use.
    await runner.query(`
      ALTER TABLE tiering.tier_history
        DROP CONSTRAINT tier_history_pkey,
        ADD COLUMN previous_segment text,
        ADD COLUMN override_id uuid`);
    // Earlier results were one table; previews are recomputed in seconds, so they start afresh.
    await runner.query('DROP TABLE tiering.tiering_run_result');
    await runner.query(
      "UPDATE tiering.tiering_run SET status = 'DISCARDED' WHERE status = 'PREVIEWED'",
    );
    await runner.query(`
      CREATE TABLE tiering.tiering_run_result (${RESULT_COLUMNS},
        PRIMARY KEY (run_id, group_account_id)
      ) PARTITION BY LIST (run_id)`);
    await runner.query(`
      ALTER TABLE tiering.tiering_run
        ADD COLUMN results_of uuid,
        ADD COLUMN book_revision bigint,
        ADD COLUMN applied_at timestamptz,
        ADD COLUMN applied_by text,
        ADD COLUMN effective_from date,
        ADD COLUMN distribution jsonb`);
    await runner.query('UPDATE tiering.tiering_run SET results_of = id');
    await runner.query('ALTER TABLE tiering.tiering_run ALTER results_of SET NOT NULL');
    // One counter, raised in the transaction of every change to what a run reads.
    await runner.query(`
      CREATE TABLE tiering.book_revision (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        revision bigint NOT NULL
      )`);
    await runner.query('INSERT INTO tiering.book_revision (revision) VALUES (1)');
    await runner.query(`
      CREATE FUNCTION tiering.raise_book_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM changed) THEN
          UPDATE tiering.book_revision SET revision = revision + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of BOOK_TABLES) {
      for (const [event, transition] of [
        ['INSERT', 'NEW'],
        ['UPDATE', 'NEW'],
        ['DELETE', 'OLD'],
      ] as const) {
        await runner.query(`
          CREATE TRIGGER ${table}_${event.toLowerCase()}_revision
            AFTER ${event} ON tiering.${table}
            REFERENCING ${transition} TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION tiering.raise_book_revision()`);
      }
    }
    await runner.query(
      'CREATE INDEX tiering_run_created_idx ON tiering.tiering_run (created_at DESC)',
    );
    // Who sees which account's tier and value: the portfolio as the managers service says, and
    // who registered an account (they follow it up until it has a primary manager).
    for (const statement of portfolioTableSql('tiering')) await runner.query(statement);
    await runner.query('ALTER TABLE tiering.account_profile ADD COLUMN registered_by text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE tiering.account_profile DROP COLUMN registered_by');
    await runner.query('DROP TABLE tiering.portfolio_entry');
    await runner.query('DROP INDEX tiering.tiering_run_created_idx');
    for (const table of BOOK_TABLES) {
      for (const event of ['insert', 'update', 'delete']) {
        await runner.query(`DROP TRIGGER ${table}_${event}_revision ON tiering.${table}`);
      }
    }
    await runner.query('DROP FUNCTION tiering.raise_book_revision()');
    await runner.query('DROP TABLE tiering.book_revision');
    await runner.query(`
      ALTER TABLE tiering.tiering_run
        DROP COLUMN results_of, DROP COLUMN book_revision, DROP COLUMN applied_at,
        DROP COLUMN applied_by, DROP COLUMN effective_from, DROP COLUMN distribution`);
    await runner.query('DROP TABLE tiering.tiering_run_result');
    await runner.query(`
      CREATE TABLE tiering.tiering_run_result (${RESULT_COLUMNS},
        PRIMARY KEY (run_id, group_account_id)
      )`);
    await runner.query(
      'ALTER TABLE tiering.tier_history DROP COLUMN previous_segment, DROP COLUMN override_id, ADD PRIMARY KEY (id)',
    );
    await runner.query(
      'ALTER TABLE tiering.account_tier DROP COLUMN computed_tier, DROP COLUMN override_id',
    );
    await runner.query('DROP TABLE tiering.tier_override');
  }
}
