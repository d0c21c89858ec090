import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import { addDays, todayInChina, type CalendarDate } from '@gap/calendar';
import { DomainError } from '@gap/errors';
import {
  planRebalance,
  type AccountToPlace,
  type RebalancePlan,
  type Tier,
} from '@gap/managers/domain';
import { AssignmentStore, OPEN_STATES } from '../assignment/assignment.store.js';
import {
  CAPACITY_LOCK,
  DEFAULT_HANDOVER_DAYS,
  dueViolations,
  HandoverService,
  type HandoverPlan,
} from '../handover/handover.service.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import type {
  ApplyRebalanceInput,
  RebalanceAppliedType,
  RebalanceLoadType,
  RebalanceMoveType,
  RebalanceScopeInput,
  RebalanceType,
} from './rebalance.types.js';

/** What a preview keeps beside its moves, to be shown again. */
interface StoredStats {
  readonly planMs: number;
  readonly loads: RebalanceLoadType[];
  readonly detail: RebalancePlan['stats'];
  readonly loadShare: RebalancePlan['loadShare'];
}

const REBALANCE_COLUMNS = `id, policy_version AS "policyVersion", accounts, moves, unassigned,
  total_cost::float8 AS "totalCost", lower_bound AS "lowerBound", load_spread AS "loadSpread",
  requested_by AS "requestedBy", requested_at AS "requestedAt", applied_at AS "appliedAt",
  applied_by AS "appliedBy", stats`;

/**
 * Bulk rebalance: the optimiser (min-cost flow over the accounts in scope, ADR 7) proposes who
 * should own what under every manager's limit; a preview keeps the proposal with loads before
 * and after; applying it plans handovers (never silent swaps), gives accounts without a
 * manager one at once, and skips any account that changed since the preview.
 */
