import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ManagerCandidate, ManagerPolicy, ManagerStatus, Tier } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentErrors } from './assignment.errors.js';

/** An account as this service holds it, locked for the change being made. */
export interface AccountFacts {
  readonly id: string;
  readonly tier: Tier;
  readonly regionCode: string;
  readonly industryCode: string;
  readonly status: string;
  readonly registeredBy: string | null;
  readonly primaryManagerId: string | null;
  /** The primary manager's status (null without one). */
  readonly primaryManagerStatus: ManagerStatus | null;
  readonly openHandoverId: string | null;
  /** Who the open handover brings the account to (null without one). */
  readonly incomingManagerId: string | null;
}

/** A manager's row with the load they carry under a policy. */
export interface ManagerWithLoad extends ManagerCandidate {
  readonly name: string;
  readonly supervisorId: string | null;
  readonly lastDay: string | null;
}

/** A transaction's handle: repositories take it so that one use case writes atomically. */
export type Tx = EntityManager;

export const OPEN_STATES = `('PLANNED', 'SHADOWING')`;

/** Serialises every decision that weighs managers' capacity (assignments, handovers). */
export const CAPACITY_LOCK = "SELECT pg_advisory_xact_lock(hashtext('managers.capacity'))";

/** Points of an account of tier `tier` (an SQL expression), under the points bound at $1..$3. */
export const pointsSql = (tier: string, first = 1) =>
  `(CASE ${tier} WHEN 'A' THEN $${first}::int WHEN 'B' THEN $${first + 1}::int ELSE $${first + 2}::int END)`;

export const pointsParams = (policy: ManagerPolicy) => [
  policy.points.A,
  policy.points.B,
  policy.points.C,
];

/** A churned account is no longer served: it does not count towards its manager's load. */
export const NOT_CHURNED = (accountId: string) =>
  `NOT EXISTS (SELECT 1 FROM managers.group_account cg
                WHERE cg.id = ${accountId} AND cg.status = 'CHURNED')`;

const MANAGER_COLUMNS = `m.id, m.name, m.grade, m.status, m.regions, m.industries, m.capacity,
  m.supervisor_id AS "supervisorId", to_char(m.last_day, 'YYYY-MM-DD') AS "lastDay"`;

/**
 * Managers with their load: the points of the accounts they are primary manager of, plus
 * those of the accounts coming to them in open handovers (capacity is reserved when a
 * handover is planned); churned accounts count for nothing. Aggregated once per statement,
 * not per manager. $1..$3 are the points per tier, $4 the managers wanted (null: all).
 */
const MANAGERS_WITH_LOAD_SQL = `
  WITH carried AS (
    SELECT pa.manager_id, ${pointsSql("COALESCE(t.tier, 'C')")} AS points
      FROM managers.primary_assignment pa
      LEFT JOIN managers.account_tier t ON t.group_account_id = pa.group_account_id
     WHERE ($4::text[] IS NULL OR pa.manager_id = ANY($4::text[]))
       AND ${NOT_CHURNED('pa.group_account_id')}
    UNION ALL
    SELECT h.to_manager_id, ${pointsSql("COALESCE(t.tier, 'C')")}
      FROM managers.handover h
      LEFT JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
     WHERE h.state IN ${OPEN_STATES} AND ($4::text[] IS NULL OR h.to_manager_id = ANY($4::text[]))
       AND ${NOT_CHURNED('h.group_account_id')}
  ), loads AS (
    SELECT manager_id, sum(points) AS load FROM carried GROUP BY manager_id
  )
  SELECT ${MANAGER_COLUMNS}, COALESCE(l.load, 0) AS load
    FROM managers.account_manager m
    LEFT JOIN loads l ON l.manager_id = m.id
   WHERE ($4::text[] IS NULL OR m.id = ANY($4::text[])) AND m.status <> 'LEFT'
   ORDER BY m.id`;

const ACCOUNT_FACTS_SQL = `
  SELECT g.id, COALESCE(t.tier, 'C') AS tier, g.region_code AS "regionCode",
         g.industry_code AS "industryCode", g.status, g.registered_by AS "registeredBy",
         pa.manager_id AS "primaryManagerId", pm.status AS "primaryManagerStatus",
         h.id AS "openHandoverId", h.to_manager_id AS "incomingManagerId"
    FROM managers.group_account g
    LEFT JOIN managers.account_tier t ON t.group_account_id = g.id
    LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
    LEFT JOIN managers.account_manager pm ON pm.id = pa.manager_id
    LEFT JOIN managers.handover h ON h.group_account_id = g.id AND h.state IN ${OPEN_STATES}
   WHERE g.id = ANY($1::uuid[])
   ORDER BY g.id`;

/**
 * The reads and writes every assignment path shares: locking an account, managers with their
 * loads, the primary switch with its event, and the team event. Locks are always taken
 * capacity first, then the account, then managers in id order, so that concurrent changes
 * cannot deadlock.
 */
