import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/authz';
import { planRebalance, type RebalancePlan } from '@gap/managers/domain';
import { AssignmentRepository } from '../assignment/assignment.repository.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { balanceOf } from './rebalance-balance.js';
import { RebalanceTeamService } from './rebalance-team.service.js';
import { RebalanceErrors } from './rebalance.errors.js';
import { RebalanceRepository, type RebalanceScope } from './rebalance.repository.js';
import type { RebalanceLoadType, RebalanceType } from './rebalance.types.js';

/** What a preview keeps beside its moves, to be shown again. */
interface StoredStats {
  readonly planMs: number;
  readonly loads: RebalanceLoadType[];
  readonly detail: RebalancePlan['stats'];
  readonly loadShare: RebalancePlan['loadShare'];
}

/**
 * Previews a bulk rebalance: the optimiser (min-cost flow over the accounts in scope, ADR 7,
 * then the balance step that brings managers into the policy's load-share band) proposes who
 * should own what under every manager's limit; the preview keeps the proposal with loads
 * before and after. A supervisor's rebalance stays within their team: its accounts, its
 * managers.
 */
@Injectable()
export class RebalancePreviewService {
  constructor(
    private readonly repository: RebalanceRepository,
    private readonly assignments: AssignmentRepository,
    private readonly policies: ManagerPolicyService,
    private readonly teams: RebalanceTeamService,
  ) {}

  async preview(caller: Caller, scope: RebalanceScope): Promise<RebalanceType> {
    const reach = await this.teams.reachOf(caller, 'previewRebalance');
    if (scope.managerIds?.length) this.teams.assertWithin(reach, scope.managerIds);
    const within: RebalanceScope = reach.all
      ? scope
      : { ...scope, managerIds: scope.managerIds?.length ? scope.managerIds : [...reach.team] };
    const id = await this.repository.transaction(async (tx) => {
      const policy = await this.policies.current(tx);
      const accounts = await this.repository.accountsInScope(tx, within, policy);
      const inScope = new Map<string, number>();
      for (const account of accounts) {
        if (!account.currentManagerId) continue;
        const points = policy.points[account.tier];
        inScope.set(
          account.currentManagerId,
          (inScope.get(account.currentManagerId) ?? 0) + points,
        );
      }
      const managers = (await this.assignments.managers(tx, policy))
        .filter((m) => reach.all || reach.team.has(m.id))
        .map((m) => ({ ...m, fixedLoad: m.load - (inScope.get(m.id) ?? 0) }));
      const plan = planRebalance({ accounts, managers, policy }, { balance: balanceOf(policy) });
      const stats: StoredStats = {
        planMs: Math.round(plan.stats.ms.total),
        loads: plan.loads.filter((load) => load.after !== load.before),
        detail: plan.stats,
        loadShare: plan.loadShare,
      };
      const id = randomUUID();
      await this.repository.insert(
        tx,
        {
          id,
          policyVersion: policy.version,
          scope,
          requestedBy: caller.subject,
          accounts: accounts.length,
          moves: plan.moves.length,
          unassigned: plan.unassigned.length,
          totalCost: plan.totalCost,
          lowerBound: plan.lowerBound,
          loadSpread: plan.loadSpread,
          stats,
        },
        [
          ...plan.moves,
          ...plan.assignments.filter((a) => a.toManagerId === null && a.fromManagerId !== null),
        ],
      );
      return id;
    }, 'REPEATABLE READ');
    return this.read(id);
  }

  /** A preview by id; a supervisor sees those requested within their team. */
  async byId(caller: Caller, id: string): Promise<RebalanceType> {
    const reach = await this.teams.reachOf(caller, 'rebalance');
    const row = await this.repository.byId(id);
    if (!row || (!reach.all && !reach.team.has(row.requestedBy))) {
      throw RebalanceErrors.notFound(id, 'id');
    }
    return this.read(id);
  }

  private async read(id: string): Promise<RebalanceType> {
    const row = await this.repository.byId(id);
    if (!row) throw RebalanceErrors.notFound(id, 'id');
    const { stats, ...rest } = row as typeof row & { stats: StoredStats };
    const share = stats.loadShare;
    return {
      ...rest,
      loadShareMin: share?.min ?? null,
      loadShareMax: share?.max ?? null,
      planMs: stats.planMs,
      loads: stats.loads,
      movesSample: await this.repository.movesSample(id),
    };
  }
}
