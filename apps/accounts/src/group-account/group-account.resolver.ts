import { Args, Context, ID, Mutation, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { PageArgs, requestLoader, type Connection, type LoaderContext } from '@gap/graphql';
import type { AuthenticatedRequest } from '@gap/auth';
import { CreateGroupAccountInput } from './dto/create-group-account.input.js';
import { GroupAccount, GroupAccountConnection } from './dto/group-account.type.js';
import { GroupAccountService } from './group-account.service.js';
import type { GroupAccountEntity } from './group-account.entity.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

@Resolver(() => GroupAccount)
export class GroupAccountResolver {
  constructor(private readonly accounts: GroupAccountService) {}

  @Mutation(() => GroupAccount, { description: 'Registers a group customer as a prospect.' })
  createGroupAccount(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateGroupAccountInput,
  ): Promise<GroupAccountEntity> {
    return this.accounts.create(caller, input);
  }

  @Query(() => GroupAccount)
  groupAccount(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<GroupAccountEntity> {
    return this.accounts.get(caller, id);
  }

  @Query(() => GroupAccountConnection, {
    description: 'Group accounts in the order they were registered.',
  })
  groupAccounts(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
  ): Promise<Connection<GroupAccountEntity>> {
    return this.accounts.page(caller, page.first, page.after);
  }

  /** Other subgraphs hand the gateway `{ id }` references; they are fetched in one batch. */
  @ResolveReference()
  resolveReference(
    reference: { id: string },
    @Context() context: RequestContext,
  ): Promise<GroupAccountEntity | null> {
    const caller = context.req.caller;
    if (!caller) return Promise.resolve(null);
    return requestLoader(context, 'groupAccountById', (ids) =>
      this.accounts.getMany(caller, ids),
    ).load(reference.id);
  }
}
