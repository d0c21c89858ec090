import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy v2 as this migration installs it: the score weighs current, potential and lifetime
 * value, and the wallet counts lines as well as employees (the domain's DEFAULT_POLICY).
 */
const POLICY_V2 = {
  version: 'v2',
  horizonYears: 5,
  discountRate: 0.08,
  retention: { base: 0.85, perTenureYear: 0.01, perComplaint: 0.02, min: 0.5, max: 0.97 },
  walletPerEmployee: { C: 1200, I: 2400, J: 3000, G: 1000, S: 1500, P: 800, Q: 1100 },
  defaultWalletPerEmployee: 900,
  walletPerLine: 1200,
  clusterLeaderShare: 0.2,
  scoreWeights: { current: 0.15, potential: 0.05, lifetime: 0.8 },
  segmentThresholds: { current: 200_000, potential: 300_000 },
  cutoffs: { A: 0.8, B: 0.15, C: 0.05 },
  hysteresisMargin: 0.02,
  groupFloor: { A: 'B', B: null },
};

/**
 * The weighted score: run results keep each account's score, lines and whether it took part
 * in the cut (prospects and churned accounts do not); policy v2 with the new fields' defaults,
 * made current where the installed v1 still is; an override's reason measured by what it says
 * (two Chinese characters suffice), so the database keeps only the floor below any valid one.
 */
export class WeightedScore1763900000240 implements MigrationInterface {
  name = 'WeightedScore1763900000240';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE tiering.tiering_run_result
        ADD COLUMN lines integer, ADD COLUMN score float8, ADD COLUMN ranked boolean`);
    await runner.query(
      `INSERT INTO tiering.tiering_policy (version, body, is_current, created_by)
       VALUES ($1, $2, false, 'migration') ON CONFLICT (version) DO NOTHING`,
      [POLICY_V2.version, JSON.stringify(POLICY_V2)],
    );
    // Only where nobody has chosen another version since v1 was installed.
    await runner.query(`
      WITH installed AS (
        UPDATE tiering.tiering_policy SET is_current = false
         WHERE is_current AND version = 'v1' AND created_by = 'migration'
        RETURNING version)
      UPDATE tiering.tiering_policy SET is_current = true
       WHERE version = 'v2' AND EXISTS (SELECT 1 FROM installed)`);
    await runner.query(
      'ALTER TABLE tiering.tier_override DROP CONSTRAINT tier_override_reason_check',
    );
    await runner.query(
      'ALTER TABLE tiering.tier_override ADD CONSTRAINT tier_override_reason_check CHECK (length(btrim(reason)) >= 2)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE tiering.tier_override DROP CONSTRAINT tier_override_reason_check',
    );
    await runner.query(
      'ALTER TABLE tiering.tier_override ADD CONSTRAINT tier_override_reason_check CHECK (length(btrim(reason)) >= 6) NOT VALID',
    );
    await runner.query(`
      UPDATE tiering.tiering_policy SET is_current = (version = 'v1')
       WHERE version IN ('v1', 'v2') AND EXISTS (
         SELECT 1 FROM tiering.tiering_policy WHERE version = 'v2' AND is_current)`);
    await runner.query(
      'ALTER TABLE tiering.tiering_run_result DROP COLUMN lines, DROP COLUMN score, DROP COLUMN ranked',
    );
  }
}
