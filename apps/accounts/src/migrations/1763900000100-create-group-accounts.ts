import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGroupAccounts1763900000100 implements MigrationInterface {
  name = 'CreateGroupAccounts1763900000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE SEQUENCE accounts.account_code_seq START 100001');
    await runner.query(`
      CREATE TABLE accounts.group_account (
        id uuid PRIMARY KEY,
        account_code text NOT NULL,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        credit_code char(18) NOT NULL,
        type text NOT NULL CHECK (type IN ('ENTERPRISE', 'GOVERNMENT', 'PUBLIC_INSTITUTION', 'SME')),
        industry_code text NOT NULL,
        region_code char(6) NOT NULL,
        status text NOT NULL DEFAULT 'PROSPECT'
          CHECK (status IN ('PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT group_account_code_key UNIQUE (account_code),
        CONSTRAINT group_account_credit_code_key UNIQUE (credit_code)
      )`);
    await runner.query(
      'CREATE INDEX group_account_created_idx ON accounts.group_account (created_at, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE accounts.group_account');
    await runner.query('DROP SEQUENCE accounts.account_code_seq');
  }
}
