import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@gap/errors';
import type { ManagerCandidate, ManagerPolicy, Tier } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';

/** An account as this service holds it, locked for the change being made. */
export interface AccountFacts {
  readonly id: string;
  readonly tier: Tier;
  readonly regionCode: string;
  readonly industryCode: string;
  readonly status: string;
  readonly registeredBy: string | null;
  readonly primaryManagerId: string | null;
  readonly openHandoverId: string | null;
}

/** A manager's row with the load they carry under a policy. */
export interface ManagerWithLoad extends ManagerCandidate {
  readonly name: string;
  readonly supervisorId: string | null;
  readonly lastDay: string | null;
}

export const OPEN_STATES = `('PLANNED', 'SHADOWING')`;

/** Points of an account of tier `tier` (an SQL expression), under the points bound at $1..$3. */
export const pointsSql = (tier: string, first = 1) =>
  `(CASE ${tier} WHEN 'A' THEN $${first}::int WHEN 'B' THEN $${first + 1}::int ELSE $${first + 2}::int END)`;

export const pointsParams = (policy: ManagerPolicy) => [
  policy.points.A,
  policy.points.B,
  policy.points.C,
];

const MANAGER_COLUMNS = `m.id, m.name, m.grade, m.status, m.regions, m.industries, m.capacity,
  m.supervisor_id AS "supervisorId", to_char(m.last_day, 'YYYY-MM-DD') AS "lastDay"`;

/**
 * Managers with their load: the points of the accounts they are primary manager of, plus
 * those of the accounts coming to them in open handovers (capacity is reserved when a
 * handover is planned). Aggregated once per statement, not per manager. $1..$3 are the
 * points per tier, $4 the managers wanted (null: all).
 */
const MANAGERS_WITH_LOAD_SQL = `
  WITH carried AS (
    SELECT pa.manager_id, ${pointsSql("COALESCE(t.tier, 'C')")} AS points
      FROM managers.primary_assignment pa
      LEFT JOIN managers.account_tier t ON t.group_account_id = pa.group_account_id
     WHERE $4::text[] IS NULL OR pa.manager_id = ANY($4::text[])
    UNION ALL
    SELECT h.to_manager_id, ${pointsSql("COALESCE(t.tier, 'C')")}
      FROM managers.handover h
      LEFT JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
     WHERE h.state IN ${OPEN_STATES} AND ($4::text[] IS NULL OR h.to_manager_id = ANY($4::text[]))
  ), loads AS (
    SELECT manager_id, sum(points) AS load FROM carried GROUP BY manager_id
  )
  SELECT ${MANAGER_COLUMNS}, COALESCE(l.load, 0) AS load
    FROM managers.account_manager m
    LEFT JOIN loads l ON l.manager_id = m.id
   WHERE ($4::text[] IS NULL OR m.id = ANY($4::text[])) AND m.status <> 'LEFT'
   ORDER BY m.id`;

/**
 * The reads and writes every assignment path shares: locking an account, managers with their
 * loads, the primary switch with its event, and the team event. Locks are always taken
 * account first, then managers in id order, so concurrent changes cannot deadlock.
 */
@Injectable()
export class AssignmentStore {
  constructor(private readonly events: OutboxPublisher) {}

  /** Locks the account for the rest of the transaction and reads what decisions need. */
  async lockAccount(manager: EntityManager, id: string, field: string): Promise<AccountFacts> {
    const [facts] = await this.lockAccounts(manager, [id]);
    if (!facts) {
      throw DomainError.notFound(
        'GROUP_ACCOUNT_NOT_FOUND',
        `No group account ${id} is known to the managers service.`,
        field,
      );
    }
    return facts;
  }

