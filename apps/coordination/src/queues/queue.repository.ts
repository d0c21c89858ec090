import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OPEN_REQUEST_STATES, type Task } from '@gap/coordination/domain';
import { REQUEST_COLUMNS, storedOf, type StoredRequest } from '../requests/request.repository.js';
import type { Viewer } from '../requests/request-viewer.js';
import { visibleCondition } from '../requests/request-visibility.js';

type Position = readonly (string | number)[];
type Row = Parameters<typeof storedOf>[0] & { dueKey: string };

export interface QueuedRequest extends StoredRequest {
  /** Where it stands in a queue's order, at the database's full precision (for the cursor). */
  readonly dueKey: string;
}

export interface QueuedTask {
  readonly request: QueuedRequest;
  readonly task: Task;
}

const DUE = `coalesce(r.due_at, 'infinity')`;
const SELECTED = `${REQUEST_COLUMNS}, ${DUE}::text AS "dueKey"`;
const TASKS = `jsonb_array_elements(r.body->'request'->'tasks')`;

/** A query over the open requests the viewer sees, soonest due first, in keyset pages. */
class QueueQuery {
  readonly params: unknown[] = [];
  readonly where: string[];

  constructor(viewer: Viewer) {
    this.where = [visibleCondition(viewer, 'r', this.params)];
    this.where.push(`r.state = ANY(${this.param(OPEN_REQUEST_STATES)}::text[])`);
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Requests with a task of one of `departments` (all departments: null). */
  ofDepartments(departments: readonly string[] | null, alias = 't'): void {
    if (departments)
      this.where.push(`${alias}->>'departmentId' = ANY(${this.param(departments)}::text[])`);
  }

  after(position: Position | null, columns: string[]): void {
    if (!position) return;
    const values = position.map((value, i) => {
      const cast = i === 0 ? '::timestamptz' : i === 1 ? '::uuid' : '::text';
      return `${this.param(String(value))}${cast}`;
    });
    this.where.push(`(${columns.join(', ')}) > (${values.join(', ')})`);
  }
}

/** The work queues' reads: always within what the viewer sees, over open requests. */
@Injectable()
export class QueueRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The departments an employee heads. */
  async departmentsHeadedBy(employeeId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM coordination.department WHERE head_id = $1 ORDER BY id',
      [employeeId],
    );
    return rows.map((row) => row.id);
  }

  /** Tasks of `departments` in `states`, by their request's due time, then request and task. */
  async departmentTasks(
    viewer: Viewer,
    departments: readonly string[] | null,
    states: readonly string[],
    limit: number,
    after: Position | null,
  ): Promise<QueuedTask[]> {
    const q = new QueueQuery(viewer);
    q.ofDepartments(departments);
    q.where.push(`t->>'state' = ANY(${q.param(states)}::text[])`);
    q.after(after, [DUE, 'r.id', `t->>'id'`]);
    const rows = await this.dataSource.query<(Row & { task: Task })[]>(
      `SELECT ${SELECTED}, t AS task
         FROM coordination.request r CROSS JOIN LATERAL ${TASKS} t
        WHERE ${q.where.join(' AND ')}
        ORDER BY ${DUE}, r.id, t->>'id' LIMIT ${q.param(limit)}`,
      q.params,
    );
    return rows.map(({ task, ...row }) => ({ request: queued(row), task }));
  }

  /**
   * Requests whose running clock falls due after `from` and by `until` (not breached yet), of
   * `departments` (led or tasked; all: null), soonest first.
   */
  async breaching(
    viewer: Viewer,
    departments: readonly string[] | null,
    window: { from: Date; until: Date },
    limit: number,
    after: Position | null,
  ): Promise<QueuedRequest[]> {
    const q = new QueueQuery(viewer);
    q.where.push(`${DUE} > ${q.param(window.from.toISOString())}::timestamptz`);
    q.where.push(`${DUE} <= ${q.param(window.until.toISOString())}::timestamptz`);
    if (departments) {
      const ids = `${q.param(departments)}::text[]`;
      q.where.push(`(r.lead_department_id = ANY(${ids})
        OR EXISTS (SELECT 1 FROM ${TASKS} t WHERE t->>'departmentId' = ANY(${ids})))`);
    }
    return this.requests(q, limit, after);
  }

  /** Requests nobody has taken: submitted and not triaged, or with a task no one accepted. */
  async unassigned(
    viewer: Viewer,
    limit: number,
    after: Position | null,
  ): Promise<QueuedRequest[]> {
    const q = new QueueQuery(viewer);
    q.where.push(`(r.state = 'SUBMITTED'
      OR EXISTS (SELECT 1 FROM ${TASKS} t WHERE t->>'state' = 'OPEN'))`);
    return this.requests(q, limit, after);
  }

  private async requests(q: QueueQuery, limit: number, after: Position | null) {
    q.after(after, [DUE, 'r.id']);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${SELECTED} FROM coordination.request r
        WHERE ${q.where.join(' AND ')} ORDER BY ${DUE}, r.id LIMIT ${q.param(limit)}`,
      q.params,
    );
    return rows.map(queued);
  }
}

function queued(row: Row): QueuedRequest {
  return { ...storedOf(row), dueKey: row.dueKey };
}
