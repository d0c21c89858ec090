import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partners' OAuth clients (client credentials): secrets kept only as scrypt hashes, the
 * previous one valid until the end of a rotation's overlap; the authorization server's own
 * short-lived artifacts and signing key; and each partner's request counters, one row per
 * window, shared by every instance.
 */
export class PartnerCredentials1763900000950 implements MigrationInterface {
  name = 'PartnerCredentials1763900000950';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partners.partner_client (
        client_id text PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partners.partner (id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        secret_hash text NOT NULL,
        previous_secret_hash text,
        previous_valid_until timestamptz,
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REVOKED')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz,
        revoked_by text
      )`);
    await runner.query(
      'CREATE INDEX partner_client_partner_idx ON partners.partner_client (partner_id, created_at)',
    );
    await runner.query(`
      CREATE TABLE partners.oauth_artifact (
        model text NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        expires_at timestamptz,
        consumed_at timestamptz,
        PRIMARY KEY (model, id)
      )`);
    await runner.query(`
      CREATE TABLE partners.oauth_signing_key (
        -- One key today, so that instances starting together agree on it.
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        kid text NOT NULL,
        private_jwk jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE partners.partner_rate_window (
        partner_id uuid NOT NULL,
        window_start timestamptz NOT NULL,
        requests integer NOT NULL,
        PRIMARY KEY (partner_id, window_start)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partners.partner_rate_window');
    await runner.query('DROP TABLE partners.oauth_signing_key');
    await runner.query('DROP TABLE partners.oauth_artifact');
    await runner.query('DROP TABLE partners.partner_client');
  }
}