  async lockAccounts(manager: EntityManager, ids: readonly string[]): Promise<AccountFacts[]> {
    await manager.query(
      'SELECT id FROM managers.group_account WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
    return manager.query<AccountFacts[]>(
      `SELECT g.id, COALESCE(t.tier, 'C') AS tier, g.region_code AS "regionCode",
              g.industry_code AS "industryCode", g.status, g.registered_by AS "registeredBy",
              pa.manager_id AS "primaryManagerId", h.id AS "openHandoverId"
         FROM managers.group_account g
         LEFT JOIN managers.account_tier t ON t.group_account_id = g.id
         LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
         LEFT JOIN managers.handover h ON h.group_account_id = g.id AND h.state IN ${OPEN_STATES}
        WHERE g.id = ANY($1::uuid[])
        ORDER BY g.id`,
      [ids],
    );
  }

  /** Managers with their loads; `lock` takes their rows (in id order) for the transaction. */
  async managers(
    manager: EntityManager,
    policy: ManagerPolicy,
    filter: { ids?: readonly string[]; lock?: boolean } = {},
  ): Promise<ManagerWithLoad[]> {
    const ids = filter.ids ?? null;
    if (filter.lock && ids) {
      await manager.query(
        'SELECT id FROM managers.account_manager WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
        [ids],
      );
    }
    const rows = await manager.query<(ManagerWithLoad & { load: string })[]>(
      MANAGERS_WITH_LOAD_SQL,
      [...pointsParams(policy), ids],
    );
    return rows.map((row) => ({ ...row, load: Number(row.load) }));
  }

  /** Refuses an unknown manager, naming the field. */
  async manager(
    manager: EntityManager,
    policy: ManagerPolicy,
    id: string,
    field: string,
    lock = false,
  ): Promise<ManagerWithLoad> {
    const [found] = await this.managers(manager, policy, { ids: [id], lock });
    if (!found) {
      throw DomainError.notFound('MANAGER_NOT_FOUND', `No active account manager ${id}.`, field);
    }
    return found;
  }

  /**
   * Makes `managerId` the account's primary manager in one statement (the row is inserted the
   * first time and switched afterwards, never removed) and records ManagerAssigned.
   */
  async setPrimary(
    manager: EntityManager,
    change: {
      accountId: string;
      managerId: string;
      previousManagerId: string | null;
      reason: string;
      by: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_account_id) DO UPDATE
         SET manager_id = EXCLUDED.manager_id, reason = EXCLUDED.reason,
             assigned_by = EXCLUDED.assigned_by, assigned_at = now(),
             version = managers.primary_assignment.version + 1`,
      [change.accountId, change.managerId, change.reason, change.by],
    );
    await manager.query('DELETE FROM managers.unassignable_account WHERE group_account_id = $1', [
      change.accountId,
    ]);
    const [row] = await manager.query<{ supervisorId: string | null }[]>(
      'SELECT supervisor_id AS "supervisorId" FROM managers.account_manager WHERE id = $1',
      [change.managerId],
    );
    await this.events.record(manager, {
      type: 'ManagerAssigned',
      aggregateId: change.accountId,
      payload: {
        groupAccountId: change.accountId,
        managerId: change.managerId,
        previousManagerId: change.previousManagerId,
        supervisorId: row?.supervisorId ?? null,
        reason: change.reason,
      },
    });
  }

  /** Records the account's whole team as it now stands, with an incoming manager shadowing. */
  async publishTeam(manager: EntityManager, accountId: string): Promise<void> {
    const members = await manager.query<{ managerId: string; role: string }[]>(
      `SELECT manager_id AS "managerId", role FROM managers.team_member WHERE group_account_id = $1
       UNION ALL
       SELECT to_manager_id, 'INCOMING_MANAGER' FROM managers.handover
        WHERE group_account_id = $1 AND state = 'SHADOWING'
       ORDER BY 1, 2`,
      [accountId],
    );
    await this.events.record(manager, {
      type: 'TeamChanged',
      aggregateId: accountId,
      payload: { groupAccountId: accountId, members },
    });
  }

  /** Lists an account nobody could take, and says so (AccountUnassignable). */
  async markUnassignable(
    manager: EntityManager,
    account: Pick<AccountFacts, 'id' | 'tier' | 'primaryManagerId'>,
    reason: string,
    policy: ManagerPolicy,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO managers.unassignable_account
         (group_account_id, reason, current_manager_id, policy_version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_account_id) DO UPDATE
         SET reason = EXCLUDED.reason, current_manager_id = EXCLUDED.current_manager_id,
             policy_version = EXCLUDED.policy_version`,
      [account.id, reason, account.primaryManagerId, policy.version],
    );
    await this.events.record(manager, {
      type: 'AccountUnassignable',
      aggregateId: account.id,
      payload: {
        groupAccountId: account.id,
        tier: account.tier,
        reason,
        currentManagerId: account.primaryManagerId,
        policyVersion: policy.version,
      },
    });
  }
}
