import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { answeringFileErrors, ImportReportType, type ImportReport } from '@gap/bulk-import';
import { DateArg } from '@gap/graphql';
import { GroupAccountReference } from '../group-account/group-account.reference.js';
import { AdoptionQueriesService } from './adoption-queries.service.js';
import {
  AccountAdoptionType,
  AdoptionFunnelRowType,
  ProductPresentationType,
} from './adoption.types.js';
import { AwarenessService } from './awareness.service.js';
import { ImportBundleUsageInput, RecordProductPresentedInput } from './dto/adoption.input.js';
import { UsageImportService } from './usage-import.service.js';

/** Usage import, awareness and the adoption report over the graph: one service call each. */
@Resolver()
export class AdoptionResolver {
  constructor(
    private readonly imports: UsageImportService,
    private readonly awareness: AwarenessService,
    private readonly queries: AdoptionQueriesService,
  ) {}

  @Mutation(() => ImportReportType, {
    description:
      'Loads monthly usage per subscription; a file with any wrong row writes nothing (admins only).',
  })
  importBundleUsage(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ImportBundleUsageInput,
  ): Promise<ImportReport> {
    return answeringFileErrors(() =>
      this.imports.import(caller, input.format, input.content, { dryRun: input.dryRun }),
    );
  }

  @Mutation(() => ProductPresentationType, {
    description: 'Records that a product was presented to an account (once per day).',
  })
  recordProductPresented(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RecordProductPresentedInput,
  ) {
    return this.awareness.record(caller, input);
  }

  @Query(() => [AdoptionFunnelRowType], {
    description:
      'Awareness, trial, subscription and adoption by product family and tier, from `from` to `to` (both included).',
  })
  adoptionReport(
    @CurrentCaller() caller: Caller,
    @DateArg('from') from: string,
    @DateArg('to') to: string,
  ) {
    return this.queries.report(caller, from, to);
  }
}

/** What adoption adds to a group account; null outside the caller's scope. */
@Resolver(() => GroupAccountReference)
export class GroupAccountAdoptionResolver {
  constructor(private readonly queries: AdoptionQueriesService) {}

  @ResolveField(() => AccountAdoptionType, {
    nullable: true,
    description: 'Usage against entitlement per subscription, and each product’s stage.',
  })
  adoption(@CurrentCaller() caller: Caller, @Parent() account: GroupAccountReference) {
    return this.queries.ofAccount(caller, account.id);
  }
}
