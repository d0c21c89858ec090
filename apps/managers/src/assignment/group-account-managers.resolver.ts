import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { CurrentCaller, type AuthenticatedRequest } from '@gap/auth';
import { authorize, type Caller } from '@gap/authz';
import { type LoaderContext, PageSizeArg, requestLoader, UuidArg } from '@gap/graphql';
import { ASSIGNMENT_PERMISSIONS } from '@gap/managers/domain';
import { AssignmentQueriesService } from './assignment-queries.service.js';
import { renderExplanation } from './assignment.reasons.js';
import {
  AssignmentExplanationType,
  AssignPrimaryManagerInput,
  PrimaryAssignmentType,
  RemoveTeamMemberInput,
  SetTeamMemberInput,
  UnassignableAccountType,
} from './assignment.types.js';
import { GroupAccountReference } from './group-account.reference.js';
import { ManualAssignmentService } from './manual-assignment.service.js';
import { TeamService } from './team.service.js';
import { TeamMemberType } from './team.types.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

/**
 * What assignment adds to a group account, and the assignment mutations. The account's
 * `primaryManager` (an AccountManager) is the manager directory's field and `handovers` the
 * handover feature's: both depend on assignment, not the other way round.
 */
@Resolver(() => GroupAccountReference)
export class GroupAccountManagersResolver {
  constructor(
    private readonly queries: AssignmentQueriesService,
    private readonly manual: ManualAssignmentService,
    private readonly teams: TeamService,
  ) {}

  /** A reference carries nothing but the id; its fields check what the caller may see. */
  @ResolveReference()
  resolveReference(
    @Parent() reference: { id: string },
    @CurrentCaller() caller: Caller,
  ): GroupAccountReference {
    authorize(ASSIGNMENT_PERMISSIONS, '_entities.GroupAccount', caller);
    return { id: reference.id };
  }

  @ResolveField(() => PrimaryAssignmentType, {
    nullable: true,
    description: 'How the primary manager came to be: why, by whom, since when.',
  })
  primaryAssignment(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<PrimaryAssignmentType | null> {
    return requestLoader(context, 'primaryByAccount', async (ids) => {
      const rows = await this.queries.primaryOf(caller, ids);
      return new Map(rows.map((row) => [row.groupAccountId, row]));
    }).load(account.id);
  }

  @ResolveField(() => [TeamMemberType], {
    description: 'Backup, solution architect and technical support beside the primary manager.',
  })
  async team(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<TeamMemberType[]> {
    const teams = await requestLoader(context, 'teamByAccount', async (ids) => {
      const byAccount = new Map<string, TeamMemberType[]>();
      for (const row of await this.teams.teamsOf(caller, ids)) {
        byAccount.set(row.groupAccountId, [...(byAccount.get(row.groupAccountId) ?? []), row]);
      }
      return byAccount;
    }).load(account.id);
    return teams ?? [];
  }

  @ResolveField(() => AssignmentExplanationType, {
    description: 'Why it has its manager, and whom the matching function would choose now.',
  })
  async assignmentExplanation(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
  ): Promise<AssignmentExplanationType> {
    return renderExplanation(
      await this.queries.explain(caller, account.id, 'GroupAccount.assignmentExplanation'),
    );
  }

  @Query(() => AssignmentExplanationType, {
    name: 'assignmentExplanation',
    description: 'Why an account has its manager, with every candidate weighed.',
  })
  async explainAssignment(
    @CurrentCaller() caller: Caller,
    @UuidArg('groupAccountId') groupAccountId: string,
  ): Promise<AssignmentExplanationType> {
    return renderExplanation(await this.queries.explain(caller, groupAccountId));
  }

  @Query(() => [UnassignableAccountType], {
    description: 'Accounts nobody could take (no fitting grade, no capacity), oldest first.',
  })
  unassignableAccounts(
    @CurrentCaller() caller: Caller,
    @PageSizeArg('first', 100, { what: 'accounts' }) first: number,
  ): Promise<UnassignableAccountType[]> {
    return this.queries.unassignable(caller, first);
  }

  @Mutation(() => PrimaryAssignmentType, {
    description:
      'Makes a manager the primary manager of an account that has none or whose manager has left, with a reason (supervisors and admins). An account with a manager still in post is passed on by a handover (HANDOVER_REQUIRED).',
  })
  async assignPrimaryManager(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AssignPrimaryManagerInput,
  ): Promise<PrimaryAssignmentType> {
    await this.manual.assign(caller, input);
    const [assignment] = await this.queries.primaryOf(caller, [input.groupAccountId]);
    if (!assignment) throw new Error('The assignment just made is not visible.');
    return assignment;
  }

  @Mutation(() => [TeamMemberType], { description: 'Adds a team member or changes their role.' })
  async setTeamMember(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SetTeamMemberInput,
  ): Promise<TeamMemberType[]> {
    await this.teams.setTeamMember(caller, input);
    return this.teams.teamsOf(caller, [input.groupAccountId]);
  }

  @Mutation(() => [TeamMemberType], { description: 'Takes a manager off the account’s team.' })
  async removeTeamMember(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RemoveTeamMemberInput,
  ): Promise<TeamMemberType[]> {
    await this.teams.removeTeamMember(caller, input);
    return this.teams.teamsOf(caller, [input.groupAccountId]);
  }
}
export { GroupAccountReference } from './group-account.reference.js';
