import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'CONFIRMED')`;

/**
 * Beside `due_at`, when the clock of a request's state reaches its warning share (`warning_at`)
 * and its target (`breach_at`), kept with every change and also while the clock is paused once
 * reached, so that an account's SLA summary and the SLA board count breached and warned
 * requests from the index instead of reading every aggregate. The board reads the open
 * requests by lead department and state from one partial index.
 */
export class SlaMarks1763900000750 implements MigrationInterface {
  name = 'SlaMarks1763900000750';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE coordination.request
      ADD COLUMN warning_at timestamptz, ADD COLUMN breach_at timestamptz`);
    // Rows written before: a running clock's due time is its breach time.
    await runner.query(
      'UPDATE coordination.request SET breach_at = due_at WHERE due_at IS NOT NULL',
    );
    await runner.query(
      `CREATE INDEX request_board_idx ON coordination.request (lead_department_id, state)
         INCLUDE (due_at, warning_at, breach_at) WHERE state IN ${OPEN}`,
    );
    await runner.query(
      `CREATE INDEX request_account_open_idx ON coordination.request (group_account_id)
         INCLUDE (due_at, warning_at, breach_at) WHERE state IN ${OPEN}`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX coordination.request_account_open_idx');
    await runner.query('DROP INDEX coordination.request_board_idx');
    await runner.query(
      'ALTER TABLE coordination.request DROP COLUMN breach_at, DROP COLUMN warning_at',
    );
  }
}
