import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountTier } from '@gap/coordination/domain';
import type { SlaMarks } from './request-clocks.js';
import { parseBody, type RequestBody } from './request.body.js';
import { RequestErrors } from './request.errors.js';

export type Tx = EntityManager;

/** A request as stored: its columns for querying and its aggregate, whole, in `body`. */
export interface StoredRequest {
  readonly id: string;
  readonly reference: string;
  readonly accountId: string;
  readonly tier: AccountTier;
  readonly title: string;
  readonly description: string;
  readonly raisedByKind: string;
  readonly raisedBy: string;
  readonly slaPolicyVersion: string;
  readonly body: RequestBody;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface NewRequest {
  readonly id: string;
  readonly tier: AccountTier;
  readonly title: string;
  readonly description: string;
  readonly slaPolicyVersion: string;
  readonly body: RequestBody;
  readonly dueAt: Date | null;
  /** When the clock reaches its warning share and its target (see SlaMarks). */
  readonly marks?: Omit<SlaMarks, 'dueAt'>;
}

export interface AuditEntry {
  readonly requestId: string;
  readonly actor: string;
  readonly action: string;
  readonly before: RequestBody | null;
  readonly after: RequestBody | null;
}

export const REQUEST_COLUMNS = `r.id, r.reference, r.group_account_id AS "accountId",
  r.account_tier AS tier, r.title, r.description, r.raised_by_kind AS "raisedByKind",
  r.raised_by AS "raisedBy", r.sla_policy_version AS "slaPolicyVersion", r.body, r.version,
  r.created_at AS "createdAt", r.updated_at AS "updatedAt"`;

type Row = Omit<StoredRequest, 'body'> & { body: unknown };

export function storedOf(row: Row): StoredRequest {
  return { ...row, body: parseBody(row.body) };
}

/** The requests' writes: one aggregate at a time, locked, versioned, every change audited. */
@Injectable()
export class RequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Locks the request for the transaction's change; null when there is none or when `visible`
   * (a condition over `r` adding its values to the parameters) leaves it out.
   */
  async lock(
    tx: Tx,
    id: string,
    visible: (alias: string, params: unknown[]) => string = () => 'true',
  ): Promise<StoredRequest | null> {
    const params: unknown[] = [id];
    const condition = visible('r', params);
    const [row] = await tx.query<Row[]>(
      `SELECT ${REQUEST_COLUMNS} FROM coordination.request r
        WHERE r.id = $1 AND ${condition} FOR UPDATE`,
      params,
    );
    return row ? storedOf(row) : null;
  }

  /** Inserts a new request with the next reference, e.g. CR-2026-000123. */
  async insert(tx: Tx, request: NewRequest, year: number): Promise<StoredRequest> {
    const r = request.body.request;
    const [row] = await tx.query<Row[]>(
      `INSERT INTO coordination.request AS r (id, reference, group_account_id, account_tier, type,
         priority, state, title, description, raised_by_kind, raised_by, lead_department_id,
         sla_policy_version, body, due_at, warning_at, breach_at)
       VALUES ($1, 'CR-' || $2::text || '-' || lpad(nextval('coordination.request_number_seq')::text, 6, '0'),
               $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       RETURNING ${REQUEST_COLUMNS}`,
      [
        request.id,
        String(year),
        r.accountId,
        request.tier,
        r.type,
        r.priority,
        r.state,
        request.title,
        request.description,
        r.raisedBy.kind,
        r.raisedBy.id,
        r.leadDepartmentId,
        request.slaPolicyVersion,
        JSON.stringify(request.body),
        request.dueAt,
        request.marks?.warningAt ?? null,
        request.marks?.breachAt ?? request.dueAt,
      ],
    );
    if (!row) throw new Error('INSERT … RETURNING returned no row');
    return storedOf(row);
  }

  /**
   * Saves the aggregate over the version it was read at; a stale version is a CONFLICT. Given
   * only a due time (no marks), the breach time is taken to be it and the warning left unknown.
   * Answers the request as saved.
   */
  async save(
    tx: Tx,
    stored: StoredRequest,
    body: RequestBody,
    due: Date | null | SlaMarks,
    tier: AccountTier = stored.tier,
  ): Promise<StoredRequest> {
    const r = body.request;
    const marks: SlaMarks =
      due === null || due instanceof Date ? { dueAt: due, warningAt: null, breachAt: due } : due;
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [[saved]] = await tx.query<[{ version: number; updatedAt: Date }[], number]>(
      `UPDATE coordination.request SET priority = $3, state = $4, lead_department_id = $5,
              body = $6, due_at = $7, warning_at = $8, breach_at = $9, account_tier = $10,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2
        RETURNING version, updated_at AS "updatedAt"`,
      [
        stored.id,
        stored.version,
        r.priority,
        r.state,
        r.leadDepartmentId,
        JSON.stringify(body),
        marks.dueAt,
        marks.warningAt,
        marks.breachAt,
        tier,
      ],
    );
    if (!saved) throw RequestErrors.staleVersion(stored.id, stored.version, stored.version + 1);
    return { ...stored, tier, body, version: saved.version, updatedAt: saved.updatedAt };
  }

  async audit(tx: Tx, entry: AuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO coordination.request_audit (request_id, actor, action, before, after)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        entry.requestId,
        entry.actor,
        entry.action,
        entry.before && JSON.stringify(entry.before),
        entry.after && JSON.stringify(entry.after),
      ],
    );
  }

  /** The open requests of an account on another tier than `tier`, locked, oldest first. */
  async lockOpenOnOtherTier(
    tx: Tx,
    accountId: string,
    tier: AccountTier,
  ): Promise<StoredRequest[]> {
    const rows = await tx.query<Row[]>(
      `SELECT ${REQUEST_COLUMNS} FROM coordination.request r
        WHERE r.group_account_id = $1 AND r.account_tier <> $2
          AND r.state IN ('SUBMITTED', 'TRIAGED', 'IN_PROGRESS', 'RESOLVED', 'CONFIRMED')
        ORDER BY r.id FOR UPDATE`,
      [accountId, tier],
    );
    return rows.map(storedOf);
  }

  /** The departments that may take work (active ones). */
  async activeDepartmentIds(tx: Tx): Promise<Set<string>> {
    const rows = await tx.query<{ id: string }[]>(
      'SELECT id FROM coordination.department WHERE active',
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The account's tier as tiering last said; C when it has not said yet. */
  async tierOf(tx: Tx, accountId: string): Promise<AccountTier> {
    const [row] = await tx.query<{ tier: AccountTier }[]>(
      'SELECT tier FROM coordination.account_tier WHERE group_account_id = $1',
      [accountId],
    );
    return row?.tier ?? 'C';
  }
}
