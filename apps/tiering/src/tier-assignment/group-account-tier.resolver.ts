import { Context, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { authorize, CurrentCaller, type AuthenticatedRequest, type Caller } from '@gap/auth';
import { type LoaderContext, PageSizeArg, requestLoader, UuidArg } from '@gap/graphql';
import { TIERING_PERMISSIONS, type Tier } from '@gap/tiering/domain';
import { renderTierExplanation } from '../explanation/tier-explanation.catalog.js';
import {
  TierExplanationService,
  type TierExplanationData,
} from '../explanation/tier-explanation.service.js';
import {
  AccountValueType,
  TierExplanationType,
  TierHistoryEntry,
} from '../explanation/tier-explanation.types.js';
import { TierOverrideService } from '../overrides/tier-override.service.js';
import { TierOverrideType } from '../overrides/tier-override.types.js';
import { GroupAccountReference, TierEnum } from '../tier.type.js';
import { TierAssignmentService } from './tier-assignment.service.js';

type RequestContext = LoaderContext & { req: AuthenticatedRequest };

/** The explanation with its reasons in the caller's language. */
function rendered({ reasonData, ...data }: TierExplanationData): TierExplanationType {
  return { ...data, ...renderTierExplanation({ reasonData }) };
}

/** What the tiering service adds to a group account: tier, value, segment, history, why. */
@Resolver(() => GroupAccountReference)
export class GroupAccountTierResolver {
  constructor(
    private readonly tiers: TierAssignmentService,
    private readonly explanations: TierExplanationService,
    private readonly overrides: TierOverrideService,
  ) {}

  /** A reference carries nothing but the id; its fields check what the caller may see. */
  @ResolveReference()
  resolveReference(
    @Parent() reference: { id: string },
    @CurrentCaller() caller: Caller,
  ): GroupAccountReference {
    authorize(TIERING_PERMISSIONS, '_entities.GroupAccount', caller);
    return { id: reference.id };
  }

  @ResolveField(() => TierEnum, {
    nullable: true,
    description: 'The A/B/C tier in force; null until the tiering service has seen the account.',
  })
  tier(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<Tier | null> {
    return requestLoader(context, 'tierByAccountId', (ids) => this.tiers.tiersOf(caller, ids)).load(
      account.id,
    );
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'VALUE, SECONDARY_VALUE, POTENTIAL_VALUE or LOW_VALUE (current × potential value), as of the last applied run.',
  })
  async valueSegment(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<string | null> {
    return (
      (await this.accountValue(account, caller, context, 'GroupAccount.valueSegment'))?.segment ??
      null
    );
  }

  @ResolveField(() => AccountValueType, {
    nullable: true,
    description: 'Current, potential and lifetime value as of the last applied run.',
  })
  value(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<AccountValueType | null> {
    return this.accountValue(account, caller, context, 'GroupAccount.value');
  }

  @ResolveField(() => [TierHistoryEntry], {
    description: 'Tier and segment changes, newest first.',
  })
  tierHistory(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
    @PageSizeArg('last', 12, { what: 'changes' }) last: number,
  ): Promise<TierHistoryEntry[]> {
    return requestLoader(context, `tierHistory:${last}`, (ids) =>
      this.explanations.historyOf(caller, ids, last),
    )
      .load(account.id)
      .then((entries) => entries ?? []);
  }

  @ResolveField(() => TierOverrideType, { nullable: true, description: 'The override in force.' })
  tierOverride(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
    @Context() context: RequestContext,
  ): Promise<TierOverrideType | null> {
    return requestLoader(context, 'tierOverrideByAccountId', (ids) =>
      this.overrides.inForceOn(caller, ids, 'GroupAccount.tierOverride'),
    ).load(account.id);
  }

  @ResolveField(() => TierExplanationType, {
    description: 'Why the account has its tier, with every input, component and boundary.',
  })
  async tierExplanation(
    @Parent() account: GroupAccountReference,
    @CurrentCaller() caller: Caller,
  ): Promise<TierExplanationType> {
    return rendered(
      await this.explanations.explain(caller, account.id, 'GroupAccount.tierExplanation'),
    );
  }

  @Query(() => TierExplanationType, {
    name: 'tierExplanation',
    description: 'Why an account has its tier, with every input, component and boundary.',
  })
  async explainTier(
    @CurrentCaller() caller: Caller,
    @UuidArg('groupAccountId') groupAccountId: string,
  ): Promise<TierExplanationType> {
    return rendered(await this.explanations.explain(caller, groupAccountId));
  }

  private accountValue(
    account: GroupAccountReference,
    caller: Caller,
    context: RequestContext,
    operation: 'GroupAccount.value' | 'GroupAccount.valueSegment',
  ): Promise<AccountValueType | null> {
    return requestLoader(context, `valueByAccountId:${operation}`, (ids) =>
      this.explanations.valuesOf(caller, ids, operation),
    ).load(account.id);
  }
}
