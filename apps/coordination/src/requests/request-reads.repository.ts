import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REQUEST_COLUMNS, storedOf, type StoredRequest } from './request.repository.js';
import type { Viewer } from './request-viewer.js';
import { visibleCondition } from './request-visibility.js';

export type RequestOrder = 'DUE' | 'CREATED';

export interface RequestFilter {
  readonly states?: readonly string[] | null;
  readonly types?: readonly string[] | null;
  readonly priority?: string | null;
  readonly accountId?: string | null;
  readonly departmentId?: string | null;
  readonly raisedBy?: string | null;
}

export interface ListedRequest extends StoredRequest {
  readonly dueAt: Date | null;
}

export interface AuditRow {
  readonly id: string;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Where the page after `position` starts, in the order asked for. */
function keyset(order: RequestOrder, position: readonly (string | number)[], params: unknown[]) {
  params.push(String(position[0]), String(position[1]));
  const [a, b] = [`$${params.length - 1}`, `$${params.length}`];
  return order === 'DUE'
    ? `(coalesce(r.due_at, 'infinity'), r.id) > (${a}::timestamptz, ${b}::uuid)`
    : `(r.created_at, r.id) < (${a}::timestamptz, ${b}::uuid)`;
}

/** The requests' reads, always within what the viewer may see. */
@Injectable()
export class RequestReadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async byId(viewer: Viewer, id: string): Promise<StoredRequest | null> {
    const params: unknown[] = [id];
    const [row] = await this.dataSource.query<Parameters<typeof storedOf>[0][]>(
      `SELECT ${REQUEST_COLUMNS} FROM coordination.request r
        WHERE r.id = $1 AND ${visibleCondition(viewer, 'r', params)}`,
      params,
    );
    return row ? storedOf(row) : null;
  }

  /** Up to `limit` requests after `after`, by due time (soonest first) or newest first. */
  async list(
    viewer: Viewer,
    filter: RequestFilter,
    order: RequestOrder,
    limit: number,
    after: readonly (string | number)[] | null,
  ): Promise<ListedRequest[]> {
    const params: unknown[] = [];
    const where = [visibleCondition(viewer, 'r', params)];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.states?.length) add((p) => `r.state = ANY(${p}::text[])`, filter.states);
    if (filter.types?.length) add((p) => `r.type = ANY(${p}::text[])`, filter.types);
    if (filter.priority) add((p) => `r.priority = ${p}`, filter.priority);
    if (filter.accountId) add((p) => `r.group_account_id = ${p}::uuid`, filter.accountId);
    if (filter.raisedBy) add((p) => `r.raised_by = ${p}`, filter.raisedBy);
    if (filter.departmentId) {
      add(
        (p) => `(r.lead_department_id = ${p} OR EXISTS (SELECT 1
                  FROM jsonb_array_elements(r.body->'request'->'tasks') t
                 WHERE t->>'departmentId' = ${p}))`,
        filter.departmentId,
      );
    }
    if (after) where.push(keyset(order, after, params));
    params.push(limit);
    const orderBy =
      order === 'DUE' ? `coalesce(r.due_at, 'infinity'), r.id` : 'r.created_at DESC, r.id DESC';
    const rows = await this.dataSource.query<
      (Parameters<typeof storedOf>[0] & { dueAt: Date | null })[]
    >(
      `SELECT ${REQUEST_COLUMNS}, r.due_at AS "dueAt" FROM coordination.request r
        WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => ({ ...storedOf(row), dueAt: row.dueAt }));
  }

  audit(requestId: string): Promise<AuditRow[]> {
    return this.dataSource.query<AuditRow[]>(
      `SELECT id::text, at, actor, action, before, after FROM coordination.request_audit
        WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
  }
}
