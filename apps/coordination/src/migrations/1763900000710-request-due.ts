import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the clock running in a request's state falls due, kept with every change, so lists can
 * be ordered by urgency without reading every aggregate (null: no clock runs, or it is paused).
 */
export class RequestDue1763900000710 implements MigrationInterface {
  name = 'RequestDue1763900000710';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE coordination.request ADD COLUMN due_at timestamptz');
    await runner.query(
      `CREATE INDEX request_due_idx ON coordination.request ((coalesce(due_at, 'infinity')), id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX coordination.request_due_idx');
    await runner.query('ALTER TABLE coordination.request DROP COLUMN due_at');
  }
}