@Injectable()
export class RebalanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly handovers: HandoverService,
    private readonly visibility: ManagerVisibility,
  ) {}

  async preview(caller: Caller, scope: RebalanceScopeInput): Promise<RebalanceType> {
    this.visibility.assertMayAssign(caller);
    const id = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const policy = await this.policies.current(manager);
      const accounts = await manager.query<AccountToPlace[]>(
        `SELECT g.id, COALESCE(t.tier, 'C') AS tier, g.region_code AS "regionCode",
                g.industry_code AS "industryCode", pa.manager_id AS "currentManagerId"
           FROM managers.group_account g
           LEFT JOIN managers.account_tier t ON t.group_account_id = g.id
           LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
           LEFT JOIN managers.account_manager m ON m.id = pa.manager_id
          WHERE NOT EXISTS (SELECT 1 FROM managers.handover h
                             WHERE h.group_account_id = g.id AND h.state IN ${OPEN_STATES})
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
      const inScope = new Map<string, number>();
      for (const account of accounts) {
        if (!account.currentManagerId) continue;
        const points = policy.points[account.tier];
        inScope.set(
          account.currentManagerId,
          (inScope.get(account.currentManagerId) ?? 0) + points,
        );
      }
      const managers = (await this.store.managers(manager, policy)).map((m) => ({
        ...m,
        fixedLoad: m.load - (inScope.get(m.id) ?? 0),
      }));
      const plan = planRebalance({ accounts, managers, policy });
      const id = randomUUID();
      const changed = plan.loads.filter((load) => load.after !== load.before);
      const stats: StoredStats = {
        planMs: Math.round(plan.stats.ms.total),
        loads: changed,
        detail: plan.stats,
        loadShare: plan.loadShare,
      };
      await manager.query(
        `INSERT INTO managers.rebalance
           (id, policy_version, scope, requested_by, accounts, moves, unassigned, total_cost,
            lower_bound, load_spread, stats)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          policy.version,
          JSON.stringify(scope),
          caller.subject,
          accounts.length,
          plan.moves.length,
          plan.unassigned.length,
          plan.totalCost,
          plan.lowerBound,
          plan.loadSpread,
          JSON.stringify(stats),
        ],
      );
      const recorded = [
        ...plan.moves,
        ...plan.assignments.filter((a) => a.toManagerId === null && a.fromManagerId !== null),
      ];
      await manager.query(
        `INSERT INTO managers.rebalance_move
           (rebalance_id, group_account_id, from_manager_id, to_manager_id, tier, cost)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::char(1)[], $6::int[])
         ON CONFLICT DO NOTHING`,
        [
          id,
          recorded.map((m) => m.accountId),
          recorded.map((m) => m.fromManagerId),
          recorded.map((m) => m.toManagerId),
          recorded.map((m) => m.tier),
          recorded.map((m) => m.cost),
        ],
      );
      return id;
    });
    return this.byId(caller, id);
  }

  async apply(
    caller: Caller,
    input: ApplyRebalanceInput,
    today: CalendarDate = todayInChina(),
  ): Promise<RebalanceAppliedType> {
    this.visibility.assertMayAssign(caller);
    const dueOn = input.dueOn ?? addDays(today, DEFAULT_HANDOVER_DAYS);
    const violations = dueViolations(dueOn, today, 'input.dueOn');
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    return this.dataSource.transaction(async (manager) => {
      const [rebalance] = await manager.query<{ appliedAt: Date | null; policyVersion: string }[]>(
        `SELECT applied_at AS "appliedAt", policy_version AS "policyVersion"
           FROM managers.rebalance WHERE id = $1 FOR UPDATE`,
        [input.rebalanceId],
      );
      if (!rebalance) {
        throw DomainError.notFound(
          'REBALANCE_NOT_FOUND',
          `No rebalance ${input.rebalanceId}.`,
          'input.rebalanceId',
        );
      }
      if (rebalance.appliedAt) {
        throw DomainError.conflict(
          'REBALANCE_ALREADY_APPLIED',
          `Rebalance ${input.rebalanceId} was applied at ${rebalance.appliedAt.toISOString()}.`,
          'input.rebalanceId',
        );
      }
      const policy = await this.policies.current(manager);
      if (policy.version !== rebalance.policyVersion) {
        throw DomainError.conflict(
          'REBALANCE_STALE',
          `The rebalance used policy ${rebalance.policyVersion}; ${policy.version} is in force now. Preview again.`,
          'input.rebalanceId',
        );
      }
      const moves = await manager.query<(RebalanceMoveType & { tier: Tier })[]>(
        `SELECT group_account_id AS "groupAccountId", tier, from_manager_id AS "fromManagerId",
                to_manager_id AS "toManagerId", cost
           FROM managers.rebalance_move WHERE rebalance_id = $1 ORDER BY group_account_id`,
        [input.rebalanceId],
      );
      const accounts = new Map(
        (
          await this.store.lockAccounts(
            manager,
            moves.map((m) => m.groupAccountId),
          )
        ).map((a) => [a.id, a]),
      );
      await manager.query(CAPACITY_LOCK);
      const unchanged = moves.filter((move) => {
        const account = accounts.get(move.groupAccountId);
        return (
          account &&
          !account.openHandoverId &&
          account.tier === move.tier &&
          account.primaryManagerId === move.fromManagerId
        );
      });
      const plans: HandoverPlan[] = [];
      let assigned = 0;
      let unassignable = 0;
      for (const move of unchanged) {
        const account = accounts.get(move.groupAccountId);
        if (!account) continue;
        if (move.toManagerId === null) {
          await this.store.markUnassignable(manager, account, 'NO_CAPACITY', policy);
          unassignable += 1;
        } else if (move.fromManagerId === null) {
          await this.store.setPrimary(manager, {
            accountId: account.id,
            managerId: move.toManagerId,
            previousManagerId: null,
            reason: 'REBALANCE',
            by: caller.subject,
          });
          assigned += 1;
        } else {
          plans.push({
            accountId: account.id,
            tier: account.tier,
            fromManagerId: move.fromManagerId,
            toManagerId: move.toManagerId,
            cause: 'REBALANCE',
            reason: `Rebalance ${input.rebalanceId}: a better fit within capacity.`,
            dueOn,
            rebalanceId: input.rebalanceId,
          });
        }
      }
      await this.handovers.planMany(manager, caller.subject, plans);
      await manager.query(
        `UPDATE managers.rebalance SET applied_at = now(), applied_by = $2, due_on = $3 WHERE id = $1`,
        [input.rebalanceId, caller.subject, dueOn],
      );
      return {
        rebalanceId: input.rebalanceId,
        handovers: plans.length,
        assigned,
        unassignable,
        skipped: moves.length - unchanged.length,
      };
    });
  }

  async byId(caller: Caller, id: string): Promise<RebalanceType> {
    this.visibility.assertMayAssign(caller);
    const [row] = await this.dataSource.query<
      (Omit<RebalanceType, 'movesSample' | 'loads' | 'planMs'> & { stats: StoredStats })[]
    >(`SELECT ${REBALANCE_COLUMNS} FROM managers.rebalance WHERE id = $1`, [id]);
    if (!row) throw DomainError.notFound('REBALANCE_NOT_FOUND', `No rebalance ${id}.`, 'id');
    const movesSample = await this.dataSource.query<RebalanceMoveType[]>(
      `SELECT group_account_id AS "groupAccountId", tier, from_manager_id AS "fromManagerId",
              to_manager_id AS "toManagerId", cost
         FROM managers.rebalance_move WHERE rebalance_id = $1
        ORDER BY cost DESC, group_account_id LIMIT 200`,
      [id],
    );
    const { stats, ...rest } = row;
    return { ...rest, planMs: stats.planMs, loads: stats.loads, movesSample };
  }
}
