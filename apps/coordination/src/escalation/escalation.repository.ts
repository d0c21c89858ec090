import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  OPEN_REQUEST_STATES,
  type EscalationStepKind,
  type SlaClock,
  type SlaPause,
} from '@gap/coordination/domain';
import type { Viewer } from '../requests/request-viewer.js';
import { visibleCondition } from '../requests/request-visibility.js';

/** What the ladder needs of a request; read-only (the request feature owns the row). */
export interface EscalatedRequest {
  readonly id: string;
  readonly accountId: string;
  readonly leadDepartmentId: string | null;
  readonly raisedBy: string;
  readonly clocks: { readonly response: SlaClock | null; readonly resolution: SlaClock | null };
}

export interface EscalationRow {
  readonly requestId: string;
  readonly step: string;
  readonly epoch: number;
  readonly dueAt: Date;
  readonly firedAt: Date;
  readonly notified: string | null;
}

interface StoredClock extends Omit<
  SlaClock,
  'startedAt' | 'pauses' | 'stoppedAt' | 'retargetedAt'
> {
  startedAt: string;
  pauses: { from: string; to: string | null }[];
  stoppedAt: string | null;
  retargetedAt: string | null;
}

const at = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** A clock as the request's body keeps it (dates as ISO strings), back to the domain's. */
function revive(stored: StoredClock | null | undefined): SlaClock | null {
  if (!stored) return null;
  const pauses: SlaPause[] = stored.pauses.map((p) => ({ from: new Date(p.from), to: at(p.to) }));
  return {
    ...stored,
    startedAt: new Date(stored.startedAt),
    pauses,
    stoppedAt: at(stored.stoppedAt),
    retargetedAt: at(stored.retargetedAt),
  };
}

const ROW = `e.request_id AS "requestId", e.step, e.epoch, e.due_at AS "dueAt", e.fired_at AS "firedAt", e.notified`;

/** The escalation steps fired (coordination.escalation), and what the ladder reads to fire them. */
@Injectable()
export class EscalationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The unit of work of the ladder: a fired step, or a request planned again. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The request with its clocks; `lock` takes its row for the transaction (the worker's). */
  async request(
    manager: EntityManager,
    id: string,
    lock = false,
  ): Promise<EscalatedRequest | null> {
    const [row] = await manager.query<
      {
        id: string;
        accountId: string;
        leadDepartmentId: string | null;
        raisedBy: string;
        clocks: { response?: StoredClock | null; resolution?: StoredClock | null } | null;
      }[]
    >(
      `SELECT id, group_account_id AS "accountId", lead_department_id AS "leadDepartmentId",
              raised_by AS "raisedBy", body -> 'clocks' AS clocks
         FROM coordination.request WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) return null;
    const { clocks, ...rest } = row;
    return {
      ...rest,
      clocks: { response: revive(clocks?.response), resolution: revive(clocks?.resolution) },
    };
  }

  async openRequestIds(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM coordination.request WHERE state = ANY($1) ORDER BY created_at, id',
      [OPEN_REQUEST_STATES],
    );
    return rows.map((r) => r.id);
  }

  /** The keys of the steps fired for the request, under any epoch. */
  async firedSteps(manager: EntityManager, requestId: string): Promise<Set<string>> {
    const rows = await manager.query<{ step: string }[]>(
      'SELECT DISTINCT step FROM coordination.escalation WHERE request_id = $1',
      [requestId],
    );
    return new Set(rows.map((r) => r.step));
  }

  /** Records the step; false when that step of that epoch is recorded already. */
  async record(manager: EntityManager, row: Omit<EscalationRow, 'firedAt'>): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO coordination.escalation (request_id, step, epoch, due_at, notified)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING step`,
      [row.requestId, row.step, row.epoch, row.dueAt, row.notified],
    );
    return inserted.length > 0;
  }

  /** The steps fired for the request, when the viewer sees it (none otherwise). */
  list(requestId: string, viewer: Viewer): Promise<EscalationRow[]> {
    const params: unknown[] = [requestId];
    const visible = visibleCondition(viewer, 'r', params);
    return this.dataSource.query<EscalationRow[]>(
      `SELECT ${ROW} FROM coordination.escalation e
         JOIN coordination.request r ON r.id = e.request_id
        WHERE e.request_id = $1 AND ${visible}
        ORDER BY e.fired_at, e.step`,
      params,
    );
  }

  /**
   * Who a step tells, by employee number (null when nobody holds the role): the owner's warning
   * goes to the lead department's head, or to the coordination lead while no department leads
   * (the response clock runs before triage names one: triage is the team's own work); a breach
   * to the lead department's head; then to the coordination lead; last to the sponsor.
   */
  async whomToNotify(
    manager: EntityManager,
    kind: EscalationStepKind,
    request: EscalatedRequest,
  ): Promise<string | null> {
    const head = async () => {
      if (request.leadDepartmentId === null) return null;
      const [row] = await manager.query<{ headId: string | null }[]>(
        'SELECT head_id AS "headId" FROM coordination.department WHERE id = $1',
        [request.leadDepartmentId],
      );
      return row?.headId ?? null;
    };
    const team = async (role: 'LEAD' | 'SPONSOR') => {
      const [row] = await manager.query<{ id: string }[]>(
        'SELECT employee_id AS id FROM coordination.team_member WHERE role = $1 ORDER BY employee_id LIMIT 1',
        [role],
      );
      return row?.id ?? null;
    };
    switch (kind) {
      case 'WARNING':
        return request.leadDepartmentId === null ? team('LEAD') : head();
      case 'DEPARTMENT_HEAD':
        return head();
      case 'COORDINATION_LEAD':
        return team('LEAD');
      case 'SENIOR_MANAGEMENT':
        return team('SPONSOR');
    }
  }
}
