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
import { ManagerScorecardService } from './manager-scorecard.service.js';
import { RegisterAccountManagerService } from './register-account-manager.service.js';
import { UpdateAccountManagerService } from './update-account-manager.service.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

@Resolver(() => AccountManagerType)
export class AccountManagerResolver {
  constructor(
    private readonly managers: AccountManagerService,
    private readonly registration: RegisterAccountManagerService,
    private readonly updates: UpdateAccountManagerService,
    private readonly scorecards: ManagerScorecardService,
  ) {}

  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<AccountManagerType | null> {
    const caller = context.req.caller;
    if (!caller) return null;
    return this.load(caller, context, '_entities.AccountManager').load(reference.id);
  }

  @Mutation(() => AccountManagerType, { description: 'Registers an account manager (admins).' })
  async registerAccountManager(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RegisterAccountManagerInput,
  ): Promise<AccountManagerType> {
    return this.managers.byId(caller, await this.registration.register(caller, input));
  }

  @Mutation(() => AccountManagerType, {
    description:
      'Changes a manager’s grade, regions, industries, capacity, supervisor or status (admins). A new supervisor is announced on each of their accounts.',
  })
  async updateAccountManager(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateAccountManagerInput,
  ): Promise<AccountManagerType> {
    return this.managers.byId(caller, await this.updates.update(caller, input));
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
    return this.managers.list(caller, { supervisorId: caller.subject, first: 500 }, 'myTeam');
  }

  @Query(() => AccountManagerType, {
    nullable: true,
    description: 'The caller as an account manager (null when they are not one).',
  })
  me(@CurrentCaller() caller: Caller): Promise<AccountManagerType | null> {
    return this.managers.me(caller);
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
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<ScorecardType | null> {
    return requestLoader(context, 'scorecardByManager', (ids) =>
      this.scorecards.scorecards(caller, ids),
    ).load(manager.id);
  }

  private load(
    caller: Caller,
    context: RequestContext,
    operation: 'accountManager' | '_entities.AccountManager' = 'accountManager',
  ) {
    return requestLoader(context, `managerById:${operation}`, async (ids) => {
      const rows = await this.managers.byIds(caller, ids, operation);
      return new Map(rows.map((row) => [row.id, row]));
    });
  }
}
