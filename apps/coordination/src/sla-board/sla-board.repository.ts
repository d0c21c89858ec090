import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OPEN_REQUEST_STATES } from '@gap/coordination/domain';
import { REQUEST_COLUMNS, storedOf } from '../requests/request.repository.js';
import type { ListedRequest } from '../requests/request-reads.repository.js';
import type { Viewer } from '../requests/request-viewer.js';
import { visibleCondition } from '../requests/request-visibility.js';

/** The open states, written out so that PostgreSQL matches the partial indexes' predicate. */
const OPEN = `(${OPEN_REQUEST_STATES.map((state) => `'${state}'`).join(', ')})`;

/** An account's open requests in figures, as of `now`. */
export interface SlaSummaryRow {
  readonly accountId: string;
  readonly open: number;
  readonly breached: number;
  readonly warning: number;
  readonly nextDueAt: Date | null;
}

/** One cell of the board: a lead department (null before triage) and a state. */
export interface SlaBoardCell {
  readonly departmentId: string | null;
  readonly state: string;
  readonly open: number;
  readonly breached: number;
  readonly warning: number;
  readonly breachingSoon: number;
}

/**
 * Breached: the clock of the state reached its target (`breach_at`); warning: it reached its
 * warning share but not its target; breaching soon: it runs and falls due within the window.
 * `$now` and `$soon` are the parameters named so.
 */
function figures(now: string, soon: string): string {
  return `count(*)::int AS open,
    count(*) FILTER (WHERE r.breach_at <= ${now})::int AS breached,
    count(*) FILTER (WHERE r.warning_at <= ${now}
                       AND (r.breach_at IS NULL OR r.breach_at > ${now}))::int AS warning,
    count(*) FILTER (WHERE r.due_at > ${now} AND r.due_at <= ${soon})::int AS "breachingSoon"`;
}

/**
 * The SLA figures of open requests, always within what the viewer may see, from the partial
 * indexes on open requests (by account; by lead department and state) that carry the due,
 * warning and breach instants, so no aggregate is read.
 */
@Injectable()
export class SlaBoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async summaries(
    viewer: Viewer,
    accountIds: readonly string[],
    now: Date,
  ): Promise<SlaSummaryRow[]> {
    const params: unknown[] = [accountIds, now];
    const visible = visibleCondition(viewer, 'r', params);
    return this.dataSource.query<SlaSummaryRow[]>(
      `SELECT r.group_account_id AS "accountId", ${figures('$2', '$2')},
              min(r.due_at) FILTER (WHERE r.due_at > $2) AS "nextDueAt"
         FROM coordination.request r
        WHERE r.group_account_id = ANY($1::uuid[]) AND r.state IN ${OPEN} AND ${visible}
        GROUP BY r.group_account_id`,
      params,
    );
  }

  /**
   * The cells, counted in one pass over the board's index. Serially: on the few cores a
   * service's database has, parallel workers cost more to start and gather than they save
   * (100,000 open requests on 2 cores: 36 ms serial, 85 ms with two workers).
   */
  async cells(viewer: Viewer, now: Date, soon: Date): Promise<SlaBoardCell[]> {
    const params: unknown[] = [now, soon];
    const visible = visibleCondition(viewer, 'r', params);
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SET LOCAL max_parallel_workers_per_gather = 0');
      return tx.query<SlaBoardCell[]>(
        `SELECT r.lead_department_id AS "departmentId", r.state, ${figures('$1', '$2')}
         FROM coordination.request r
        WHERE r.state IN ${OPEN} AND ${visible}
        GROUP BY r.lead_department_id, r.state
        ORDER BY r.lead_department_id NULLS FIRST, r.state`,
        params,
      );
    });
  }

  /** The requests whose running clock falls due after `now` and by `soon`, soonest first. */
  async breachingSoon(
    viewer: Viewer,
    now: Date,
    soon: Date,
    limit: number,
  ): Promise<ListedRequest[]> {
    const params: unknown[] = [now, soon, limit];
    const visible = visibleCondition(viewer, 'r', params);
    const rows = await this.dataSource.query<
      (Parameters<typeof storedOf>[0] & { dueAt: Date | null })[]
    >(
      `SELECT ${REQUEST_COLUMNS}, r.due_at AS "dueAt" FROM coordination.request r
        WHERE coalesce(r.due_at, 'infinity') > $1 AND coalesce(r.due_at, 'infinity') <= $2
          AND ${visible}
        ORDER BY coalesce(r.due_at, 'infinity'), r.id LIMIT $3`,
      params,
    );
    return rows.map((row) => ({ ...storedOf(row), dueAt: row.dueAt }));
  }
}
