import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read model's tables, rewritten row by row as events arrive. */
const READ_MODEL = ['accounts.portfolio_account', 'accounts.portfolio_entry'];

/**
 * The portfolio read model is read by index-only scans (a page ranks on the tier and value
 * index and the caller's portfolio entries), which skip the table only on pages the visibility
 * map marks all-visible; every event folded clears a page's mark until the table is vacuumed.
 * By default autovacuum waits for a fifth of a table to change (220,000 rows of a
 * 1,100,000-account book), so an import's or a tiering run's changes could leave most pages
 * unmarked for good: here it passes after 1% changed or was added.
 */
export class PortfolioVacuum1763900000150 implements MigrationInterface {
  name = 'PortfolioVacuum1763900000150';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of READ_MODEL) {
      await runner.query(
        `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0.01,
                                   autovacuum_vacuum_insert_scale_factor = 0.01,
                                   autovacuum_analyze_scale_factor = 0.02)`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of READ_MODEL) {
      await runner.query(
        `ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor,
                                     autovacuum_vacuum_insert_scale_factor,
                                     autovacuum_analyze_scale_factor)`,
      );
    }
  }
}
