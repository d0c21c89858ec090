import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  PendingDelivery,
  WebhookAttemptRecord,
  WebhookDeliveryRecord,
} from './webhook.model.js';

export interface Attempt extends WebhookAttemptRecord {
  readonly messageId: string;
  readonly firstAttemptAt: Date;
  readonly nextAttemptAt: Date | null;
}

/** Webhook messages and their attempts (partners.webhook_message, webhook_attempt). */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** One message per endpoint of the partner hearing `eventType`; their ids. */
  async insertMessages(
    tx: EntityManager,
    partnerId: string,
    eventType: string,
    body: string,
    ids: (endpointId: string) => string,
  ): Promise<string[]> {
    const endpoints = await tx.query<{ id: string }[]>(
      `SELECT id FROM partners.webhook_endpoint
       WHERE partner_id = $1 AND deleted_at IS NULL
         AND (cardinality(event_types) = 0 OR $2 = ANY (event_types))`,
      [partnerId, eventType],
    );
    const messageIds: string[] = [];
    for (const endpoint of endpoints) {
      const id = ids(endpoint.id);
      await tx.query(
        `INSERT INTO partners.webhook_message (id, partner_id, endpoint_id, event_type, body)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, partnerId, endpoint.id, eventType, body],
      );
      messageIds.push(id);
    }
    return messageIds;
  }

  /**
   * Claims a pending message of a live endpoint for an attempt, for `leaseMs`: null when it is
   * delivered, dead, its endpoint removed, or another attempt holds it.
   */
  async claim(id: string, leaseMs: number): Promise<PendingDelivery | null> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [[row]] = await this.dataSource.query<[PendingDelivery[], number]>(
      `UPDATE partners.webhook_message m
          SET lease_until = now() + make_interval(secs => $2::float8 / 1000)
         FROM partners.webhook_endpoint e
        WHERE m.id = $1 AND m.status = 'PENDING'
          AND (m.lease_until IS NULL OR m.lease_until < now())
          AND e.id = m.endpoint_id AND e.partner_id = m.partner_id AND e.deleted_at IS NULL
       RETURNING m.id, m.partner_id AS "partnerId", m.body, m.attempts,
                 m.first_attempt_at AS "firstAttemptAt", e.url, e.secret,
                 e.previous_secret AS "previousSecret",
                 e.previous_valid_until AS "previousValidUntil"`,
      [id, leaseMs],
    );
    return row ?? null;
  }

  async record(tx: EntityManager, attempt: Attempt): Promise<void> {
    await tx.query(
      `INSERT INTO partners.webhook_attempt
         (message_id, attempt, attempted_at, status_code, latency_ms, error, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        attempt.messageId,
        attempt.attempt,
        attempt.attemptedAt,
        attempt.statusCode,
        attempt.latencyMs,
        attempt.error,
        attempt.outcome,
      ],
    );
    const status = attempt.outcome === 'RETRY' ? 'PENDING' : attempt.outcome;
    await tx.query(
      `UPDATE partners.webhook_message
       SET attempts = $2, first_attempt_at = $3, next_attempt_at = $4, status = $5,
           finished_at = CASE WHEN $5 = 'PENDING' THEN NULL ELSE now() END, lease_until = NULL
       WHERE id = $1`,
      [attempt.messageId, attempt.attempt, attempt.firstAttemptAt, attempt.nextAttemptAt, status],
    );
  }

  /** The endpoint's latest messages with their attempts, newest first. */
  async deliveries(endpointId: string, limit: number): Promise<WebhookDeliveryRecord[]> {
    return this.dataSource.query<WebhookDeliveryRecord[]>(
      `SELECT m.id, m.event_type AS "eventType", m.status, m.created_at AS "createdAt",
              m.next_attempt_at AS "nextAttemptAt",
              coalesce((SELECT json_agg(json_build_object(
                  'attempt', a.attempt, 'attemptedAt', a.attempted_at,
                  'statusCode', a.status_code, 'latencyMs', a.latency_ms,
                  'error', a.error, 'outcome', a.outcome) ORDER BY a.attempt)
                FROM partners.webhook_attempt a WHERE a.message_id = m.id), '[]') AS attempts
       FROM partners.webhook_message m WHERE m.endpoint_id = $1
       ORDER BY m.created_at DESC, m.id DESC LIMIT $2`,
      [endpointId, limit],
    );
  }

  /**
   * A dead message of the partner's endpoint made pending again, its retry window starting
   * afresh; whether there was one.
   */
  async revive(tx: EntityManager, endpointId: string, messageId: string): Promise<boolean> {
    const [, updated] = await tx.query<[unknown[], number]>(
      `UPDATE partners.webhook_message
       SET status = 'PENDING', first_attempt_at = NULL, next_attempt_at = NULL, finished_at = NULL
       WHERE id = $1 AND endpoint_id = $2 AND status = 'DEAD'`,
      [messageId, endpointId],
    );
    return updated > 0;
  }
}
