import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordination service's requests as the managers' scorecard counts them: one row per
 * closed request of an account (its latest closure), credited to the manager who was primary
 * of the account when the closure was learnt, with the customer's satisfaction for a complaint.
 */
export class CoordinationOutcomes1763900000650 implements MigrationInterface {
  name = 'CoordinationOutcomes1763900000650';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE managers.coordination_outcome (
        request_id uuid PRIMARY KEY,
        group_account_id uuid NOT NULL,
        manager_id text,
        complaint boolean NOT NULL,
        satisfaction smallint CHECK (satisfaction BETWEEN 1 AND 5),
        closed_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX coordination_outcome_manager_idx
         ON managers.coordination_outcome (manager_id, closed_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE managers.coordination_outcome');
  }
}
