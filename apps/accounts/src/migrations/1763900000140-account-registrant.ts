import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accounts each person registered: until an account has a primary manager its registrant
 * sees it, and a manager's search reads those accounts from here beside their portfolio
 * entries (`@gap/portfolio`'s `scopeBranches`) instead of testing every account it finds.
 */
export class AccountRegistrant1763900000140 implements MigrationInterface {
  name = 'AccountRegistrant1763900000140';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX group_account_created_by_idx ON accounts.group_account (created_by)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX accounts.group_account_created_by_idx');
  }
}
