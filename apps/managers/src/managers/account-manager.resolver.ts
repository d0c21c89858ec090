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
import { CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { EmployeeNumberArg, type LoaderContext, PageSizeArg, requestLoader } from '@gap/graphql';
import type { Grade } from '@gap/managers/domain';
import { AccountManagerService } from './account-manager.service.js';
import {
  AccountManagerType,
  GradeEnum,
  ManagerStatusEnum,
  RegisterAccountManagerInput,
  ScorecardType,
  UpdateAccountManagerInput,
} from './account-manager.types.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

@Resolver(() => AccountManagerType)
export class AccountManagerResolver {
  constructor(private readonly managers: AccountManagerService) {}

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<AccountManagerType | null> {
    const caller = context.req.caller;
    if (!caller) return null;
    return this.load(caller, context).load(reference.id);
  }

  @Mutation(() => AccountManagerType, { description: 'Registers an account manager (admins).' })
  registerAccountManager(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RegisterAccountManagerInput,
  ): Promise<AccountManagerType> {
    return this.managers.register(caller, input);
  }

  @Mutation(() => AccountManagerType, {
    description:
      'Changes a manager’s grade, regions, industries, capacity, supervisor or status (admins). A new supervisor is announced on each of their accounts.',
  })
  updateAccountManager(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateAccountManagerInput,
  ): Promise<AccountManagerType> {
    return this.managers.update(caller, input);
  }

  @Query(() => AccountManagerType, { description: 'One account manager by employee number.' })
  accountManager(
    @CurrentCaller() caller: Caller,
    @EmployeeNumberArg('id') id: string,
  ): Promise<AccountManagerType> {
    return this.managers.byId(caller, id);
  }

  @Query(() => [AccountManagerType], { description: 'Account managers, by employee number.' })
  accountManagers(
    @CurrentCaller() caller: Caller,
    @EmployeeNumberArg('supervisorId', { nullable: true }) supervisorId?: string | null,
    @Args('status', { type: () => ManagerStatusEnum, nullable: true }) status?: string | null,
    @Args('grade', { type: () => GradeEnum, nullable: true }) grade?: Grade | null,
    @PageSizeArg('first', 100, { what: 'managers' }) first = 100,
  ): Promise<AccountManagerType[]> {
    return this.managers.list(caller, { supervisorId, status, grade, first });
  }

  @Query(() => [AccountManagerType], {
    description:
      'A supervisor’s team: the managers they supervise, with their scorecards (at most 500).',
  })
  myTeam(@CurrentCaller() caller: Caller): Promise<AccountManagerType[]> {
    return this.managers.list(caller, { supervisorId: caller.subject, first: 500 });
  }

  @Query(() => AccountManagerType, {
    nullable: true,
    description: 'The caller as an account manager (null when they are not one).',
  })
  async me(@CurrentCaller() caller: Caller): Promise<AccountManagerType | null> {
    const [found] = await this.managers.byIds(caller, [caller.subject]);
    return found ?? null;
  }

  @ResolveField(() => AccountManagerType, { nullable: true })
  supervisor(
    @Parent() manager: AccountManagerType,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<AccountManagerType | null> {
    return manager.supervisorId
      ? this.load(caller, context).load(manager.supervisorId)
      : Promise.resolve(null);
  }

  @ResolveField(() => ScorecardType, {
    description: 'Load against capacity, accounts per tier, grade fit, handovers.',
  })
  async scorecard(
    @Parent() manager: AccountManagerType,
    @Context() context: RequestContext,
  ): Promise<ScorecardType | null> {
    return requestLoader(context, 'scorecardByManager', (ids) =>
      this.managers.scorecards(ids),
    ).load(manager.id);
  }

  private load(caller: Caller, context: RequestContext) {
    return requestLoader(context, 'managerById', async (ids) => {
      const rows = await this.managers.byIds(caller, ids);
      return new Map(rows.map((row) => [row.id, row]));
    });
  }
}
