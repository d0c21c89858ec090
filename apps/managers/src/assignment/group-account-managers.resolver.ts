import {
  Args,
  Context,
  Directive,
  Field,
  ID,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { type LoaderContext, PageSizeArg, requestLoader, UuidArg } from '@gap/graphql';
import { HandoverService } from '../handover/handover.service.js';
import { HandoverType } from '../handover/handover.types.js';
import { AccountManagerService } from '../managers/account-manager.service.js';
import { AccountManagerType, TeamMemberType } from '../managers/account-manager.types.js';
import { AssignmentService } from './assignment.service.js';
import {
  AssignmentExplanationType,
  AssignPrimaryManagerInput,
  PrimaryAssignmentType,
  RemoveTeamMemberInput,
  SetTeamMemberInput,
  UnassignableAccountType,
} from './assignment.types.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

/** The group account as the managers service knows it: by reference, owned by accounts. */
@ObjectType('GroupAccount')
@Directive('@key(fields: "id")')
export class GroupAccountReference {
  @Field(() => ID) id!: string;
}

/** What the managers service adds to a group account, and the assignment mutations. */
@Resolver(() => GroupAccountReference)
export class GroupAccountManagersResolver {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly managers: AccountManagerService,
    private readonly handoverService: HandoverService,
  ) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): GroupAccountReference {
    return { id: reference.id };
  }

  @ResolveField(() => AccountManagerType, {
    nullable: true,
    description: 'The accountable manager; null until one is assigned.',
  })
  async primaryManager(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<AccountManagerType | null> {
    const assignment = await this.primary(caller, context).load(account.id);
    if (!assignment) return null;
    return requestLoader(context, 'managerById', async (ids) => {
      const rows = await this.managers.byIds(caller, ids);
      return new Map(rows.map((row) => [row.id, row]));
    }).load(assignment.managerId);
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
    return this.primary(caller, context).load(account.id);
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
      const rows = await this.assignments.teamsOf(caller, ids);
      const byAccount = new Map<string, TeamMemberType[]>();
      for (const row of rows) {
        byAccount.set(row.groupAccountId, [...(byAccount.get(row.groupAccountId) ?? []), row]);
      }
      return byAccount;
    }).load(account.id);
    return teams ?? [];
  }

  @ResolveField(() => [HandoverType], {
    description: 'Its handovers, newest first (at most 500).',
  })
  async handovers(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<HandoverType[]> {
    const found = await requestLoader(context, 'handoversByAccount', async (ids) => {
      const rows = await this.handoverService.list(caller, { accountIds: ids, first: 500 });
      const byAccount = new Map<string, HandoverType[]>();
      for (const row of rows) {
        byAccount.set(row.groupAccountId, [...(byAccount.get(row.groupAccountId) ?? []), row]);
      }
      return byAccount;
    }).load(account.id);
    return found ?? [];
  }

  @ResolveField(() => AssignmentExplanationType, {
    description: 'Why it has its manager, and whom the matching function would choose now.',
  })
  assignmentExplanation(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
  ): Promise<AssignmentExplanationType> {
    return this.assignments.explain(caller, account.id);
  }

  @Query(() => AssignmentExplanationType, {
    name: 'assignmentExplanation',
    description: 'Why an account has its manager, with every candidate weighed.',
  })
  explainAssignment(
    @CurrentCaller() caller: Caller,
    @UuidArg('groupAccountId') groupAccountId: string,
  ): Promise<AssignmentExplanationType> {
    return this.assignments.explain(caller, groupAccountId);
  }

  @Query(() => [UnassignableAccountType], {
    description: 'Accounts nobody could take (no fitting grade, no capacity), oldest first.',
  })
  unassignableAccounts(
    @CurrentCaller() caller: Caller,
    @PageSizeArg('first', 100, { what: 'accounts' }) first: number,
  ): Promise<UnassignableAccountType[]> {
    return this.assignments.unassignable(caller, first);
  }

  @Mutation(() => PrimaryAssignmentType, {
    description:
      'Makes a manager the account’s primary manager at once, with a reason (supervisors and admins). Refused while a handover is open.',
  })
  assignPrimaryManager(
    @CurrentCaller() caller: Caller,
    @Args('input') input: AssignPrimaryManagerInput,
  ): Promise<PrimaryAssignmentType> {
    return this.assignments.assign(caller, input);
  }

  @Mutation(() => [TeamMemberType], { description: 'Adds a team member or changes their role.' })
  async setTeamMember(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SetTeamMemberInput,
  ): Promise<TeamMemberType[]> {
    await this.assignments.setTeamMember(caller, input);
    return this.assignments.teamsOf(caller, [input.groupAccountId]);
  }

  @Mutation(() => [TeamMemberType], { description: 'Takes a manager off the account’s team.' })
  async removeTeamMember(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RemoveTeamMemberInput,
  ): Promise<TeamMemberType[]> {
    await this.assignments.removeTeamMember(caller, input);
    return this.assignments.teamsOf(caller, [input.groupAccountId]);
  }

  private primary(caller: Caller, context: RequestContext) {
    return requestLoader(context, 'primaryByAccount', async (ids) => {
      const rows = await this.assignments.primaryOf(caller, ids);
      return new Map(rows.map((row) => [row.groupAccountId, row]));
    });
  }
}
