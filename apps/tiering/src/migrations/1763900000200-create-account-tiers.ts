import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountTiers1763900000200 implements MigrationInterface {
  name = 'CreateAccountTiers1763900000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tiering.account_tier (
        group_account_id uuid PRIMARY KEY,
        tier char(1) NOT NULL CHECK (tier IN ('A', 'B', 'C')),
        reason text NOT NULL,
        policy_version text NOT NULL,
        effective_from timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tiering.account_tier');
  }
}
