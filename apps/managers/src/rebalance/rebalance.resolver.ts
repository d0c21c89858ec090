import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { UuidArg } from '@gap/graphql';
import { RebalanceService } from './rebalance.service.js';
import {
  ApplyRebalanceInput,
  RebalanceAppliedType,
  RebalanceScopeInput,
  RebalanceType,
} from './rebalance.types.js';

@Resolver(() => RebalanceType)
export class RebalanceResolver {
  constructor(private readonly rebalances: RebalanceService) {}

  @Mutation(() => RebalanceType, {
    description:
      'Proposes who should own the accounts in scope, within every manager’s limit, at the lowest total mismatch (supervisors and admins). Nothing moves until it is applied.',
  })
  previewRebalance(
    @CurrentCaller() caller: Caller,
    // Typed without `| null` so that the validation pipe sees the input class, not Object.
    @Args('scope', { type: () => RebalanceScopeInput, nullable: true })
    scope?: RebalanceScopeInput,
  ): Promise<RebalanceType> {
    return this.rebalances.preview(caller, scope ?? { misfitOnly: false });
  }

  @Mutation(() => RebalanceAppliedType, {
    description:
      'Applies a preview: handovers for the moves, a first manager for accounts without one; accounts changed since the preview are skipped.',
  })
  applyRebalance(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ApplyRebalanceInput,
  ): Promise<RebalanceAppliedType> {
    return this.rebalances.apply(caller, input);
  }

  @Query(() => RebalanceType)
  rebalance(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<RebalanceType> {
    return this.rebalances.byId(caller, id);
  }
}
