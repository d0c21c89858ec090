import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { todayInChina, type CalendarDate } from '@gap/calendar';
import { HANDOVER_PERMISSIONS, matchInTurn } from '@gap/managers/domain';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { AccountManagerRepository } from '../managers/account-manager.repository.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { HandoverAccess } from './handover-access.js';
import { HandoverErrors } from './handover.errors.js';
import { dueViolations } from './handover.rules.js';
import { HandoverService, type HandoverPlan } from './handover.service.js';
import type {
  OffboardingType,
  OffboardManagerInput,
  UnplacedAccountType,
} from './handover.types.js';
import { OffboardingErrors } from './offboarding.errors.js';
import { OffboardingRepository } from './offboarding.repository.js';

/**
 * A manager leaving (交接 for a whole portfolio), by their supervisor (within their own team,
 * transitively) or an admin: every account of theirs gets a handover to the best manager with
 * room, due on their last day, in one transaction; what nobody can take is listed and
 * announced. The deadlines are then watched by HandoverDeadlinesService.
 */
@Injectable()
export class OffboardingService {
  constructor(
    private readonly offboarding: OffboardingRepository,
    private readonly managers: AccountManagerRepository,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly handovers: HandoverService,
    private readonly access: HandoverAccess,
  ) {}

  async offboard(
    caller: Caller,
    input: OffboardManagerInput,
    today: CalendarDate = todayInChina(),
  ): Promise<OffboardingType> {
    const scope = authorize(HANDOVER_PERMISSIONS, 'offboardAccountManager', caller);
    const violations = dueViolations(input.lastDay, today, 'input.lastDay');
    if (violations.length > 0) throw HandoverErrors.invalid(violations);
    const leaverId = input.managerId;
    return this.offboarding.transaction(async (tx) => {
      await this.store.lockCapacity(tx);
      const accountIds = await this.managers.primaryAccountsOf(tx, leaverId);
      const accounts = await this.store.lockAccounts(tx, accountIds);
      const leaving = await this.managers.lock(tx, leaverId);
      if (!leaving) throw OffboardingErrors.managerNotFound(leaverId);
      const team = await this.access.team(caller, scope, tx);
      this.access.assertReaches(caller, scope, [leaverId], team);
      if (leaving.status === 'LEFT') throw OffboardingErrors.alreadyLeft(leaverId);
      await this.offboarding.markLeaving(tx, leaverId, input.lastDay);
      // Accounts already in a handover keep it; a re-planned leaving day moves their due days.
      await this.offboarding.dueByLastDay(tx, leaverId, input.lastDay);
      const toPlace = accounts.filter(
        (account) => account.primaryManagerId === leaverId && !account.openHandoverId,
      );
      const policy = await this.policies.current(tx);
      const candidates = await this.store.managers(tx, policy);
      const placed = matchInTurn(toPlace, candidates, policy, new Set([leaverId]));
      const plans: HandoverPlan[] = [];
      const unplaced: UnplacedAccountType[] = [];
      for (const account of toPlace) {
        const outcome = placed.get(account.id);
        if (outcome && 'managerId' in outcome) {
          plans.push({
            accountId: account.id,
            tier: account.tier,
            fromManagerId: leaverId,
            toManagerId: outcome.managerId,
            cause: 'OFFBOARDING',
            reason: `${leaverId} leaves; last day ${input.lastDay}.`,
            dueOn: input.lastDay,
          });
        } else {
          const reason = outcome?.unassignableReason ?? 'NO_CAPACITY';
          unplaced.push({ groupAccountId: account.id, tier: account.tier, reason });
          await this.store.markUnassignable(tx, account, reason, policy);
        }
      }
      await this.handovers.planMany(tx, caller.subject, plans);
      return {
        managerId: leaverId,
        lastDay: input.lastDay,
        accounts: accountIds.length,
        planned: plans.length,
        alreadyInHandover: accounts.filter((a) => a.openHandoverId).length,
        unplaced,
      };
    });
  }
}
