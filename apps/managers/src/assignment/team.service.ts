import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { ASSIGNMENT_PERMISSIONS } from '@gap/managers/domain';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import { AssignmentErrors } from './assignment.errors.js';
import { AssignmentRepository } from './assignment.repository.js';
import { TeamRepository, type TeamMemberRow } from './team.repository.js';

/** The team beside the primary manager: set and changed by supervisors, read by its managers. */
@Injectable()
export class TeamService {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly teams: TeamRepository,
    private readonly policies: ManagerPolicyService,
    private readonly visibility: ManagerVisibility,
  ) {}

  async setTeamMember(
    caller: Caller,
    input: { groupAccountId: string; managerId: string; role: string },
  ): Promise<void> {
    authorize(ASSIGNMENT_PERMISSIONS, 'setTeamMember', caller);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    await this.repository.transaction(async (tx) => {
      const account = await this.repository.lockAccount(
        tx,
        input.groupAccountId,
        'input.groupAccountId',
      );
      if (account.primaryManagerId === input.managerId) {
        throw AssignmentErrors.teamMemberIsPrimary(input.managerId, 'input.managerId');
      }
      const policy = await this.policies.current(tx);
      const member = await this.repository.manager(tx, policy, input.managerId, 'input.managerId');
      if (member.status !== 'ACTIVE') {
        throw AssignmentErrors.managerNotActive(member.id, member.status, 'input.managerId');
      }
      await this.teams.upsertTeamMember(tx, {
        accountId: account.id,
        managerId: member.id,
        role: input.role,
        by: caller.subject,
      });
      await this.repository.publishTeam(tx, account.id);
    });
  }

  async removeTeamMember(
    caller: Caller,
    input: { groupAccountId: string; managerId: string },
  ): Promise<void> {
    authorize(ASSIGNMENT_PERMISSIONS, 'removeTeamMember', caller);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    await this.repository.transaction(async (tx) => {
      await this.repository.lockAccount(tx, input.groupAccountId, 'input.groupAccountId');
      if (!(await this.teams.leaveTeam(tx, input.groupAccountId, input.managerId))) {
        throw AssignmentErrors.teamMemberNotFound(input.managerId, 'input.managerId');
      }
      await this.repository.publishTeam(tx, input.groupAccountId);
    });
  }

  /** The team of each visible account among `accountIds`. */
  teamsOf(caller: Caller, accountIds: readonly string[]): Promise<TeamMemberRow[]> {
    authorize(ASSIGNMENT_PERMISSIONS, 'GroupAccount.team', caller);
    return this.teams.teamsOf(accountIds, caller.subject, (account, param) =>
      this.visibility.condition(caller, account, param),
    );
  }
}
