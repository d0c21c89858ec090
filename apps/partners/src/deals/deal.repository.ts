import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type Tx = EntityManager;

/** A partner's deal registration as stored. */
export interface DealRecord {
  readonly id: string;
  readonly partnerId: string;
  readonly creditCode: string;
  readonly groupAccountId: string | null;
  readonly registeredAt: Date;
  readonly expiresAt: Date;
  readonly status: 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';
}

const COLUMNS = `id, partner_id AS "partnerId", credit_code AS "creditCode",
  group_account_id AS "groupAccountId", registered_at AS "registeredAt",
  expires_at AS "expiresAt",
  CASE WHEN status = 'ACTIVE' AND expires_at <= now() THEN 'EXPIRED' ELSE status END AS status`;

/** Where the previous page ended: the registration time (ISO) and the id. */
export type DealPosition = readonly [string, string];

/** Partners' deal registrations (partners.deal_registration). */
@Injectable()
export class DealRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Marks registrations whose time is up as expired (the company's, or up to `limit` of any),
   * so that they hold nothing; those it marked, each once, whichever instance gets there first.
   */
  async expireLapsed(
    tx: Tx,
    now: Date,
    scope: { creditCode: string } | { limit: number },
  ): Promise<DealRecord[]> {
    const [where, last] =
      'creditCode' in scope ? ['credit_code = $2', scope.creditCode] : ['true', scope.limit];
    const [rows] = await tx.query<[DealRecord[], number]>(
      `UPDATE partners.deal_registration d SET status = 'EXPIRED'
        WHERE d.id IN (
          SELECT id FROM partners.deal_registration
           WHERE status = 'ACTIVE' AND expires_at <= $1 AND ${where}
           ORDER BY expires_at ${'limit' in scope ? 'LIMIT $2' : ''}
             FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [now, last],
    );
    return rows;
  }

  /** The company's active registrations, every partner, locked until the transaction ends. */
  async activeFor(tx: Tx, creditCode: string): Promise<DealRecord[]> {
    return tx.query<DealRecord[]>(
      `SELECT ${COLUMNS} FROM partners.deal_registration
        WHERE credit_code = $1 AND status = 'ACTIVE' ORDER BY registered_at, id FOR UPDATE`,
      [creditCode],
    );
  }

  /** The account the projection knows under the credit code, if any. */
  async accountOf(tx: Tx, creditCode: string): Promise<string | null> {
    const [row] = await tx.query<{ id: string }[]>(
      'SELECT group_account_id AS id FROM partners.account WHERE credit_code = $1',
      [creditCode],
    );
    return row?.id ?? null;
  }

  /** Adds the registration; false when the partner holds an active one for the company. */
  async insert(tx: Tx, deal: Omit<DealRecord, 'status'>): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO partners.deal_registration
         (id, partner_id, credit_code, group_account_id, registered_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        deal.id,
        deal.partnerId,
        deal.creditCode,
        deal.groupAccountId,
        deal.registeredAt,
        deal.expiresAt,
      ],
    );
    return rows.length > 0;
  }

  async find(id: string, manager: Tx = this.dataSource.manager): Promise<DealRecord | null> {
    const [row] = await manager.query<DealRecord[]>(
      `SELECT ${COLUMNS} FROM partners.deal_registration WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * A page of registrations for the operator's people, newest first: all of them, or (for a
   * manager or supervisor) those on accounts of leads they work (`subject`).
   */
  async list(
    filter: { partnerId?: string | null; creditCode?: string | null },
    subject: { id: string; team: boolean } | null,
    limit: number,
    after: DealPosition | null,
  ): Promise<DealRecord[]> {
    return this.dataSource.query<DealRecord[]>(
      `SELECT ${COLUMNS} FROM partners.deal_registration d
        WHERE ($1::uuid IS NULL OR partner_id = $1)
          AND ($2::text IS NULL OR credit_code = $2)
          AND ($3::timestamptz IS NULL OR (registered_at, id) < ($3, $4::uuid))
          AND ($5::text IS NULL OR group_account_id IN (
                SELECT l.group_account_id FROM partners.lead l
                 WHERE l.manager_id = $5 OR ($6 AND l.supervisor_id = $5)))
        ORDER BY registered_at DESC, id DESC
        LIMIT $7`,
      [
        filter.partnerId ?? null,
        filter.creditCode ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        subject?.id ?? null,
        subject?.team ?? false,
        limit,
      ],
    );
  }

  /** A page of the partner's registrations, newest first. */
  async ofPartner(
    partnerId: string,
    limit: number,
    after: DealPosition | null,
  ): Promise<DealRecord[]> {
    return this.dataSource.query<DealRecord[]>(
      `SELECT ${COLUMNS} FROM partners.deal_registration
        WHERE partner_id = $1
          AND ($2::timestamptz IS NULL OR (registered_at, id) < ($2, $3::uuid))
        ORDER BY registered_at DESC, id DESC
        LIMIT $4`,
      [partnerId, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }
}
