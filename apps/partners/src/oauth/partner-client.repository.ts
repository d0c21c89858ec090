import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClientCredentialsRow, PartnerClientRecord } from './partner-client.model.js';

const COLUMNS = `c.client_id AS "clientId", c.partner_id AS "partnerId", c.name, c.scopes,
  c.status, c.created_at AS "createdAt", c.rotated_at AS "rotatedAt",
  c.previous_valid_until AS "previousValidUntil", c.revoked_at AS "revokedAt"`;

export interface NewPartnerClient {
  readonly clientId: string;
  readonly partnerId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly secretHash: string;
  readonly createdBy: string;
}

/** Partners' OAuth clients (partners.partner_client), and the partner each acts for. */
@Injectable()
export class PartnerClientRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(client: NewPartnerClient): Promise<PartnerClientRecord> {
    const [row] = await this.dataSource.query<PartnerClientRecord[]>(
      `INSERT INTO partners.partner_client AS c
         (client_id, partner_id, name, scopes, secret_hash, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        client.clientId,
        client.partnerId,
        client.name,
        client.scopes,
        client.secretHash,
        client.createdBy,
      ],
    );
    if (!row) throw new Error('The client was not stored.');
    return row;
  }

  async listOfPartner(partnerId: string): Promise<PartnerClientRecord[]> {
    return this.dataSource.query<PartnerClientRecord[]>(
      `SELECT ${COLUMNS} FROM partners.partner_client c
       WHERE c.partner_id = $1 ORDER BY c.created_at, c.client_id`,
      [partnerId],
    );
  }

  async find(clientId: string): Promise<PartnerClientRecord | null> {
    const [row] = await this.dataSource.query<PartnerClientRecord[]>(
      `SELECT ${COLUMNS} FROM partners.partner_client c WHERE c.client_id = $1`,
      [clientId],
    );
    return row ?? null;
  }

  /** The client with its secret hashes and its partner's standing, for a token request. */
  async credentials(clientId: string): Promise<ClientCredentialsRow | null> {
    const [row] = await this.dataSource.query<ClientCredentialsRow[]>(
      `SELECT ${COLUMNS}, c.secret_hash AS "secretHash",
              c.previous_secret_hash AS "previousSecretHash", p.status AS "partnerStatus",
              p.name AS "partnerName", p.type AS "partnerType", p.region_prefixes AS "regionPrefixes",
              p.industry_sections AS "industrySections",
              to_char(p.contract_starts_on, 'YYYY-MM-DD') AS "contractStartsOn",
              to_char(p.contract_ends_on, 'YYYY-MM-DD') AS "contractEndsOn"
       FROM partners.partner_client c JOIN partners.partner p ON p.id = c.partner_id
       WHERE c.client_id = $1`,
      [clientId],
    );
    return row ?? null;
  }

  /** A new secret; the one it replaces keeps working until `previousValidUntil`. */
  async rotate(
    clientId: string,
    secretHash: string,
    previousValidUntil: Date,
  ): Promise<PartnerClientRecord | null> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [[row]] = await this.dataSource.query<[PartnerClientRecord[], number]>(
      `UPDATE partners.partner_client c
       SET previous_secret_hash = c.secret_hash, previous_valid_until = $3,
           secret_hash = $2, rotated_at = now()
       WHERE c.client_id = $1 AND c.status = 'ACTIVE' RETURNING ${COLUMNS}`,
      [clientId, secretHash, previousValidUntil],
    );
    return row ?? null;
  }

  async revoke(clientId: string, revokedBy: string): Promise<PartnerClientRecord | null> {
    const [[row]] = await this.dataSource.query<[PartnerClientRecord[], number]>(
      `UPDATE partners.partner_client c
       SET status = 'REVOKED', revoked_at = coalesce(c.revoked_at, now()),
           revoked_by = coalesce(c.revoked_by, $2)
       WHERE c.client_id = $1 RETURNING ${COLUMNS}`,
      [clientId, revokedBy],
    );
    return row ?? null;
  }

  async partnerExists(partnerId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM partners.partner WHERE id = $1',
      [partnerId],
    );
    return rows.length > 0;
  }
}
