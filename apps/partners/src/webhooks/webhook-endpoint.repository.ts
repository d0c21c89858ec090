import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WebhookEndpointRecord } from './webhook.model.js';

const COLUMNS = `id, url, description, event_types AS "eventTypes", created_at AS "createdAt"`;

export interface NewWebhookEndpoint {
  readonly id: string;
  readonly partnerId: string;
  readonly url: string;
  readonly description: string | null;
  readonly eventTypes: readonly string[];
  readonly secret: string;
}

/** Partners' webhook endpoints (partners.webhook_endpoint); every query names the partner. */
@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(endpoint: NewWebhookEndpoint): Promise<WebhookEndpointRecord> {
    const [row] = await this.dataSource.query<WebhookEndpointRecord[]>(
      `INSERT INTO partners.webhook_endpoint (id, partner_id, url, description, event_types, secret)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        endpoint.id,
        endpoint.partnerId,
        endpoint.url,
        endpoint.description,
        endpoint.eventTypes,
        endpoint.secret,
      ],
    );
    if (!row) throw new Error('The endpoint was not stored.');
    return row;
  }

  listOfPartner(partnerId: string): Promise<WebhookEndpointRecord[]> {
    return this.dataSource.query<WebhookEndpointRecord[]>(
      `SELECT ${COLUMNS} FROM partners.webhook_endpoint
       WHERE partner_id = $1 AND deleted_at IS NULL ORDER BY created_at, id`,
      [partnerId],
    );
  }

  async findOwn(partnerId: string, id: string): Promise<WebhookEndpointRecord | null> {
    const [row] = await this.dataSource.query<WebhookEndpointRecord[]>(
      `SELECT ${COLUMNS} FROM partners.webhook_endpoint
       WHERE id = $1 AND partner_id = $2 AND deleted_at IS NULL`,
      [id, partnerId],
    );
    return row ?? null;
  }

  /** Whether the partner's endpoint was there to delete. */
  async deleteOwn(partnerId: string, id: string): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [, updated] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE partners.webhook_endpoint SET deleted_at = now()
       WHERE id = $1 AND partner_id = $2 AND deleted_at IS NULL`,
      [id, partnerId],
    );
    return updated > 0;
  }

  /** A new secret; the one it replaces still signs (beside it) until `previousValidUntil`. */
  async rotateOwn(
    partnerId: string,
    id: string,
    secret: string,
    previousValidUntil: Date,
  ): Promise<WebhookEndpointRecord | null> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [[row]] = await this.dataSource.query<[WebhookEndpointRecord[], number]>(
      `UPDATE partners.webhook_endpoint
       SET previous_secret = secret, previous_valid_until = $4, secret = $3
       WHERE id = $1 AND partner_id = $2 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
      [id, partnerId, secret, previousValidUntil],
    );
    return row ?? null;
  }
}
