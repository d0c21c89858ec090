import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose writes change who carries which load, who may take accounts, or the policy. */
const TRACKED = [
  'managers.manager_policy',
  'managers.primary_assignment',
  'managers.handover',
  'managers.account_tier',
  'managers.account_manager',
];

/**
 * The load token: one row naming the last transaction that changed managers' loads (primary
 * assignments, handovers, tiers, account statuses, the managers themselves, the policy). Automatic
 * assignment keeps every manager's load in memory between batches and reloads it only when
 * the token names another transaction than the one it last saw, so that a single new account
 * is placed without adding up the whole book. The row is written at most once per
 * transaction (a statement trigger), and held by it until it ends.
 */
export class LoadToken1763900000500 implements MigrationInterface {
  name = 'LoadToken1763900000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE managers.load_token (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        token bigint NOT NULL
      )`);
    await runner.query('INSERT INTO managers.load_token (token) VALUES (0)');
    await runner.query(`
      CREATE FUNCTION managers.touch_load_token() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE managers.load_token SET token = txid_current()
         WHERE token IS DISTINCT FROM txid_current();
        RETURN NULL;
      END $$`);
    for (const table of TRACKED) {
      await runner.query(`
        CREATE TRIGGER load_token_touched AFTER INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION managers.touch_load_token()`);
    }
    // A churned account stops counting towards its manager's load.
    await runner.query(`
      CREATE TRIGGER load_token_touched AFTER UPDATE OF status ON managers.group_account
        FOR EACH STATEMENT EXECUTE FUNCTION managers.touch_load_token()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [...TRACKED, 'managers.group_account']) {
      await runner.query(`DROP TRIGGER load_token_touched ON ${table}`);
    }
    await runner.query('DROP FUNCTION managers.touch_load_token()');
    await runner.query('DROP TABLE managers.load_token');
  }
}
