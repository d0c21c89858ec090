import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { UuidArg } from '@gap/graphql';
import {
  ConfigurationInput,
  ProposalTargetInput,
  RejectProposalInput,
  ReviseProposalInput,
} from './dto/proposal.input.js';
import { DraftProposalService } from './draft-proposal.service.js';
import { ProposalCommandsService } from './proposal-commands.service.js';
import { ProposalQueriesService } from './proposal-queries.service.js';
import { ConfigurationCheckType, ProposalType } from './proposal.types.js';

/** Proposals over the graph: thin, each field one service call, then the proposal as it stands. */
@Resolver(() => ProposalType)
export class ProposalResolver {
  constructor(
    private readonly queries: ProposalQueriesService,
    private readonly commands: ProposalCommandsService,
    private readonly drafting: DraftProposalService,
  ) {}

  @Query(() => ProposalType, { description: 'One proposal, if the caller may see it.' })
  bundleProposal(@CurrentCaller() caller: Caller, @UuidArg('id') id: string) {
    return this.queries.byId(caller, id);
  }

  @Query(() => ConfigurationCheckType, {
    description: 'Checks a configuration (every violation at once) and prices it, keeping nothing.',
  })
  checkBundleConfiguration(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ConfigurationInput,
  ) {
    return this.queries.check(caller, input);
  }

  @Mutation(() => ProposalType, { description: 'A new draft for an account that qualifies.' })
  async draftBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ConfigurationInput,
  ) {
    return this.queries.byId(caller, await this.drafting.draft(caller, input));
  }

  @Mutation(() => ProposalType, { description: 'A new revision of a draft or rejected proposal.' })
  async reviseBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ReviseProposalInput,
  ) {
    return this.queries.byId(caller, await this.commands.revise(caller, input));
  }

  @Mutation(() => ProposalType, { description: 'For approval; approved at once within policy.' })
  async submitBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ProposalTargetInput,
  ) {
    return this.queries.byId(caller, await this.commands.submit(caller, input));
  }

  @Mutation(() => ProposalType, { description: 'The next approver of the chain approves.' })
  async approveBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ProposalTargetInput,
  ) {
    await this.commands.approve(caller, input);
    return this.queries.byId(caller, input.id);
  }

  @Mutation(() => ProposalType)
  async rejectBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RejectProposalInput,
  ) {
    await this.commands.reject(caller, input);
    return this.queries.byId(caller, input.id);
  }

  @Mutation(() => ProposalType, {
    description: 'Sent to the customer, valid for the policy’s days.',
  })
  async sendBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ProposalTargetInput,
  ) {
    return this.queries.byId(caller, await this.commands.send(caller, input));
  }

  @Mutation(() => ProposalType, { description: 'The customer accepted: subscriptions start.' })
  async acceptBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ProposalTargetInput,
  ) {
    return this.queries.byId(caller, await this.commands.accept(caller, input));
  }

  @Mutation(() => ProposalType)
  async declineBundleProposal(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ProposalTargetInput,
  ) {
    return this.queries.byId(caller, await this.commands.decline(caller, input));
  }
}
