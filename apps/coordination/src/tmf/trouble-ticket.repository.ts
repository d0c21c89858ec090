import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestState } from '@gap/coordination/domain';
import type { RequestBody } from '../requests/request.body.js';
import { REQUEST_COLUMNS, storedOf, type StoredRequest } from '../requests/request.repository.js';
import type { Viewer } from '../requests/request-viewer.js';
import { visibleCondition } from '../requests/request-visibility.js';

/** Who reads tickets: the request feature's viewer, and a partner sees what it raised. */
export interface TicketViewer extends Viewer {
  readonly partner: boolean;
}

export interface TicketFilter {
  readonly types: readonly string[];
  /** Any of these (state, waiting) groups, from the `status` asked for. */
  readonly statuses?: readonly { states: readonly RequestState[]; waiting: boolean | null }[];
  readonly priorities?: readonly string[];
  readonly createdFrom?: { at: Date; inclusive: boolean };
  readonly createdTo?: { at: Date; inclusive: boolean };
  readonly updatedFrom?: { at: Date; inclusive: boolean };
  readonly updatedTo?: { at: Date; inclusive: boolean };
}

export type TicketSort = 'creationDate' | '-creationDate' | 'lastUpdate' | '-lastUpdate';

export interface TicketVersion {
  readonly requestId: string;
  readonly at: Date;
  readonly state: RequestState;
  readonly waitingForCustomer: boolean;
}

type Row = Parameters<typeof storedOf>[0];

/** The SQL of what `viewer` may see of `alias` (a coordination.request row). */
export function ticketVisibleCondition(viewer: TicketViewer, alias: string, params: unknown[]) {
  const rule = visibleCondition(viewer, alias, params);
  if (!viewer.partner) return rule;
  params.push(viewer.subject);
  return `(${rule} OR (${alias}.raised_by_kind = 'PARTNER' AND ${alias}.raised_by = $${params.length}))`;
}

const SORTS: Readonly<Record<TicketSort, string>> = {
  creationDate: 'r.created_at, r.id',
  '-creationDate': 'r.created_at DESC, r.id DESC',
  lastUpdate: 'r.updated_at, r.id',
  '-lastUpdate': 'r.updated_at DESC, r.id DESC',
};

/** The TMF621 facade's reads of requests, and its hub's listeners. */
@Injectable()
export class TroubleTicketRepository {
  constructor(private readonly dataSource: DataSource) {}

  private where(viewer: TicketViewer, filter: TicketFilter, params: unknown[]): string {
    const where = [ticketVisibleCondition(viewer, 'r', params)];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    add((p) => `r.type = ANY(${p}::text[])`, filter.types);
    if (filter.statuses) {
      const groups = filter.statuses.map((group) => {
        params.push(group.states);
        const states = `r.state = ANY($${params.length}::text[])`;
        if (group.waiting === null) return states;
        params.push(group.waiting);
        return `(${states} AND coalesce((r.body->'request'->>'waitingForCustomer')::boolean, false) = $${params.length})`;
      });
      where.push(groups.length > 0 ? `(${groups.join(' OR ')})` : 'false');
    }
    if (filter.priorities) add((p) => `r.priority = ANY(${p}::text[])`, filter.priorities);
    const bound = (column: string, b: { at: Date; inclusive: boolean } | undefined, op: string) => {
      if (b) add((p) => `${column} ${op}${b.inclusive ? '=' : ''} ${p}`, b.at);
    };
    bound('r.created_at', filter.createdFrom, '>');
    bound('r.created_at', filter.createdTo, '<');
    bound('r.updated_at', filter.updatedFrom, '>');
    bound('r.updated_at', filter.updatedTo, '<');
    return where.join(' AND ');
  }

  /** A page of the tickets `viewer` sees, and how many match in all. */
  async page(
    viewer: TicketViewer,
    filter: TicketFilter,
    sort: TicketSort,
    offset: number,
    limit: number,
  ): Promise<{ total: number; rows: StoredRequest[] }> {
    const params: unknown[] = [];
    const where = this.where(viewer, filter, params);
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM coordination.request r WHERE ${where}`,
      params,
    );
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${REQUEST_COLUMNS} FROM coordination.request r WHERE ${where}
        ORDER BY ${SORTS[sort]} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    return { total: count?.n ?? 0, rows: rows.map(storedOf) };
  }

  async byId(
    viewer: TicketViewer,
    id: string,
    types: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredRequest | null> {
    const params: unknown[] = [id, types];
    const [row] = await manager.query<Row[]>(
      `SELECT ${REQUEST_COLUMNS} FROM coordination.request r
        WHERE r.id = $1 AND r.type = ANY($2::text[]) AND ${ticketVisibleCondition(viewer, 'r', params)}`,
      params,
    );
    return row ? storedOf(row) : null;
  }

  /** Every version of the requests from their audit trail, oldest first, for their status history. */
  async versions(requestIds: readonly string[]): Promise<TicketVersion[]> {
    if (requestIds.length === 0) return [];
    const rows = await this.dataSource.query<{ requestId: string; at: Date; after: RequestBody }[]>(
      `SELECT request_id AS "requestId", at, after FROM coordination.request_audit
        WHERE request_id = ANY($1::uuid[]) AND after IS NOT NULL ORDER BY id`,
      [requestIds],
    );
    return rows.map((row) => ({
      requestId: row.requestId,
      at: row.at,
      state: row.after.request.state,
      waitingForCustomer: row.after.request.waitingForCustomer,
    }));
  }
}
