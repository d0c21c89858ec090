import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { isReasonLongEnough } from '@gap/i18n';
import {
  ASSIGNMENT_PERMISSIONS,
  manualAssignmentRefusal,
  maxLoad,
  refusalsFor,
  requiresHandover,
  type ManagerPolicy,
  type Tier,
} from '@gap/managers/domain';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import { AssignmentErrors } from './assignment.errors.js';
import {
  AssignmentRepository,
  type AccountFacts,
  type ManagerWithLoad,
} from './assignment.repository.js';
import { TeamRepository } from './team.repository.js';

/** Refuses a manager who may not take an account of `tier` now, naming `field`. */
export function assertMayTake(
  target: ManagerWithLoad,
  tier: Tier,
  policy: ManagerPolicy,
  field: string,
): void {
  const [refusal] = refusalsFor({ tier }, target, policy);
  switch (refusal) {
    case undefined:
      return;
    case 'GRADE_CANNOT_OWN_TIER':
      throw AssignmentErrors.gradeCannotOwn(target.grade, tier, policy, field);
    case 'NOT_ACTIVE':
      throw AssignmentErrors.managerNotActive(target.id, target.status, field);
    case 'CAPACITY_EXCEEDED':
      throw AssignmentErrors.capacityExceeded(
        target.id,
        target.load,
        maxLoad(target, policy),
        tier,
        policy.points[tier],
        field,
      );
  }
}

/** Refuses what may not be assigned by hand at all (an open handover, the same manager). */
function assertMayAssignByHand(account: AccountFacts, managerId: string): void {
  switch (manualAssignmentRefusal(account, managerId)) {
    case null:
      return;
    case 'ACCOUNT_IN_HANDOVER':
      throw AssignmentErrors.accountInHandover(
        account.id,
        account.openHandoverId ?? '',
        'input.groupAccountId',
      );
    case 'ALREADY_PRIMARY':
      throw AssignmentErrors.alreadyPrimary(managerId, 'input.managerId');
  }
}

/**
 * A supervisor's assignment by hand, with a reason: effective at once for an account without a
 * primary manager or whose manager has left; an account whose manager is still with the
 * company is passed on by a handover instead (HANDOVER_REQUIRED).
 */
@Injectable()
export class ManualAssignmentService {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly teams: TeamRepository,
    private readonly policies: ManagerPolicyService,
    private readonly visibility: ManagerVisibility,
  ) {}

  async assign(
    caller: Caller,
    input: { groupAccountId: string; managerId: string; reason: string },
  ): Promise<void> {
    authorize(ASSIGNMENT_PERMISSIONS, 'assignPrimaryManager', caller);
    if (!isReasonLongEnough(input.reason)) throw AssignmentErrors.reasonRequired('input.reason');
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    await this.repository.transaction(async (tx) => {
      await this.repository.lockCapacity(tx);
      const account = await this.repository.lockAccount(
        tx,
        input.groupAccountId,
        'input.groupAccountId',
      );
      assertMayAssignByHand(account, input.managerId);
      const policy = await this.policies.current(tx);
      const target = await this.repository.manager(tx, policy, input.managerId, 'input.managerId');
      assertMayTake(target, account.tier, policy, 'input.managerId');
      if (requiresHandover(account)) {
        throw AssignmentErrors.handoverRequired(
          account.id,
          account.primaryManagerId ?? '',
          'input.groupAccountId',
        );
      }
      const wasTeamMember = await this.teams.leaveTeam(tx, account.id, target.id);
      await this.repository.setPrimary(tx, {
        accountId: account.id,
        managerId: target.id,
        previousManagerId: account.primaryManagerId,
        reason: input.reason.trim(),
        by: caller.subject,
        supervisorId: target.supervisorId,
      });
      if (wasTeamMember) await this.repository.publishTeam(tx, account.id);
    });
  }
}
