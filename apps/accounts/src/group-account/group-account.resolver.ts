import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { type Connection, type LoaderContext, requestLoader, UuidArg } from '@gap/graphql';
import {
  ChangeGroupAccountStatusInput,
  CreateGroupAccountInput,
  UpdateGroupAccountInput,
} from './dto/group-account.inputs.js';
import { GroupAccountSearchArgs } from './dto/group-account-search.args.js';
import { GroupAccount, GroupAccountConnection, Industry } from './dto/group-account.type.js';
import { ChangeGroupAccountStatusService } from './change-group-account-status.service.js';
import { CreateGroupAccountService } from './create-group-account.service.js';
import { FindGroupAccountsService } from './find-group-accounts.service.js';
import { GroupAccountErrors } from './group-account.errors.js';
import type { GroupAccountEntity } from './group-account.entity.js';
import { IndustriesService } from './industries.service.js';
import { UpdateGroupAccountService } from './update-group-account.service.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

@Resolver(() => GroupAccount)
export class GroupAccountResolver {
  constructor(
    private readonly creating: CreateGroupAccountService,
    private readonly updating: UpdateGroupAccountService,
    private readonly statuses: ChangeGroupAccountStatusService,
    private readonly finding: FindGroupAccountsService,
    private readonly industryList: IndustriesService,
  ) {}

  @Mutation(() => GroupAccount, {
    description: 'Registers a group customer, as a prospect unless told otherwise.',
  })
  createGroupAccount(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateGroupAccountInput,
  ): Promise<GroupAccountEntity> {
    return this.creating.create(caller, input);
  }

  @Mutation(() => GroupAccount, { description: 'Changes describing fields, at the version read.' })
  updateGroupAccount(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateGroupAccountInput,
  ): Promise<GroupAccountEntity> {
    return this.updating.update(caller, input);
  }

  @Mutation(() => GroupAccount, { description: 'Moves the account along its lifecycle.' })
  changeGroupAccountStatus(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ChangeGroupAccountStatusInput,
  ): Promise<GroupAccountEntity> {
    return this.statuses.changeStatus(caller, input);
  }

  @Query(() => GroupAccount)
  groupAccount(
    @CurrentCaller() caller: Caller,
    @UuidArg('id') id: string,
  ): Promise<GroupAccountEntity> {
    return this.finding.get(caller, id);
  }

  @Query(() => GroupAccountConnection, {
    description: 'Finds the accounts the caller may see: filtered, sorted, a page at a time.',
  })
  groupAccounts(
    @CurrentCaller() caller: Caller,
    @Args() args: GroupAccountSearchArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.finding.search(caller, args);
  }

  @Query(() => GroupAccountConnection, {
    description:
      "The caller's own portfolio: accounts they manage, are on the team of, or supervise.",
  })
  myPortfolio(
    @CurrentCaller() caller: Caller,
    @Args() args: GroupAccountSearchArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.finding.search(caller, args, 'myPortfolio');
  }

  @Query(() => [Industry], {
    description: 'The industry code list, with Chinese and English labels.',
  })
  industries(@CurrentCaller() caller: Caller): Industry[] {
    return this.industryList.list(caller);
  }

  /**
   * Other subgraphs hand the gateway `{ id }` references; they are fetched in one batch, and
   * one the caller may not see is answered as not found, exactly like a direct query.
   */
  @ResolveReference()
  async resolveReference(
    @Parent() reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<GroupAccountEntity> {
    const caller = context.req.caller;
    if (!caller) throw GroupAccountErrors.notFound(reference.id);
    const account = await requestLoader(context, 'groupAccountById', (ids) =>
      this.finding.getMany(caller, ids, '_entities.GroupAccount'),
    ).load(reference.id);
    if (!account) throw GroupAccountErrors.notFound(reference.id);
    return account;
  }
}
