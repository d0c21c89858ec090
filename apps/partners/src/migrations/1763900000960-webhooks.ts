import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partners' webhook endpoints and what was sent to them: one message per event and endpoint
 * (its id the `webhook-id` every attempt carries), and one log row per attempt.
 */
export class PartnerWebhooks1763900000960 implements MigrationInterface {
  name = 'PartnerWebhooks1763900000960';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partners.webhook_endpoint (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partners.partner (id),
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL DEFAULT '{}',
        secret text NOT NULL,
        previous_secret text,
        previous_valid_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await runner.query(
      'CREATE INDEX webhook_endpoint_partner_idx ON partners.webhook_endpoint (partner_id) WHERE deleted_at IS NULL',
    );
    await runner.query(`
      CREATE TABLE partners.webhook_message (
        id text PRIMARY KEY,
        partner_id uuid NOT NULL,
        endpoint_id uuid NOT NULL REFERENCES partners.webhook_endpoint (id),
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
        attempts integer NOT NULL DEFAULT 0,
        first_attempt_at timestamptz,
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await runner.query(
      'CREATE INDEX webhook_message_endpoint_idx ON partners.webhook_message (endpoint_id, created_at DESC)',
    );
    await runner.query(`
      CREATE TABLE partners.webhook_attempt (
        message_id text NOT NULL REFERENCES partners.webhook_message (id),
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        latency_ms integer NOT NULL,
        error text,
        outcome text NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRY', 'DEAD')),
        PRIMARY KEY (message_id, attempt)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partners.webhook_attempt');
    await runner.query('DROP TABLE partners.webhook_message');
    await runner.query('DROP TABLE partners.webhook_endpoint');
  }
}