@Injectable()
export class AssignmentRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: OutboxPublisher,
  ) {}

  /** Runs `work` in one transaction (the unit of work of a use case). */
  transaction<T>(work: (tx: Tx) => Promise<T>, isolation?: 'REPEATABLE READ'): Promise<T> {
    return isolation
      ? this.dataSource.transaction(isolation, work)
      : this.dataSource.transaction(work);
  }

  /** Outside any transaction: the data source's own manager. */
  get reader(): Tx {
    return this.dataSource.manager;
  }

  async lockCapacity(tx: Tx): Promise<void> {
    await tx.query(CAPACITY_LOCK);
  }

  /**
   * Takes the capacity lock, then holds the load token for the rest of the transaction, in one
   * round trip; says which transaction last changed managers' loads (`token`) and which one
   * this is (`txid`). The row is locked after the advisory lock is taken (the lock function is
   * evaluated below the row lock), so the order capacity, then token holds.
   */
  async lockCapacityAndLoadToken(tx: Tx): Promise<{ token: string; txid: string }> {
    const [row] = await tx.query<{ token: string; txid: string }[]>(
      `SELECT t.token::text AS token, txid_current()::text AS txid
         FROM managers.load_token t
         CROSS JOIN LATERAL (SELECT pg_advisory_xact_lock(hashtext('managers.capacity'))) c
        WHERE t.id FOR UPDATE OF t`,
    );
    if (!row) throw new Error('The load token is missing: the migrations install it.');
    return row;
  }

  /** Locks the account for the rest of the transaction and reads what decisions need. */
  async lockAccount(tx: Tx, id: string, field: string): Promise<AccountFacts> {
    const [facts] = await this.lockAccounts(tx, [id]);
    if (!facts) throw AssignmentErrors.accountNotFound(id, field);
    return facts;
  }

  async lockAccounts(tx: Tx, ids: readonly string[]): Promise<AccountFacts[]> {
    await tx.query(
      'SELECT id FROM managers.group_account WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
    return tx.query<AccountFacts[]>(ACCOUNT_FACTS_SQL, [ids]);
  }

  /** The account's facts without locking it (explanations). */
  async accountFacts(tx: Tx, id: string): Promise<AccountFacts | undefined> {
    const [facts] = await tx.query<AccountFacts[]>(ACCOUNT_FACTS_SQL, [[id]]);
    return facts;
  }

  /** Managers with their loads; `lock` takes their rows (in id order) for the transaction. */
  async managers(
    tx: Tx,
    policy: ManagerPolicy,
    filter: { ids?: readonly string[]; lock?: boolean } = {},
  ): Promise<ManagerWithLoad[]> {
    const ids = filter.ids ?? null;
    if (filter.lock && ids) {
      await tx.query(
        'SELECT id FROM managers.account_manager WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
        [ids],
      );
    }
    const rows = await tx.query<(ManagerWithLoad & { load: string })[]>(MANAGERS_WITH_LOAD_SQL, [
      ...pointsParams(policy),
      ids,
    ]);
    return rows.map((row) => ({ ...row, load: Number(row.load) }));
  }

  /** Refuses an unknown manager, naming the field. */
  async manager(
    tx: Tx,
    policy: ManagerPolicy,
    id: string,
    field: string,
    lock = false,
  ): Promise<ManagerWithLoad> {
    const [found] = await this.managers(tx, policy, { ids: [id], lock });
    if (!found) throw AssignmentErrors.managerNotFound(id, field);
    return found;
  }

  /**
   * Makes `managerId` the account's primary manager in one statement (the row is inserted the
   * first time and switched afterwards, never removed) and records ManagerAssigned. A known
   * `supervisorId` saves looking it up.
   */
  async setPrimary(
    tx: Tx,
    change: {
      accountId: string;
      managerId: string;
      previousManagerId: string | null;
      reason: string;
      by: string;
      supervisorId?: string | null;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_account_id) DO UPDATE
         SET manager_id = EXCLUDED.manager_id, reason = EXCLUDED.reason,
             assigned_by = EXCLUDED.assigned_by, assigned_at = now(),
             version = managers.primary_assignment.version + 1`,
      [change.accountId, change.managerId, change.reason, change.by],
    );
    await tx.query('DELETE FROM managers.unassignable_account WHERE group_account_id = $1', [
      change.accountId,
    ]);
    let supervisorId = change.supervisorId;
    if (supervisorId === undefined) {
      const [row] = await tx.query<{ supervisorId: string | null }[]>(
        'SELECT supervisor_id AS "supervisorId" FROM managers.account_manager WHERE id = $1',
        [change.managerId],
      );
      supervisorId = row?.supervisorId ?? null;
    }
    await this.events.record(tx, {
      type: 'ManagerAssigned',
      aggregateId: change.accountId,
      payload: {
        groupAccountId: change.accountId,
        managerId: change.managerId,
        previousManagerId: change.previousManagerId,
        supervisorId,
        reason: change.reason,
      },
    });
  }

  /** Records the account's whole team as it now stands, with an incoming manager shadowing. */
  async publishTeam(tx: Tx, accountId: string): Promise<void> {
    const members = await tx.query<{ managerId: string; role: string }[]>(
      `SELECT manager_id AS "managerId", role FROM managers.team_member WHERE group_account_id = $1
       UNION ALL
       SELECT to_manager_id, 'INCOMING_MANAGER' FROM managers.handover
        WHERE group_account_id = $1 AND state = 'SHADOWING'
       ORDER BY 1, 2`,
      [accountId],
    );
    await this.events.record(tx, {
      type: 'TeamChanged',
      aggregateId: accountId,
      payload: { groupAccountId: accountId, members },
    });
  }

  /** Lists an account nobody could take, and says so (AccountUnassignable). */
  async markUnassignable(
    tx: Tx,
    account: Pick<AccountFacts, 'id' | 'tier' | 'primaryManagerId'>,
    reason: string,
    policy: ManagerPolicy,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO managers.unassignable_account
         (group_account_id, reason, current_manager_id, policy_version)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (group_account_id) DO UPDATE
         SET reason = EXCLUDED.reason, current_manager_id = EXCLUDED.current_manager_id,
             policy_version = EXCLUDED.policy_version`,
      [account.id, reason, account.primaryManagerId, policy.version],
    );
    await this.events.record(tx, {
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
