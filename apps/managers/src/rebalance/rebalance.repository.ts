import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountToPlace, ManagerPolicy, PlannedAssignment, Tier } from '@gap/managers/domain';
import { NOT_CHURNED, OPEN_STATES, type Tx } from '../assignment/assignment.repository.js';

/** Which accounts a rebalance may move. */
export interface RebalanceScope {
  readonly managerIds?: readonly string[] | null;
  readonly regionPrefix?: string | null;
  readonly misfitOnly: boolean;
}

/** A preview as it is kept. */
export interface RebalanceRow {
  readonly id: string;
  readonly policyVersion: string;
  readonly accounts: number;
  readonly moves: number;
  readonly unassigned: number;
  readonly totalCost: number;
  readonly lowerBound: number;
  readonly loadSpread: number | null;
  readonly requestedBy: string;
  readonly requestedAt: Date;
  readonly appliedAt: Date | null;
  readonly appliedBy: string | null;
  readonly stats: unknown;
}

export interface RebalanceMoveRow {
  readonly groupAccountId: string;
  readonly tier: Tier;
  readonly fromManagerId: string | null;
  readonly toManagerId: string | null;
  readonly cost: number;
}

const REBALANCE_COLUMNS = `id, policy_version AS "policyVersion", accounts, moves, unassigned,
  total_cost::float8 AS "totalCost", lower_bound AS "lowerBound", load_spread AS "loadSpread",
  requested_by AS "requestedBy", requested_at AS "requestedAt", applied_at AS "appliedAt",
  applied_by AS "appliedBy", stats`;

const MOVE_COLUMNS = `group_account_id AS "groupAccountId", tier, from_manager_id AS "fromManagerId",
  to_manager_id AS "toManagerId", cost`;

/** Rebalance previews, their moves, and the accounts and teams they are drawn from. */
@Injectable()
export class RebalanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>, isolation?: 'REPEATABLE READ'): Promise<T> {
    return isolation
      ? this.dataSource.transaction(isolation, work)
      : this.dataSource.transaction(work);
  }

  /**
   * The accounts in scope, not in a handover and not churned (a churned account is served by
   * nobody), with their current manager.
   */
  accountsInScope(tx: Tx, scope: RebalanceScope, policy: ManagerPolicy): Promise<AccountToPlace[]> {
    return tx.query<AccountToPlace[]>(
      `SELECT g.id, COALESCE(t.tier, 'C') AS tier, g.region_code AS "regionCode",
              g.industry_code AS "industryCode", pa.manager_id AS "currentManagerId"
         FROM managers.group_account g
         LEFT JOIN managers.account_tier t ON t.group_account_id = g.id
         LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
         LEFT JOIN managers.account_manager m ON m.id = pa.manager_id
        WHERE NOT EXISTS (SELECT 1 FROM managers.handover h
                           WHERE h.group_account_id = g.id AND h.state IN ${OPEN_STATES})
          AND ${NOT_CHURNED('g.id')}
          AND ($1::text[] IS NULL OR pa.manager_id = ANY($1::text[]))
          AND ($2::text IS NULL OR g.region_code LIKE $2 || '%')
          AND (NOT $3 OR pa.manager_id IS NULL OR m.status <> 'ACTIVE'
               OR NOT (m.grade = ANY(CASE COALESCE(t.tier, 'C') WHEN 'A' THEN $4::text[]
                                     WHEN 'B' THEN $5::text[] ELSE $6::text[] END)))
        ORDER BY g.id`,
      [
        scope.managerIds?.length ? scope.managerIds : null,
        scope.regionPrefix ?? null,
        scope.misfitOnly,
        policy.eligibleGrades.A,
        policy.eligibleGrades.B,
        policy.eligibleGrades.C,
      ],
    );
  }

  async insert(
    tx: Tx,
    row: Omit<RebalanceRow, 'requestedAt' | 'appliedAt' | 'appliedBy'> & { scope: unknown },
    moves: readonly PlannedAssignment[],
  ): Promise<void> {
    await tx.query(
      `INSERT INTO managers.rebalance
         (id, policy_version, scope, requested_by, accounts, moves, unassigned, total_cost,
          lower_bound, load_spread, stats)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        row.id,
        row.policyVersion,
        JSON.stringify(row.scope),
        row.requestedBy,
        row.accounts,
        row.moves,
        row.unassigned,
        row.totalCost,
        row.lowerBound,
        row.loadSpread,
        JSON.stringify(row.stats),
      ],
    );
    await tx.query(
      `INSERT INTO managers.rebalance_move
         (rebalance_id, group_account_id, from_manager_id, to_manager_id, tier, cost)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::char(1)[], $6::int[])
       ON CONFLICT DO NOTHING`,
      [
        row.id,
        moves.map((m) => m.accountId),
        moves.map((m) => m.fromManagerId),
        moves.map((m) => m.toManagerId),
        moves.map((m) => m.tier),
        moves.map((m) => m.cost),
      ],
    );
  }

  /** Locks a preview for applying it. */
  async lock(
    tx: Tx,
    id: string,
  ): Promise<{ appliedAt: Date | null; policyVersion: string } | undefined> {
    const [row] = await tx.query<{ appliedAt: Date | null; policyVersion: string }[]>(
      `SELECT applied_at AS "appliedAt", policy_version AS "policyVersion"
         FROM managers.rebalance WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  movesOf(tx: Tx, id: string): Promise<RebalanceMoveRow[]> {
    return tx.query<RebalanceMoveRow[]>(
      `SELECT ${MOVE_COLUMNS} FROM managers.rebalance_move
        WHERE rebalance_id = $1 ORDER BY group_account_id`,
      [id],
    );
  }

  async markApplied(tx: Tx, id: string, by: string, dueOn: string): Promise<void> {
    await tx.query(
      `UPDATE managers.rebalance SET applied_at = now(), applied_by = $2, due_on = $3 WHERE id = $1`,
      [id, by, dueOn],
    );
  }

  async byId(id: string): Promise<RebalanceRow | undefined> {
    const [row] = await this.dataSource.query<RebalanceRow[]>(
      `SELECT ${REBALANCE_COLUMNS} FROM managers.rebalance WHERE id = $1`,
      [id],
    );
    return row;
  }

  /** The costliest moves first. */
  movesSample(id: string, limit = 200): Promise<RebalanceMoveRow[]> {
    return this.dataSource.query<RebalanceMoveRow[]>(
      `SELECT ${MOVE_COLUMNS} FROM managers.rebalance_move WHERE rebalance_id = $1
        ORDER BY cost DESC, group_account_id LIMIT $2`,
      [id, limit],
    );
  }
}
