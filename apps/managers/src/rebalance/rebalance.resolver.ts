import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller } from '@gap/auth';
import type { Caller } from '@gap/authz';
import { UuidArg } from '@gap/graphql';
import { RebalanceApplyService } from './rebalance-apply.service.js';
import { RebalancePreviewService } from './rebalance-preview.service.js';
import {
  ApplyRebalanceInput,
  RebalanceAppliedType,
  RebalanceScopeInput,
  RebalanceType,
} from './rebalance.types.js';

@Resolver(() => RebalanceType)
export class RebalanceResolver {
  constructor(
    private readonly previews: RebalancePreviewService,
    private readonly applying: RebalanceApplyService,
  ) {}

  @Mutation(() => RebalanceType, {
    description:
      'Proposes who should own the accounts in scope, within every manager’s limit and the policy’s load-share band, at the lowest total mismatch (supervisors within their team, admins).  Nothing moves until it is applied.',
  })
  previewRebalance(
    @CurrentCaller() caller: Caller,
    // Typed without `| null` so that the validation pipe sees the input class, not Object.
    @Args('scope', { type: () => RebalanceScopeInput, nullable: true })
    scope?: RebalanceScopeInput,
  ): Promise<RebalanceType> {
    return this.previews.preview(caller, scope ?? { misfitOnly: false });
  }

  @Mutation(() => RebalanceAppliedType, {
    description:
      'Applies a preview: handovers for the moves, a first manager for accounts without one; accounts changed since the preview are skipped.',
  })
  applyRebalance(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ApplyRebalanceInput,
  ): Promise<RebalanceAppliedType> {
    return this.applying.apply(caller, input);
  }

  @Query(() => RebalanceType)
  rebalance(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<RebalanceType> {
    return this.previews.byId(caller, id);
  }
}
