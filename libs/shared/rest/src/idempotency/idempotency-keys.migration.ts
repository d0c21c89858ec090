import type { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@gap/database';

/**
 * The Idempotency-Key store of one service's REST API, in that service's own schema: one row
 * per caller and key, holding the first call's answer for 24 hours. Services with POSTs list
 * this migration; the class name is the same everywhere, each schema keeping its own record.
 */
export class IdempotencyKeys1763900000790 implements MigrationInterface {
  name = 'IdempotencyKeys1763900000790';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'idempotency_key');
    await runner.query(`
      CREATE TABLE ${table} (
        caller text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        fingerprint text NOT NULL,
        attempt uuid NOT NULL,
        locked_until timestamptz NOT NULL,
        status integer CHECK (status BETWEEN 100 AND 599),
        headers jsonb,
        body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (caller, key)
      )`);
    await runner.query(`CREATE INDEX idempotency_key_expiry_idx ON ${table} (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'idempotency_key')}`);
  }
}
