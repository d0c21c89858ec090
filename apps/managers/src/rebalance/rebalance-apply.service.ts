import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/authz';
import { addDays, isCalendarDate, todayInChina, type CalendarDate } from '@gap/calendar';
import { AssignmentRepository } from '../assignment/assignment.repository.js';
import {
  HandoverPlanner,
  SYSTEM_HANDOVER_DAYS,
  type HandoverRequest,
} from '../assignment/handover-planner.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { RebalanceTeamService } from './rebalance-team.service.js';
import { RebalanceErrors } from './rebalance.errors.js';
import { RebalanceRepository } from './rebalance.repository.js';
import type { RebalanceAppliedType } from './rebalance.types.js';

/**
 * Applies a preview: handovers for the moves (never silent swaps), a first manager at once for
 * accounts without one, and nothing for an account that changed hands, tier or entered a
 * handover since the preview. A supervisor applies only moves within their team.
 */
@Injectable()
export class RebalanceApplyService {
  constructor(
    private readonly repository: RebalanceRepository,
    private readonly assignments: AssignmentRepository,
    private readonly policies: ManagerPolicyService,
    private readonly teams: RebalanceTeamService,
    private readonly handovers: HandoverPlanner,
  ) {}

  async apply(
    caller: Caller,
    input: { rebalanceId: string; dueOn?: string | null },
    today: CalendarDate = todayInChina(),
  ): Promise<RebalanceAppliedType> {
    const reach = await this.teams.reachOf(caller, 'applyRebalance');
    const dueOn = input.dueOn ?? addDays(today, SYSTEM_HANDOVER_DAYS);
    if (!isCalendarDate(dueOn)) throw RebalanceErrors.dueDateInvalid(dueOn, 'input.dueOn');
    if (dueOn < today) throw RebalanceErrors.dueDateInPast(dueOn, today, 'input.dueOn');
    return this.repository.transaction(async (tx) => {
      await this.assignments.lockCapacity(tx);
      const rebalance = await this.repository.lock(tx, input.rebalanceId);
      if (!rebalance) throw RebalanceErrors.notFound(input.rebalanceId, 'input.rebalanceId');
      if (rebalance.appliedAt) {
        throw RebalanceErrors.alreadyApplied(input.rebalanceId, rebalance.appliedAt);
      }
      const policy = await this.policies.current(tx);
      if (policy.version !== rebalance.policyVersion) {
        throw RebalanceErrors.stale(rebalance.policyVersion, policy.version);
      }
      const moves = await this.repository.movesOf(tx, input.rebalanceId);
      this.teams.assertWithin(
        reach,
        moves.flatMap((m) => [m.fromManagerId, m.toManagerId]),
      );
      const accounts = new Map(
        (
          await this.assignments.lockAccounts(
            tx,
            moves.map((m) => m.groupAccountId),
          )
        ).map((a) => [a.id, a]),
      );
      const plans: HandoverRequest[] = [];
      let assigned = 0;
      let unassignable = 0;
      let skipped = 0;
      for (const move of moves) {
        const account = accounts.get(move.groupAccountId);
        if (
          !account ||
          account.openHandoverId ||
          account.tier !== move.tier ||
          account.primaryManagerId !== move.fromManagerId
        ) {
          skipped += 1;
        } else if (move.toManagerId === null) {
          await this.assignments.markUnassignable(tx, account, 'NO_CAPACITY', policy);
          unassignable += 1;
        } else if (move.fromManagerId === null) {
          await this.assignments.setPrimary(tx, {
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
      await this.handovers.planMany(tx, caller.subject, plans);
      await this.repository.markApplied(tx, input.rebalanceId, caller.subject, dueOn);
      return {
        rebalanceId: input.rebalanceId,
        handovers: plans.length,
        assigned,
        unassignable,
        skipped,
      };
    });
  }
}
