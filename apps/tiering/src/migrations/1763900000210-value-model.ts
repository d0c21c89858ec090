import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Policy v1 as this migration installed it (the defaults have moved on since: see 240). */
const POLICY_V1 = {
  version: 'v1',
  horizonYears: 5,
  discountRate: 0.08,
  retention: { base: 0.85, perTenureYear: 0.01, perComplaint: 0.02, min: 0.5, max: 0.97 },
  walletPerEmployee: { C: 1200, I: 2400, J: 3000, G: 1000, S: 1500, P: 800, Q: 1100 },
  defaultWalletPerEmployee: 900,
  clusterLeaderShare: 0.2,
  segmentThresholds: { current: 200_000, potential: 300_000 },
  cutoffs: { A: 0.8, B: 0.15, C: 0.05 },
  hysteresisMargin: 0.02,
  groupFloor: { A: 'B', B: null },
};

/**
 * What the value model reads: the accounts as the accounts service describes them (a read
 * model fed by its events), their cluster leadership, monthly value inputs with one column per
 * service line and cost (so a run sums them in set-based SQL), and versioned policies.
 */
export class ValueModel1763900000210 implements MigrationInterface {
  name = 'ValueModel1763900000210';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tiering.account_profile (
        group_account_id uuid PRIMARY KEY,
        account_code text NOT NULL,
        industry_code text NOT NULL,
        region_code char(6) NOT NULL,
        employees integer CHECK (employees >= 0),
        status text NOT NULL,
        parent_id uuid,
        group_head_id uuid NOT NULL,
        customer_since date,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX account_profile_group_head_idx ON tiering.account_profile (group_head_id)',
    );
    // Billing exports name accounts by their code: the value-input import looks them up here.
    await runner.query(
      'CREATE UNIQUE INDEX account_profile_code_key ON tiering.account_profile (account_code)',
    );
    await runner.query(`
      CREATE TABLE tiering.cluster_membership (
        cluster_id uuid NOT NULL,
        group_account_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('LEADER', 'SUPPORTING')),
        PRIMARY KEY (cluster_id, group_account_id)
      )`);
    await runner.query(
      'CREATE INDEX cluster_membership_account_idx ON tiering.cluster_membership (group_account_id)',
    );
    const money = (name: string) => `${name} numeric(16, 2) NOT NULL DEFAULT 0`;
    await runner.query(`
      CREATE TABLE tiering.value_input (
        group_account_id uuid NOT NULL,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        ${[
          'revenue_voice',
          'revenue_data',
          'revenue_leased_line',
          'revenue_fixed_line',
          'revenue_broadband',
          'revenue_group_short_number',
          'revenue_cloud',
          'revenue_iot',
          'revenue_other',
          'cost_commission',
          'cost_marketing',
          'cost_operating',
        ]
          .map(money)
          .join(',\n        ')},
        lines integer NOT NULL DEFAULT 0 CHECK (lines >= 0),
        complaints integer NOT NULL DEFAULT 0 CHECK (complaints >= 0),
        loaded_by text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_account_id, month)
      )`);
    await runner.query('CREATE INDEX value_input_month_idx ON tiering.value_input (month)');
    await runner.query(`
      CREATE TABLE tiering.tiering_policy (
        version text PRIMARY KEY,
        body jsonb NOT NULL,
        is_current boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX tiering_policy_one_current ON tiering.tiering_policy (is_current) WHERE is_current',
    );
    await runner.query(
      `INSERT INTO tiering.tiering_policy (version, body, is_current, created_by)
       VALUES ($1, $2, true, 'migration')`,
      [POLICY_V1.version, JSON.stringify(POLICY_V1)],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'tiering_policy',
      'value_input',
      'cluster_membership',
      'account_profile',
    ]) {
      await runner.query(`DROP TABLE tiering.${table}`);
    }
  }
}
