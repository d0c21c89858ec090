import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { requestLoader, type LoaderContext } from '@gap/graphql';
import { GroupAccountReference } from '../requests/group-account.reference.js';
import { SlaBoardService } from './sla-board.service.js';
import { SlaBoardArgs, SlaBoardType, SlaSummaryType } from './sla-board.types.js';

/** The SLA board, for whoever works or watches the requests. */
@Resolver(() => SlaBoardType)
export class SlaBoardResolver {
  constructor(private readonly service: SlaBoardService) {}

  @Query(() => SlaBoardType, {
    description:
      'Open requests the caller sees by lead department and state, and those breaching soon.',
  })
  slaBoard(@CurrentCaller() caller: Caller, @Args() args: SlaBoardArgs) {
    return this.service.slaBoard(caller, args);
  }
}

/** What the SLA adds to a group account: its open requests' clocks in figures. */
@Resolver(() => GroupAccountReference)
export class GroupAccountSlaResolver {
  constructor(private readonly service: SlaBoardService) {}

  @ResolveField(() => SlaSummaryType, {
    description: 'Open coordination requests of the account the caller sees, and their clocks.',
  })
  async slaSummary(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountReference,
    @Context() context: LoaderContext,
  ): Promise<SlaSummaryType | null> {
    return requestLoader(context, 'slaSummaryByAccount', (ids) =>
      this.service.summaries(caller, ids),
    ).load(account.id);
  }
}
