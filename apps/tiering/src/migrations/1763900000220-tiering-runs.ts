import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tiering runs: what each run proposed for every account, and with which numbers. */
export class TieringRuns1763900000220 implements MigrationInterface {
  name = 'TieringRuns1763900000220';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tiering.tiering_run (
        id uuid PRIMARY KEY,
        policy_version text NOT NULL REFERENCES tiering.tiering_policy (version),
        as_of date NOT NULL CHECK (extract(day FROM as_of) = 1),
        status text NOT NULL CHECK (status IN ('PREVIEWED', 'APPLIED', 'DISCARDED')),
        summary jsonb,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE tiering.tiering_run_result (
        run_id uuid NOT NULL REFERENCES tiering.tiering_run (id) ON DELETE CASCADE,
        group_account_id uuid NOT NULL,
        group_head_id uuid NOT NULL,
        revenue numeric NOT NULL,
        cost numeric NOT NULL,
        complaints integer NOT NULL,
        tenure_years integer NOT NULL,
        current_value numeric NOT NULL,
        retention numeric NOT NULL,
        lifetime_value numeric NOT NULL,
        wallet numeric NOT NULL,
        cluster_bonus numeric NOT NULL,
        potential_value numeric NOT NULL,
        segment text NOT NULL,
        rank bigint NOT NULL,
        share_above numeric NOT NULL,
        own_tier char(1) NOT NULL,
        group_value numeric NOT NULL,
        group_tier char(1) NOT NULL,
        previous_tier char(1),
        tier char(1) NOT NULL,
        floored boolean NOT NULL,
        held boolean NOT NULL,
        PRIMARY KEY (run_id, group_account_id)
      )`);
    await runner.query(
      'ALTER TABLE tiering.account_tier ADD COLUMN segment text, ADD COLUMN run_id uuid',
    );
    // Every tier an account has had, from when, by which run and policy, and why.
    await runner.query(`
      CREATE TABLE tiering.tier_history (
        id bigserial PRIMARY KEY,
        group_account_id uuid NOT NULL,
        tier char(1) NOT NULL,
        previous_tier char(1),
        segment text,
        reason text NOT NULL,
        policy_version text NOT NULL,
        run_id uuid,
        effective_from date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX tier_history_account_idx ON tiering.tier_history (group_account_id, effective_from)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tiering.tier_history');
    await runner.query('ALTER TABLE tiering.account_tier DROP COLUMN segment, DROP COLUMN run_id');
    await runner.query('DROP TABLE tiering.tiering_run_result');
    await runner.query('DROP TABLE tiering.tiering_run');
  }
}
