import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { DateArg, PageArgs, UuidArg, type Connection } from '@gap/graphql';
import { GroupAccountReference } from '../group-account/group-account.reference.js';
import {
  ConvertTrialInput,
  StartTrialInput,
  TrialFilterInput,
  TrialTargetInput,
} from './dto/trial.input.js';
import { TrialCommandsService } from './trial-commands.service.js';
import { TrialQueriesService } from './trial-queries.service.js';
import { TrialConnection, TrialConversionRateType, TrialType } from './trial.types.js';

/** Trials over the graph: thin, each field one service call, then the trial as it stands. */
@Resolver(() => TrialType)
export class TrialResolver {
  constructor(
    private readonly queries: TrialQueriesService,
    private readonly commands: TrialCommandsService,
  ) {}

  @Query(() => TrialConnection, { description: 'The trials the caller sees, newest first.' })
  trials(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
    @Args('filter', { type: () => TrialFilterInput, nullable: true }) filter?: TrialFilterInput,
  ): Promise<Connection<TrialType>> {
    return this.queries.list(caller, filter ?? {}, page);
  }

  @Query(() => TrialType, { description: 'One trial, if the caller may see it.' })
  trial(@CurrentCaller() caller: Caller, @UuidArg('id') id: string) {
    return this.queries.byId(caller, id);
  }

  @Query(() => [TrialConversionRateType], {
    description: 'Trials started from `from` to `to` (both included) by subject and tier.',
  })
  trialConversionRates(
    @CurrentCaller() caller: Caller,
    @DateArg('from') from: string,
    @DateArg('to') to: string,
  ) {
    return this.queries.conversion(caller, from, to);
  }

  @Mutation(() => TrialType, {
    description: 'A bundle or module on trial for the policy’s length.',
  })
  async startTrial(@CurrentCaller() caller: Caller, @Args('input') input: StartTrialInput) {
    return this.queries.byId(caller, await this.commands.start(caller, input));
  }

  @Mutation(() => TrialType, { description: 'Subscriptions of what the customer keeps.' })
  async convertTrial(@CurrentCaller() caller: Caller, @Args('input') input: ConvertTrialInput) {
    return this.queries.byId(caller, await this.commands.convert(caller, input));
  }

  @Mutation(() => TrialType, { description: 'The customer stops before the end.' })
  async endTrialEarly(@CurrentCaller() caller: Caller, @Args('input') input: TrialTargetInput) {
    return this.queries.byId(caller, await this.commands.endEarly(caller, input));
  }
}

/** What trials add to a group account; an account outside the caller's scope shows none. */
@Resolver(() => GroupAccountReference)
export class GroupAccountTrialsResolver {
  constructor(private readonly queries: TrialQueriesService) {}

  @ResolveField(() => [TrialType], { description: 'Trials, newest first (100 at most).' })
  trials(@CurrentCaller() caller: Caller, @Parent() account: GroupAccountReference) {
    return this.queries.ofAccount(caller, account.id);
  }
}
