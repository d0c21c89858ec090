import type { MigrationInterface, QueryRunner } from 'typeorm';
import { policyTableSql } from '@gap/policy';
import { portfolioTableSql } from '@gap/portfolio';
import { DEFAULT_BUNDLES_POLICY } from '@gap/bundles/domain';

const LIFECYCLE = `CHECK (lifecycle IN ('DRAFT', 'ACTIVE', 'RETIRED'))`;

/**
 * The bundles service: the catalogue's products and the bundle templates (one row per version,
 * at most one version of a code on sale), its policy's versions, the approver register,
 * proposals with their history, the subscriptions acceptance creates, and what the service
 * knows of the accounts (its projection of the other services' events).
 */
export class Bundles1763900000800 implements MigrationInterface {
  name = 'Bundles1763900000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bundles.account (
        group_account_id uuid PRIMARY KEY,
        status text CHECK (status IN ('PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED')),
        industry text,
        region_code text,
        employees integer,
        lines integer,
        tier char(1) CHECK (tier IN ('A', 'B', 'C')),
        tier_at timestamptz,
        segment text,
        segment_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX account_tier_region_idx ON bundles.account (tier, region_code) WHERE status = 'ACTIVE'`,
    );
    for (const statement of portfolioTableSql('bundles')) await runner.query(statement);

    await runner.query(`
      CREATE TABLE bundles.product (
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
        version integer NOT NULL CHECK (version >= 1),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        family text NOT NULL,
        monthly_list_fen bigint NOT NULL CHECK (monthly_list_fen >= 0),
        one_time_fee_fen bigint NOT NULL CHECK (one_time_fee_fen >= 0),
        tax_category text NOT NULL,
        lifecycle text NOT NULL ${LIFECYCLE},
        body jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version)
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX product_one_active ON bundles.product (code) WHERE lifecycle = 'ACTIVE'`,
    );
    await runner.query(`
      CREATE TABLE bundles.template (
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
        version integer NOT NULL CHECK (version >= 1),
        name_zh text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CUSTOM', 'SME')),
        lifecycle text NOT NULL ${LIFECYCLE},
        body jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version)
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX template_one_active ON bundles.template (code) WHERE lifecycle = 'ACTIVE'`,
    );
    for (const statement of policyTableSql('bundles', 'bundles_policy')) {
      await runner.query(statement);
    }
    await runner.query(
      `INSERT INTO bundles.bundles_policy (version, body, is_current, created_by)
       VALUES ($1, $2, true, 'migration')`,
      [DEFAULT_BUNDLES_POLICY.version, JSON.stringify(DEFAULT_BUNDLES_POLICY)],
    );
    await runner.query(`
      CREATE TABLE bundles.approver (
        subject text NOT NULL,
        level text NOT NULL CHECK (level IN ('SUPERVISOR', 'REGIONAL_DIRECTOR', 'HEADQUARTERS')),
        region_prefix text CHECK (region_prefix ~ '^[0-9]{2,6}$'),
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subject, level)
      )`);

    await runner.query('CREATE SEQUENCE bundles.proposal_number_seq');
    await runner.query(`
      CREATE TABLE bundles.proposal (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        group_account_id uuid NOT NULL,
        template_code text NOT NULL,
        template_version integer NOT NULL,
        state text NOT NULL CHECK (state IN
          ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
        revision integer NOT NULL CHECK (revision >= 1),
        author_id text NOT NULL,
        configuration jsonb NOT NULL,
        manual_discount jsonb,
        chain jsonb NOT NULL DEFAULT '[]',
        approvals jsonb NOT NULL DEFAULT '[]',
        price jsonb NOT NULL,
        tier char(1) NOT NULL,
        discount_depth_bp integer NOT NULL CHECK (discount_depth_bp >= 0),
        monthly_net_fen bigint NOT NULL,
        one_time_net_fen bigint NOT NULL,
        valid_until timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (template_code, template_version) REFERENCES bundles.template (code, version)
      )`);
    await runner.query(
      'CREATE INDEX proposal_account_idx ON bundles.proposal (group_account_id, created_at DESC)',
    );
    await runner.query(
      `CREATE INDEX proposal_sent_idx ON bundles.proposal (valid_until) WHERE state = 'SENT'`,
    );
    await runner.query(`
      CREATE TABLE bundles.proposal_history (
        id bigserial PRIMARY KEY,
        proposal_id uuid NOT NULL REFERENCES bundles.proposal (id),
        revision integer NOT NULL,
        action text NOT NULL,
        actor text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        comment text,
        snapshot jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX proposal_history_idx ON bundles.proposal_history (proposal_id, id)',
    );
    await runner.query(`
      CREATE TABLE bundles.subscription (
        id uuid PRIMARY KEY,
        group_account_id uuid NOT NULL,
        proposal_id uuid REFERENCES bundles.proposal (id),
        product_code text NOT NULL,
        product_version integer NOT NULL,
        quantity integer NOT NULL CHECK (quantity >= 1),
        attributes jsonb NOT NULL DEFAULT '{}',
        monthly_net_fen bigint NOT NULL CHECK (monthly_net_fen >= 0),
        monthly_gross_fen bigint NOT NULL CHECK (monthly_gross_fen >= 0),
        one_time_net_fen bigint NOT NULL CHECK (one_time_net_fen >= 0),
        starts_on date NOT NULL,
        ends_on date,
        state text NOT NULL DEFAULT 'ACTIVE' CHECK (state IN ('ACTIVE', 'ENDED')),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (product_code, product_version) REFERENCES bundles.product (code, version)
      )`);
    await runner.query(
      'CREATE INDEX subscription_account_idx ON bundles.subscription (group_account_id, starts_on)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'subscription',
      'proposal_history',
      'proposal',
      'approver',
      'bundles_policy',
      'template',
      'product',
      'portfolio_entry',
      'account',
    ]) {
      await runner.query(`DROP TABLE bundles.${table}`);
    }
    await runner.query('DROP SEQUENCE bundles.proposal_number_seq');
  }
}
