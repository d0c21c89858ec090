import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { authorize } from '@gap/authz';
import { type LoaderContext, requestLoader } from '@gap/graphql';
import { ASSIGNMENT_PERMISSIONS } from '@gap/managers/domain';
import { AssignmentQueriesService } from '../assignment/assignment-queries.service.js';
import { GroupAccountReference } from '../assignment/group-account.reference.js';
import { AccountManagerService } from './account-manager.service.js';
import { AccountManagerType } from './account-manager.types.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

/**
 * What the manager directory adds to a group account: its accountable manager. Assignment
 * knows who it is; the directory knows the manager. Both lookups are batched per request.
 */
@Resolver(() => GroupAccountReference)
export class GroupAccountPrimaryManagerResolver {
  constructor(
    private readonly assignments: AssignmentQueriesService,
    private readonly managers: AccountManagerService,
  ) {}

  @ResolveField(() => AccountManagerType, {
    nullable: true,
    description: 'The accountable manager; null until one is assigned.',
  })
  async primaryManager(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<AccountManagerType | null> {
    authorize(ASSIGNMENT_PERMISSIONS, 'GroupAccount.primaryManager', caller);
    const assignment = await requestLoader(context, 'primaryManagerIdByAccount', async (ids) => {
      const rows = await this.assignments.primaryOf(caller, ids, 'GroupAccount.primaryManager');
      return new Map(rows.map((row) => [row.groupAccountId, row.managerId]));
    }).load(account.id);
    if (!assignment) return null;
    const manager = await requestLoader(context, 'primaryManagerById', async (ids) => {
      const rows = await this.managers.byIds(caller, ids, 'GroupAccount.primaryManager');
      return new Map(rows.map((row) => [row.id, row]));
    }).load(assignment);
    return manager ?? null;
  }
}
