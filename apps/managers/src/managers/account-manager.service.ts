import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import { DomainError, type FieldViolation } from '@gap/errors';
import { gradeMayOwn, maxLoad, type Grade } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentStore, OPEN_STATES } from '../assignment/assignment.store.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import type {
  AccountManagerType,
  RegisterAccountManagerInput,
  ScorecardType,
  UpdateAccountManagerInput,
} from './account-manager.types.js';

const COLUMNS = `id, name, grade, regions, industries, capacity, supervisor_id AS "supervisorId",
  status, to_char(last_day, 'YYYY-MM-DD') AS "lastDay"`;
const EMPLOYEE_NUMBER = /^[A-Za-z0-9_-]{1,32}$/;
const DIVISION_CODE = /^\d{6}$/;
const INDUSTRY_SECTION = /^[A-T]$/;

/** The rules on a manager's describing fields, each broken one named. */
function checkManagerFields(input: Partial<RegisterAccountManagerInput>): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fail = (field: string, reason: string, message: string) =>
    violations.push({ field: `input.${field}`, reason, message });
  if (input.id !== undefined && !EMPLOYEE_NUMBER.test(input.id)) {
    fail('id', 'EMPLOYEE_NUMBER_INVALID', 'An employee number is 1 to 32 letters, digits, - or _.');
  }
  if (input.name !== undefined && input.name.trim().length === 0) {
    fail('name', 'REQUIRED', 'A manager has a name.');
  }
  if (input.regions !== undefined) {
    if (input.regions.length === 0)
      fail('regions', 'REQUIRED', 'A manager covers at least one region.');
    input.regions.forEach((code, i) => {
      if (!DIVISION_CODE.test(code)) {
        fail(`regions[${i}]`, 'REGION_INVALID', `${code} is not a six-digit division code.`);
      }
    });
  }
  input.industries?.forEach((code, i) => {
    if (!INDUSTRY_SECTION.test(code)) {
      fail(`industries[${i}]`, 'INDUSTRY_UNKNOWN', `${code} is not an industry section (A–T).`);
    }
  });
  if (input.capacity !== undefined && input.capacity !== null) {
    if (input.capacity < 0) fail('capacity', 'NEGATIVE', 'Capacity cannot be negative.');
    else if (input.capacity > 100_000)
      fail('capacity', 'OUT_OF_RANGE', 'Capacity is at most 100,000 points.');
  }
  if (input.supervisorId && input.supervisorId === input.id) {
    fail('supervisorId', 'SUPERVISOR_IS_SELF', 'A manager cannot supervise themselves.');
  }
  return violations;
}

