import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { qualifiedTable } from '@gap/database';

/** The first call's answer, as it is given again. */
export interface KeptAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The body exactly as first sent (JSON text). */
  readonly body: string;
}

/** What a call with a key finds: the key is its own now, or an answer, or someone else's call. */
export type Claim =
  | { readonly kind: 'CLAIMED'; readonly attempt: string }
  | { readonly kind: 'REPLAY'; readonly answer: KeptAnswer }
  | { readonly kind: 'IN_FLIGHT' }
  | { readonly kind: 'REUSED' };

export interface ClaimTerms {
  readonly caller: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly ttlSeconds: number;
  readonly leaseSeconds: number;
}

interface Row {
  fingerprint: string;
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
}

/**
 * The service's Idempotency-Key rows, in its own schema so that every instance sees the same
 * keys and they outlive a restart. Time is the database's, the same for all instances.
 */
@Injectable()
export class IdempotencyKeysRepository {
  private readonly table: string;

  constructor(private readonly dataSource: DataSource) {
    this.table = qualifiedTable(dataSource, 'idempotency_key');
  }

  /**
   * Takes the key for this call, or says what holds it. A row whose 24 hours are over counts as
   * absent; one whose call is in flight past its lease (its instance died) is taken over by the
   * same call, but never by a different one.
   */
  async claim(terms: ClaimTerms): Promise<Claim> {
    for (let tries = 0; tries < 3; tries++) {
      const attempt = randomUUID();
      const taken = await this.dataSource.query<{ attempt: string }[]>(
        `INSERT INTO ${this.table} AS k
                (caller, key, fingerprint, attempt, locked_until, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), now() + make_interval(secs => $6))
         ON CONFLICT (caller, key) DO UPDATE
            SET fingerprint = excluded.fingerprint, attempt = excluded.attempt,
                locked_until = excluded.locked_until, expires_at = excluded.expires_at,
                status = NULL, headers = NULL, body = NULL, created_at = now()
          WHERE k.expires_at <= now()
             OR (k.status IS NULL AND k.locked_until <= now() AND k.fingerprint = excluded.fingerprint)
         RETURNING k.attempt::text AS attempt`,
        [terms.caller, terms.key, terms.fingerprint, attempt, terms.leaseSeconds, terms.ttlSeconds],
      );
      if (taken[0]?.attempt === attempt) return { kind: 'CLAIMED', attempt };
      const [row] = await this.dataSource.query<Row[]>(
        `SELECT fingerprint, status, headers, body FROM ${this.table}
          WHERE caller = $1 AND key = $2 AND expires_at > now()`,
        [terms.caller, terms.key],
      );
      // Released or expired between the two statements: try to take it again.
      if (!row) continue;
      if (row.fingerprint !== terms.fingerprint) return { kind: 'REUSED' };
      if (row.status === null || row.body === null) return { kind: 'IN_FLIGHT' };
      return {
        kind: 'REPLAY',
        answer: { status: row.status, headers: row.headers ?? {}, body: row.body },
      };
    }
    return { kind: 'IN_FLIGHT' };
  }

  /** Keeps the answer of the call that holds the key (a call taken over keeps nothing). */
  async keep(caller: string, key: string, attempt: string, answer: KeptAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.table} SET status = $4, headers = $5, body = $6
        WHERE caller = $1 AND key = $2 AND attempt = $3`,
      [caller, key, attempt, answer.status, JSON.stringify(answer.headers), answer.body],
    );
  }

  /** Gives the key back: the call did nothing, and may be sent again with the same key. */
  async release(caller: string, key: string, attempt: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE caller = $1 AND key = $2 AND attempt = $3`,
      [caller, key, attempt],
    );
  }

  /** Deletes up to `limit` keys whose 24 hours are over; how many it deleted. */
  async purgeExpired(limit = 1000): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM ${this.table} WHERE ctid IN (
         SELECT ctid FROM ${this.table} WHERE expires_at <= now() LIMIT $1)`,
      [limit],
    );
    return deleted;
  }
}
