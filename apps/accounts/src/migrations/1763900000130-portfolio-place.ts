import type { MigrationInterface, QueryRunner } from 'typeorm';
import { portfolioAccountPlaceSql } from '../portfolio/portfolio-account.migration.js';

/**
 * The account's region and status in the portfolio read model, folded from the accounts
 * service's own events, so that a page of a tier and segment in a city, and the facets of a
 * search, are read from the model without looking up every account. Filled here from the
 * accounts as they stand; the projection keeps them since.
 */
export class PortfolioPlace1763900000130 implements MigrationInterface {
  name = 'PortfolioPlace1763900000130';

  async up(runner: QueryRunner): Promise<void> {
    const { columns, indexes } = portfolioAccountPlaceSql('accounts');
    await runner.query(columns);
    await runner.query(
      `UPDATE accounts.portfolio_account p SET region_code = a.region_code, status = a.status
         FROM accounts.group_account a WHERE a.id = p.group_account_id`,
    );
    for (const statement of indexes) await runner.query(statement);
    await runner.query('ANALYZE accounts.portfolio_account');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX accounts.portfolio_account_tier_region_value_idx');
    await runner.query('DROP INDEX accounts.portfolio_account_tier_value_idx');
    await runner.query(`CREATE INDEX portfolio_account_tier_value_idx
      ON accounts.portfolio_account (tier, segment, current_value, group_account_id)`);
    await runner.query(
      'ALTER TABLE accounts.portfolio_account DROP COLUMN region_code, DROP COLUMN status',
    );
  }
}
