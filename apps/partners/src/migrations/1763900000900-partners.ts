import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partners service: the partner organisations (agents, resellers, industry associations,
 * e-channels) the operator works with, and what the service knows of the accounts (its
 * projection of the other services' events), indexed for matching a lead's company against
 * the book: by credit code exactly, by normalised name through trigram similarity.
 */
export class Partners1763900000900 implements MigrationInterface {
  name = 'Partners1763900000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partners.partner (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,40}$'),
        name text NOT NULL,
        type text NOT NULL
          CHECK (type IN ('AGENT', 'RESELLER', 'INDUSTRY_ASSOCIATION', 'E_CHANNEL')),
        level text NOT NULL,
        region_prefixes text[] NOT NULL DEFAULT '{}',
        industry_sections text[] NOT NULL DEFAULT '{}',
        contract_starts_on date NOT NULL,
        contract_ends_on date CHECK (contract_ends_on IS NULL OR contract_ends_on >= contract_starts_on),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ENDED')),
        status_reason text,
        contacts jsonb NOT NULL DEFAULT '[]',
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE INDEX partner_status_name_idx ON partners.partner (status, name, id)',
    );

    // Trigram similarity of company names; the extension may already be there for another use.
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await runner.query(`
      CREATE TABLE partners.account (
        group_account_id uuid PRIMARY KEY,
        credit_code text,
        name text,
        normalised_name text,
        name_pinyin text,
        status text CHECK (status IN ('PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED')),
        tier char(1) CHECK (tier IN ('A', 'B', 'C')),
        tier_at timestamptz,
        primary_manager_id text,
        region_code text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX account_credit_code_idx ON partners.account (credit_code)',
    );
    await runner.query(
      'CREATE INDEX account_normalised_name_trgm_idx ON partners.account USING gin (normalised_name gin_trgm_ops)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partners.account');
    await runner.query('DROP TABLE partners.partner');
  }
}