/** Account managers: registered and changed by admins, read by everyone but partners. */
@Injectable()
export class AccountManagerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: ManagerPolicyService,
    private readonly store: AssignmentStore,
    private readonly events: OutboxPublisher,
  ) {}

  async register(caller: Caller, input: RegisterAccountManagerInput): Promise<AccountManagerType> {
    this.assertAdmin(caller);
    const violations = checkManagerFields(input);
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    await this.dataSource.transaction(async (manager) => {
      if (input.supervisorId) await this.assertSupervisorExists(manager, input.supervisorId);
      try {
        await manager.query(
          `INSERT INTO managers.account_manager
             (id, name, grade, regions, industries, capacity, supervisor_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            input.id,
            input.name.trim(),
            input.grade,
            [...new Set(input.regions)],
            [...new Set(input.industries)],
            input.capacity,
            input.supervisorId ?? null,
          ],
        );
      } catch (error) {
        if (isUniqueViolation(error, 'account_manager_pkey')) {
          throw DomainError.conflict(
            'MANAGER_ID_TAKEN',
            `Manager ${input.id} is already registered.`,
            'input.id',
          );
        }
        throw error;
      }
    });
    return this.byId(caller, input.id);
  }

  /**
   * Changes a manager's describing fields. A new supervisor is announced on each of their
   * accounts (ManagerAssigned with the same manager), so every service's portfolio follows.
   */
  async update(caller: Caller, input: UpdateAccountManagerInput): Promise<AccountManagerType> {
    this.assertAdmin(caller);
    const violations = checkManagerFields(input);
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    await this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<AccountManagerType[]>(
        `SELECT ${COLUMNS} FROM managers.account_manager WHERE id = $1 FOR UPDATE`,
        [input.id],
      );
      if (!current) {
        throw DomainError.notFound(
          'MANAGER_NOT_FOUND',
          `No account manager ${input.id}.`,
          'input.id',
        );
      }
      if (input.status && (current.status === 'LEAVING' || current.status === 'LEFT')) {
        throw DomainError.conflict(
          'MANAGER_LEAVING',
          `Manager ${input.id} is ${current.status}; their status no longer changes here.`,
          'input.status',
        );
      }
      if (input.supervisorId) await this.assertSupervisorExists(manager, input.supervisorId);
      await manager.query(
        `UPDATE managers.account_manager
            SET name = COALESCE($2, name), grade = COALESCE($3, grade),
                regions = COALESCE($4, regions), industries = COALESCE($5, industries),
                capacity = COALESCE($6, capacity), supervisor_id = COALESCE($7, supervisor_id),
                status = COALESCE($8, status), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [
          input.id,
          input.name?.trim() ?? null,
          input.grade ?? null,
          input.regions ? [...new Set(input.regions)] : null,
          input.industries ? [...new Set(input.industries)] : null,
          input.capacity ?? null,
          input.supervisorId ?? null,
          input.status ?? null,
        ],
      );
      if (input.supervisorId && input.supervisorId !== current.supervisorId) {
        const accounts = await manager.query<{ id: string }[]>(
          'SELECT group_account_id AS id FROM managers.primary_assignment WHERE manager_id = $1',
          [input.id],
        );
        await this.events.recordAll(
          manager,
          accounts.map((account) => ({
            type: 'ManagerAssigned' as const,
            aggregateId: account.id,
            payload: {
              groupAccountId: account.id,
              managerId: input.id,
              previousManagerId: input.id,
              supervisorId: input.supervisorId ?? null,
              reason: 'SUPERVISOR_CHANGED',
            },
          })),
        );
      }
    });
    return this.byId(caller, input.id);
  }

  async byId(caller: Caller, id: string): Promise<AccountManagerType> {
    const [found] = await this.byIds(caller, [id]);
    if (!found) throw DomainError.notFound('MANAGER_NOT_FOUND', `No account manager ${id}.`, 'id');
    return found;
  }

  async byIds(caller: Caller, ids: readonly string[]): Promise<AccountManagerType[]> {
    this.assertMayRead(caller);
    return this.dataSource.query<AccountManagerType[]>(
      `SELECT ${COLUMNS} FROM managers.account_manager WHERE id = ANY($1::text[]) ORDER BY id`,
      [ids],
    );
  }

  async list(
    caller: Caller,
    filter: {
      supervisorId?: string | null;
      status?: string | null;
      grade?: Grade | null;
      first: number;
    },
  ): Promise<AccountManagerType[]> {
    this.assertMayRead(caller);
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

  /** Scorecards of many managers at once, by id. */
  async scorecards(ids: readonly string[]): Promise<Map<string, ScorecardType>> {
    const policy = await this.policies.current();
    const loads = new Map(
      (await this.store.managers(this.dataSource.manager, policy, { ids })).map((m) => [m.id, m]),
    );
    const rows = await this.dataSource.query<
      {
        id: string;
        grade: Grade;
        a: number;
        b: number;
        c: number;
        openIn: number;
        openOut: number;
        overdue: number;
        leadTime: number | null;
      }[]
    >(
      `SELECT m.id, m.grade,
              count(*) FILTER (WHERE COALESCE(t.tier, 'C') = 'A')::int AS a,
              count(*) FILTER (WHERE COALESCE(t.tier, 'C') = 'B')::int AS b,
              count(*) FILTER (WHERE pa.group_account_id IS NOT NULL AND COALESCE(t.tier, 'C') = 'C')::int AS c,
              (SELECT count(*) FROM managers.handover h
                WHERE h.to_manager_id = m.id AND h.state IN ${OPEN_STATES})::int AS "openIn",
              (SELECT count(*) FROM managers.handover h
                WHERE h.from_manager_id = m.id AND h.state IN ${OPEN_STATES})::int AS "openOut",
              (SELECT count(*) FROM managers.handover h
                WHERE (h.from_manager_id = m.id OR h.to_manager_id = m.id)
                  AND h.state IN ${OPEN_STATES} AND h.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date)::int AS overdue,
              (SELECT avg(extract(epoch FROM h.completed_at - h.planned_at) / 86400)::float8
                 FROM managers.handover h
                WHERE h.from_manager_id = m.id AND h.state = 'COMPLETED'
                  AND h.completed_at > now() - interval '180 days') AS "leadTime"
         FROM managers.account_manager m
         LEFT JOIN managers.primary_assignment pa ON pa.manager_id = m.id
         LEFT JOIN managers.account_tier t ON t.group_account_id = pa.group_account_id
        WHERE m.id = ANY($1::text[])
        GROUP BY m.id`,
      [ids],
    );
    const cards = new Map<string, ScorecardType>();
    for (const row of rows) {
      const withLoad = loads.get(row.id);
      const load = withLoad?.load ?? 0;
      const most = withLoad ? maxLoad(withLoad, policy) : 0;
      const total = row.a + row.b + row.c;
      const fitting =
        (gradeMayOwn(row.grade, 'A', policy) ? row.a : 0) +
        (gradeMayOwn(row.grade, 'B', policy) ? row.b : 0) +
        (gradeMayOwn(row.grade, 'C', policy) ? row.c : 0);
      cards.set(row.id, {
        load,
        maxLoad: most,
        loadShare: most > 0 ? load / most : 0,
        accountsA: row.a,
        accountsB: row.b,
        accountsC: row.c,
        gradeFit: total > 0 ? fitting / total : null,
        openHandoversIn: row.openIn,
        openHandoversOut: row.openOut,
        overdueHandovers: row.overdue,
        handoverLeadTimeDays: row.leadTime === null ? null : Math.round(row.leadTime * 10) / 10,
      });
    }
    return cards;
  }

  private async assertSupervisorExists(manager: EntityManager, id: string): Promise<void> {
    const [found] = await manager.query<{ id: string }[]>(
      "SELECT id FROM managers.account_manager WHERE id = $1 AND status <> 'LEFT'",
      [id],
    );
    if (!found) {
      throw DomainError.notFound(
        'SUPERVISOR_NOT_FOUND',
        `No account manager ${id} to supervise.`,
        'input.supervisorId',
      );
    }
  }

  private assertAdmin(caller: Caller): void {
    if (!hasRole(caller, 'ADMIN')) {
      throw DomainError.forbidden('Only admins register and change account managers.');
    }
  }

  private assertMayRead(caller: Caller): void {
    if (hasRole(caller, 'PARTNER') && !hasRole(caller, 'ADMIN')) {
      throw DomainError.forbidden('Account managers are not visible to partners.');
    }
  }
}
