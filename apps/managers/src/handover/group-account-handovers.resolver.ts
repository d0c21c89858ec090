import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { type LoaderContext, requestLoader } from '@gap/graphql';
import { GroupAccountReference } from '../assignment/group-account.reference.js';
import { HandoverQueryService } from './handover-query.service.js';
import { HandoverType } from './handover.types.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

/** What the handover feature adds to a group account: its handovers. */
@Resolver(() => GroupAccountReference)
export class GroupAccountHandoversResolver {
  constructor(private readonly queries: HandoverQueryService) {}

  @ResolveField(() => [HandoverType], {
    description: 'Its handovers, newest first (at most 500).',
  })
  async handovers(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<HandoverType[]> {
    const found = await requestLoader(context, 'handoversByAccount', async (ids) => {
      const rows = await this.queries.list(
        caller,
        { accountIds: ids, first: 500 },
        'GroupAccount.handovers',
      );
      const byAccount = new Map<string, HandoverType[]>();
      for (const row of rows) {
        byAccount.set(row.groupAccountId, [...(byAccount.get(row.groupAccountId) ?? []), row]);
      }
      return byAccount;
    }).load(account.id);
    return found ?? [];
  }
}
