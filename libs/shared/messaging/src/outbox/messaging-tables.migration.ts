import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@gap/database';

/**
 * The outbox and inbox of one service, in that service's own schema. Every service lists this
 * migration first; the class name is the same everywhere because each schema keeps its own
 * migrations table.
 */
export class MessagingTables1763900000001 implements MigrationInterface {
  name = 'MessagingTables1763900000001';

  async up(runner: QueryRunner): Promise<void> {
    const schema = quoteSchema(runner);
    await runner.query(`
      CREATE TABLE ${schema}.outbox (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        event_type text NOT NULL,
        envelope jsonb NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX outbox_pending_idx ON ${schema}.outbox (seq) WHERE status = 'PENDING'`,
    );
    await runner.query(`
      CREATE TABLE ${schema}.inbox (
        consumer_group text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const schema = quoteSchema(runner);
    await runner.query(`DROP TABLE ${schema}.inbox`);
    await runner.query(`DROP TABLE ${schema}.outbox`);
  }
}

function quoteSchema(runner: QueryRunner): string {
  return `"${schemaOf(runner.connection).replace(/"/g, '""')}"`;
}
