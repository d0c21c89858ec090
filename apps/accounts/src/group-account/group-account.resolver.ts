import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  Resolver,
  ResolveReference,
} from '@nestjs/graphql';
import { INDUSTRIES } from '@gap/accounts/domain';
import { CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { type Connection, type LoaderContext, requestLoader, UuidArg } from '@gap/graphql';
import {
  ChangeGroupAccountStatusInput,
  CreateGroupAccountInput,
  UpdateGroupAccountInput,
} from './dto/group-account.inputs.js';
import { GroupAccountSearchArgs } from './dto/group-account-search.args.js';
import { GroupAccount, GroupAccountConnection, Industry } from './dto/group-account.type.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { GroupAccountService } from './group-account.service.js';
import type { GroupAccountEntity } from './group-account.entity.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

@Resolver(() => GroupAccount)
export class GroupAccountResolver {
  constructor(private readonly accounts: GroupAccountService) {}

  @Mutation(() => GroupAccount, {
    description: 'Registers a group customer, as a prospect unless told otherwise.',
  })
  createGroupAccount(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateGroupAccountInput,
  ): Promise<GroupAccountEntity> {
    return this.accounts.create(caller, input);
  }

  @Mutation(() => GroupAccount, { description: 'Changes describing fields, at the version read.' })
  updateGroupAccount(
    @CurrentCaller() caller: Caller,
    @Args('input') input: UpdateGroupAccountInput,
  ): Promise<GroupAccountEntity> {
    return this.accounts.update(caller, input);
  }

  @Mutation(() => GroupAccount, { description: 'Moves the account along its lifecycle.' })
  changeGroupAccountStatus(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ChangeGroupAccountStatusInput,
  ): Promise<GroupAccountEntity> {
    return this.accounts.changeStatus(caller, input);
  }

  @Query(() => GroupAccount)
  groupAccount(
    @CurrentCaller() caller: Caller,
    @UuidArg('id') id: string,
  ): Promise<GroupAccountEntity> {
    return this.accounts.get(caller, id);
  }

  @Query(() => GroupAccountConnection, {
    description: 'Finds the accounts the caller may see: filtered, sorted, a page at a time.',
  })
  groupAccounts(
    @CurrentCaller() caller: Caller,
    @Args() args: GroupAccountSearchArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.accounts.search(caller, args);
  }

  @Query(() => GroupAccountConnection, {
    description:
      "The caller's own portfolio: accounts they manage, are on the team of, or supervise.",
  })
  myPortfolio(
    @CurrentCaller() caller: Caller,
    @Args() args: GroupAccountSearchArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.accounts.search(caller, args, true);
  }

  @Query(() => [Industry], {
    description: 'The industry code list, with Chinese and English labels.',
  })
  industries(): Industry[] {
    return Object.entries(INDUSTRIES).map(([code, label]) => ({
      code,
      nameZh: label.zh,
      nameEn: label.en,
    }));
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
      this.accounts.getMany(caller, ids),
    ).load(reference.id);
    if (!account) throw GroupAccountErrors.notFound(reference.id);
    return account;
  }
}
