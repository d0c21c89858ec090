import type { DataSource, EntityManager } from 'typeorm';
import { qualifiedTable } from '@gap/database';
import type { EventEnvelope } from '@gap/contracts';

export interface OutboxRow {
  readonly seq: string;
  readonly id: string;
  readonly topic: string;
  readonly messageKey: string;
  readonly eventType: string;
  readonly envelope: string;
  readonly attempts: number;
}

export interface NewOutboxRow {
  readonly topic: string;
  readonly envelope: EventEnvelope;
}

/** The outbox table of one service's schema; the only code that touches it. */
export class OutboxRepository {
  private readonly table: string;

  constructor(dataSource: DataSource) {
    this.table = qualifiedTable(dataSource, 'outbox');
  }

  async append(manager: EntityManager, rows: readonly NewOutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO ${this.table} (id, topic, message_key, event_type, envelope)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
      [
        rows.map((r) => r.envelope.id),
        rows.map((r) => r.topic),
        rows.map((r) => r.envelope.aggregateId),
        rows.map((r) => r.envelope.type),
        rows.map((r) => JSON.stringify(r.envelope)),
      ],
    );
  }

  /**
   * Makes this transaction the one relay of the outbox until it ends; false when another
   * relay (another instance of the service) holds it. Relays take turns rather than claim
   * side by side: two relays publishing at once could send an account's later event before its
   * earlier one, and each account's events must arrive in order.
   */
  async takeRelayTurn(manager: EntityManager): Promise<boolean> {
    const [row] = await manager.query<{ taken: boolean }[]>(
      'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS taken',
      [`outbox-relay:${this.table}`],
    );
    return row?.taken === true;
  }

  /** Locks a batch of due rows; other relays skip them until this transaction ends. */
  async claimDue(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
    return manager.query(
      `SELECT seq, id, topic, message_key AS "messageKey", event_type AS "eventType",
              envelope::text AS envelope, attempts
       FROM ${this.table}
       WHERE status = 'PENDING' AND available_at <= now()
       ORDER BY seq
       LIMIT $1
       FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markSent(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE ${this.table} SET status = 'SENT', sent_at = now(), attempts = attempts + 1
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async markRetry(
    manager: EntityManager,
    ids: readonly string[],
    error: string,
    delayMs: number,
  ): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE ${this.table}
       SET attempts = attempts + 1, last_error = $2,
           available_at = now() + make_interval(secs => $3::double precision / 1000)
       WHERE id = ANY($1::uuid[])`,
      [ids, error, delayMs],
    );
  }

  /** Moves a row that can never be published aside, with the reason, so the rest flows. */
  async markDead(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET status = 'DEAD', attempts = attempts + 1, last_error = $2 WHERE id = $1`,
      [id, error],
    );
  }

  async countPending(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM ${this.table} WHERE status = 'PENDING'`,
    );
    return Number(row?.count ?? 0);
  }

  async pruneSent(manager: EntityManager, olderThanHours: number): Promise<void> {
    await manager.query(
      `DELETE FROM ${this.table} WHERE status = 'SENT' AND sent_at < now() - make_interval(hours => $1)`,
      [olderThanHours],
    );
  }
}
