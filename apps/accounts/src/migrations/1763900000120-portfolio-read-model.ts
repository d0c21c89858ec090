import type { MigrationInterface, QueryRunner } from 'typeorm';
import { portfolioAccountTableSql } from '../portfolio/portfolio-account.migration.js';

/**
 * The portfolio read model (ADR 10): tier, segment, values, managers and handover of every
 * account, as the tiering and managers services publish them, beside the account list that
 * filters and sorts by them. A book that existed before fills it with `npm run
 * portfolio:rebuild -- --apply`.
 */
export class PortfolioReadModel1763900000120 implements MigrationInterface {
  name = 'PortfolioReadModel1763900000120';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of portfolioAccountTableSql('accounts')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE accounts.portfolio_account');
  }
}
