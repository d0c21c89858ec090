import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUniqueViolation } from '@gap/database';
import type { Grade } from '@gap/managers/domain';
import type { AccountManagerType } from './account-manager.types.js';

const COLUMNS = `id, name, grade, regions, industries, capacity, supervisor_id AS "supervisorId",
  status, to_char(last_day, 'YYYY-MM-DD') AS "lastDay"`;
const OPEN = `('PLANNED', 'SHADOWING')`;

export interface NewAccountManager {
  readonly id: string;
  readonly name: string;
  readonly grade: Grade;
  readonly regions: readonly string[];
  readonly industries: readonly string[];
  readonly capacity: number;
  readonly supervisorId: string | null;
}

export interface AccountManagerChange {
  readonly id: string;
  readonly name?: string | null;
  readonly grade?: Grade | null;
  readonly regions?: readonly string[] | null;
  readonly industries?: readonly string[] | null;
  readonly capacity?: number | null;
  readonly supervisorId?: string | null;
  readonly status?: string | null;
}

export interface ManagerListFilter {
  readonly supervisorId?: string | null;
  readonly status?: string | null;
  readonly grade?: Grade | null;
  readonly first: number;
}

/** A manager's portfolio and handovers in figures, for the scorecard. */
export interface ScorecardRow {
  readonly id: string;
  readonly grade: Grade;
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly openIn: number;
  readonly openOut: number;
  readonly overdue: number;
  readonly leadTime: number | null;
  readonly requestsClosed: number;
  readonly complaintsClosed: number;
  readonly satisfaction: number | null;
}

/** The account_manager aggregate: the directory of managers and who supervises whom. */
@Injectable()
export class AccountManagerRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts a manager; false when the employee number is taken. */
  async insert(manager: EntityManager, row: NewAccountManager): Promise<boolean> {
    try {
      await manager.query(
        `INSERT INTO managers.account_manager
           (id, name, grade, regions, industries, capacity, supervisor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.id, row.name, row.grade, row.regions, row.industries, row.capacity, row.supervisorId],
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error, 'account_manager_pkey')) return false;
      throw error;
    }
  }

  async lock(manager: EntityManager, id: string): Promise<AccountManagerType | undefined> {
    const [row] = await manager.query<AccountManagerType[]>(
      `SELECT ${COLUMNS} FROM managers.account_manager WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async update(manager: EntityManager, change: AccountManagerChange): Promise<void> {
    await manager.query(
      `UPDATE managers.account_manager
          SET name = COALESCE($2, name), grade = COALESCE($3, grade),
              regions = COALESCE($4, regions), industries = COALESCE($5, industries),
              capacity = COALESCE($6, capacity), supervisor_id = COALESCE($7, supervisor_id),
              status = COALESCE($8, status), version = version + 1, updated_at = now()
        WHERE id = $1`,
      [
        change.id,
        change.name ?? null,
        change.grade ?? null,
        change.regions ?? null,
        change.industries ?? null,
        change.capacity ?? null,
        change.supervisorId ?? null,
        change.status ?? null,
      ],
    );
  }

  /** Whether a manager who has not left exists (to supervise, say). */
  async existsNotLeft(manager: EntityManager, id: string): Promise<boolean> {
    const [found] = await manager.query<unknown[]>(
      "SELECT 1 FROM managers.account_manager WHERE id = $1 AND status <> 'LEFT'",
      [id],
    );
    return found !== undefined;
  }

  /** The accounts a manager is primary manager of. */
  async primaryAccountsOf(manager: EntityManager, managerId: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT group_account_id AS id FROM managers.primary_assignment WHERE manager_id = $1',
      [managerId],
    );
    return rows.map((row) => row.id);
  }

  byIds(ids: readonly string[]): Promise<AccountManagerType[]> {
    return this.dataSource.query<AccountManagerType[]>(
      `SELECT ${COLUMNS} FROM managers.account_manager WHERE id = ANY($1::text[]) ORDER BY id`,
      [ids],
    );
  }

  list(filter: ManagerListFilter): Promise<AccountManagerType[]> {
    return this.dataSource.query<AccountManagerType[]>(
      `SELECT ${COLUMNS} FROM managers.account_manager
        WHERE ($1::text IS NULL OR supervisor_id = $1) AND ($2::text IS NULL OR status = $2)
          AND ($3::text IS NULL OR grade = $3)
        ORDER BY id LIMIT $4`,
      [
        filter.supervisorId ?? null,
        filter.status ?? null,
        filter.grade ?? null,
        Math.min(Math.max(filter.first, 1), 500),
      ],
    );
  }

  /**
   * Everyone `supervisorId` supervises, directly or through the supervisors under them (the
   * OWN_TEAM scope), not counting themselves. A supervision loop ends where it closes.
   */
  async supervisedBy(
    supervisorId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const rows = await manager.query<{ id: string }[]>(
      `WITH RECURSIVE team(id) AS (
         SELECT id FROM managers.account_manager WHERE supervisor_id = $1
         UNION
         SELECT m.id FROM managers.account_manager m JOIN team t ON m.supervisor_id = t.id
       )
       SELECT id FROM team WHERE id <> $1`,
      [supervisorId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Portfolio and handover figures of many managers in one statement. */
  scorecardRows(manager: EntityManager, ids: readonly string[]): Promise<ScorecardRow[]> {
    return manager.query<ScorecardRow[]>(
      `SELECT m.id, m.grade,
              count(*) FILTER (WHERE COALESCE(t.tier, 'C') = 'A' AND pa.group_account_id IS NOT NULL)::int AS a,
              count(*) FILTER (WHERE COALESCE(t.tier, 'C') = 'B' AND pa.group_account_id IS NOT NULL)::int AS b,
              count(*) FILTER (WHERE pa.group_account_id IS NOT NULL AND COALESCE(t.tier, 'C') = 'C')::int AS c,
              (SELECT count(*) FROM managers.handover h
                WHERE h.to_manager_id = m.id AND h.state IN ${OPEN})::int AS "openIn",
              (SELECT count(*) FROM managers.handover h
                WHERE h.from_manager_id = m.id AND h.state IN ${OPEN})::int AS "openOut",
              (SELECT count(*) FROM managers.handover h
                WHERE (h.from_manager_id = m.id OR h.to_manager_id = m.id)
                  AND h.state IN ${OPEN} AND h.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date)::int AS overdue,
              (SELECT avg(extract(epoch FROM h.completed_at - h.planned_at) / 86400)::float8
                 FROM managers.handover h
                WHERE h.from_manager_id = m.id AND h.state = 'COMPLETED'
                  AND h.completed_at > now() - interval '180 days') AS "leadTime",
              o.closed AS "requestsClosed", o.complaints AS "complaintsClosed",
              o.satisfaction
         FROM managers.account_manager m
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS closed, count(*) FILTER (WHERE complaint)::int AS complaints,
                  avg(satisfaction) FILTER (WHERE complaint)::float8 AS satisfaction
             FROM managers.coordination_outcome
            WHERE manager_id = m.id AND closed_at > now() - interval '180 days') o
         LEFT JOIN managers.primary_assignment pa ON pa.manager_id = m.id
         LEFT JOIN managers.account_tier t ON t.group_account_id = pa.group_account_id
        WHERE m.id = ANY($1::text[])
        GROUP BY m.id, o.closed, o.complaints, o.satisfaction`,
      [ids],
    );
  }
}
