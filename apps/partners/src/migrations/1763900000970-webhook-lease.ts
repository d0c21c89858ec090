import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message being sent is leased, not locked: the attempt claims it for a while (the
 * receiver's timeout and a margin), posts outside any transaction, then logs the outcome, so a
 * slow receiver holds no database connection while it thinks.
 */
export class WebhookLease1763900000970 implements MigrationInterface {
  name = 'WebhookLease1763900000970';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE partners.webhook_message ADD COLUMN lease_until timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE partners.webhook_message DROP COLUMN lease_until');
  }
}
