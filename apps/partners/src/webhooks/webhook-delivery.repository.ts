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

  /**
   * One message per endpoint of the partner hearing `eventType`, in one statement; their ids.
   * An endpoint naming no type hears every outcome notification, but not a `namedOnly` event
   * (a TM Forum hub's), which only endpoints naming it hear.
   */
  async insertMessages(
    tx: EntityManager,
    partnerId: string,
    eventType: string,
    body: string,
    namedOnly = false,
  ): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO partners.webhook_message (id, partner_id, endpoint_id, event_type, body)
       SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), $1, e.id, $2, $3
         FROM partners.webhook_endpoint e
        WHERE e.partner_id = $1 AND e.deleted_at IS NULL
          AND ((cardinality(e.event_types) = 0 AND NOT $4) OR $2 = ANY (e.event_types))
       RETURNING id`,
      [partnerId, eventType, body, namedOnly],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Claims the pending messages of live endpoints among `ids` for an attempt each, for
   * `leaseMs`, in one statement: those delivered, dead, of a removed endpoint, or held by
   * another attempt are left out.
   */
  async claim(ids: readonly string[], leaseMs: number): Promise<PendingDelivery[]> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows] = await this.dataSource.query<[PendingDelivery[], number]>(
      `UPDATE partners.webhook_message m
          SET lease_until = now() + make_interval(secs => $2::float8 / 1000)
         FROM partners.webhook_endpoint e
        WHERE m.id = ANY ($1::text[]) AND m.status = 'PENDING'
          AND (m.lease_until IS NULL OR m.lease_until < now())
          AND e.id = m.endpoint_id AND e.partner_id = m.partner_id AND e.deleted_at IS NULL
       RETURNING m.id, m.partner_id AS "partnerId", m.body, m.attempts,
                 m.first_attempt_at AS "firstAttemptAt", e.url, e.secret,
                 e.previous_secret AS "previousSecret",
                 e.previous_valid_until AS "previousValidUntil"`,
      [ids, leaseMs],
    );
    return rows;
  }

  /** Logs attempts and moves their messages on (delivered, dead, or pending a retry), set-based. */
  async record(tx: EntityManager, attempts: readonly Attempt[]): Promise<void> {
    if (attempts.length === 0) return;
    const column = <T>(pick: (a: Attempt) => T) => attempts.map(pick);
    await tx.query(
      `INSERT INTO partners.webhook_attempt
         (message_id, attempt, attempted_at, status_code, latency_ms, error, outcome)
       SELECT * FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::int[], $5::int[],
                            $6::text[], $7::text[])`,
      [
        column((a) => a.messageId),
        column((a) => a.attempt),
        column((a) => a.attemptedAt),
        column((a) => a.statusCode),
        column((a) => Math.round(a.latencyMs)),
        column((a) => a.error),
        column((a) => a.outcome),
      ],
    );
    await tx.query(
      `UPDATE partners.webhook_message m
          SET attempts = x.attempt, first_attempt_at = x.first_attempt_at,
              next_attempt_at = x.next_attempt_at, status = x.status,
              finished_at = CASE WHEN x.status = 'PENDING' THEN NULL ELSE now() END,
              lease_until = NULL
         FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[], $5::text[])
              AS x(id, attempt, first_attempt_at, next_attempt_at, status)
        WHERE m.id = x.id`,
      [
        column((a) => a.messageId),
        column((a) => a.attempt),
        column((a) => a.firstAttemptAt),
        column((a) => a.nextAttemptAt),
        column((a) => (a.outcome === 'RETRY' ? 'PENDING' : a.outcome)),
      ],
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
