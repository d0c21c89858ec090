import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { DataSource } from 'typeorm';

/**
 * The authorization server's own state (partners.oauth_artifact, oauth_signing_key): the
 * short-lived artifacts it asks its adapter to keep, and the key that signs access tokens,
 * shared by every instance of the service.
 */
@Injectable()
export class OAuthStoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(model: string, id: string, payload: object, expiresIn: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO partners.oauth_artifact (model, id, payload, expires_at)
       VALUES ($1, $2, $3, CASE WHEN $4::int > 0 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (model, id) DO UPDATE
       SET payload = EXCLUDED.payload, expires_at = EXCLUDED.expires_at, consumed_at = NULL`,
      [model, id, JSON.stringify(payload), Math.max(0, Math.round(expiresIn))],
    );
  }

  /** The artifact while unexpired, marked `consumed` once it has been. */
  async find(model: string, id: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await this.dataSource.query<
      { payload: Record<string, unknown>; consumed: boolean }[]
    >(
      `SELECT payload, consumed_at IS NOT NULL AS consumed FROM partners.oauth_artifact
       WHERE model = $1 AND id = $2 AND (expires_at IS NULL OR expires_at > now())`,
      [model, id],
    );
    if (!row) return undefined;
    return row.consumed ? { ...row.payload, consumed: true } : row.payload;
  }

  async findBy(model: string, key: string, value: string) {
    const [row] = await this.dataSource.query<{ payload: Record<string, unknown> }[]>(
      `SELECT payload FROM partners.oauth_artifact
       WHERE model = $1 AND payload ->> $2 = $3 AND (expires_at IS NULL OR expires_at > now())`,
      [model, key, value],
    );
    return row?.payload;
  }

  async consume(model: string, id: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE partners.oauth_artifact SET consumed_at = now() WHERE model = $1 AND id = $2',
      [model, id],
    );
  }

  async destroy(model: string, id: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM partners.oauth_artifact WHERE model = $1 AND id = $2',
      [model, id],
    );
  }

  async destroyByGrant(model: string, grantId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM partners.oauth_artifact WHERE model = $1 AND payload ->> 'grantId' = $2`,
      [model, grantId],
    );
  }

  /** The signing key: the first instance to start stores `candidate`; all then use it. */
  async signingKey(kid: string, candidate: JWK): Promise<JWK> {
    await this.dataSource.query(
      `INSERT INTO partners.oauth_signing_key (kid, private_jwk) VALUES ($1, $2)
       ON CONFLICT (singleton) DO NOTHING`,
      [kid, JSON.stringify(candidate)],
    );
    const [row] = await this.dataSource.query<{ jwk: JWK }[]>(
      'SELECT private_jwk AS jwk FROM partners.oauth_signing_key',
    );
    if (!row) throw new Error('No signing key is stored.');
    return row.jwk;
  }
}
