import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import type { Reason } from '@gap/i18n';
import {
  ASSIGNMENT_PERMISSIONS,
  explainAssignment,
  matchManager,
  type AssignmentReasonCode,
  type CandidateAssessment,
  type Tier,
} from '@gap/managers/domain';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import { AssignmentErrors } from './assignment.errors.js';
import {
  AssignmentReadsRepository,
  type PrimaryAssignmentRow,
  type UnassignableRow,
  type VisibleTo,
} from './assignment-reads.repository.js';
import { AssignmentRepository } from './assignment.repository.js';

/** Why an account has its manager, and whom the matching function would choose now. */
export interface AssignmentExplanation {
  readonly groupAccountId: string;
  readonly tier: Tier;
  readonly regionCode: string;
  readonly industryCode: string;
  readonly policyVersion: string;
  readonly primaryManagerId: string | null;
  readonly assignedReason: string | null;
  readonly assignedBy: string | null;
  readonly assignedAt: Date | null;
  readonly unassignableReason: string | null;
  readonly bestManagerId: string | null;
  /** The explanation as data; the edge renders it in the caller's language. */
  readonly reasons: readonly Reason<AssignmentReasonCode>[];
  /** Eligible first, best first (at most 20). */
  readonly candidates: readonly CandidateAssessment[];
}

/** What callers read of assignments: primary managers, the unassignable list, explanations. */
@Injectable()
export class AssignmentQueriesService {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly reads: AssignmentReadsRepository,
    private readonly policies: ManagerPolicyService,
    private readonly visibility: ManagerVisibility,
  ) {}

  /** The primary manager of each visible account among `accountIds`. */
  primaryOf(
    caller: Caller,
    accountIds: readonly string[],
    operation:
      | 'GroupAccount.primaryAssignment'
      | 'GroupAccount.primaryManager' = 'GroupAccount.primaryAssignment',
  ): Promise<PrimaryAssignmentRow[]> {
    authorize(ASSIGNMENT_PERMISSIONS, operation, caller);
    return this.reads.primaryOf(accountIds, caller.subject, this.visibleTo(caller));
  }

  /** The accounts nobody could take, oldest first. */
  unassignable(caller: Caller, first: number): Promise<UnassignableRow[]> {
    authorize(ASSIGNMENT_PERMISSIONS, 'unassignableAccounts', caller);
    return this.reads.unassignable(
      Math.min(Math.max(first, 1), 500),
      caller.subject,
      this.visibleTo(caller),
    );
  }

  /**
   * Why the account has the manager it has, and whom the matching function would choose now:
   * every candidate with the parts of its cost, or why it was refused.
   */
  async explain(
    caller: Caller,
    accountId: string,
    operation:
      'assignmentExplanation' | 'GroupAccount.assignmentExplanation' = 'assignmentExplanation',
  ): Promise<AssignmentExplanation> {
    authorize(ASSIGNMENT_PERMISSIONS, operation, caller);
    await this.visibility.assertVisible(caller, accountId, 'groupAccountId');
    return this.repository.transaction(async (tx) => {
      const account = await this.repository.accountFacts(tx, accountId);
      if (!account) throw AssignmentErrors.accountNotFound(accountId, 'groupAccountId');
      const policy = await this.policies.current(tx);
      const managers = await this.repository.managers(tx, policy);
      // The current manager is weighed without the account's own points in their load.
      const own = account.status === 'CHURNED' ? 0 : policy.points[account.tier];
      const match = matchManager(
        account,
        managers.map((m) => (m.id === account.primaryManagerId ? { ...m, load: m.load - own } : m)),
        policy,
      );
      const [assignment] = await this.reads.primaryOf(
        [accountId],
        caller.subject,
        this.visibleTo(caller),
        tx,
      );
      return {
        groupAccountId: accountId,
        tier: account.tier,
        regionCode: account.regionCode,
        industryCode: account.industryCode,
        policyVersion: policy.version,
        primaryManagerId: assignment?.managerId ?? null,
        assignedReason: assignment?.reason ?? null,
        assignedBy: assignment?.assignedBy ?? null,
        assignedAt: assignment?.assignedAt ?? null,
        unassignableReason: await this.reads.unassignableReasonOf(tx, accountId),
        bestManagerId: match.managerId,
        reasons: explainAssignment(account, match, assignment?.managerId ?? null),
        candidates: match.candidates.slice(0, 20),
      };
    }, 'REPEATABLE READ');
  }

  private visibleTo(caller: Caller): VisibleTo {
    return (account, param) => this.visibility.condition(caller, account, param);
  }
}
