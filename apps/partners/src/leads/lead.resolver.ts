import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { PageArgs, UuidArg, type Connection } from '@gap/graphql';
import {
  AssignLeadInput,
  ConvertLeadInput,
  DecideConflictInput,
  LeadFilterInput,
  LoseLeadInput,
  RecordLeadContactInput,
  ReviewDuplicateInput,
} from './dto/lead.input.js';
import { LeadCommandsService } from './lead-commands.service.js';
import type { LeadRecord } from './lead.model.js';
import { LeadQueriesService } from './lead-queries.service.js';
import { LeadConnection, LeadType, toLeadType } from './lead.types.js';

const connectionOf = (page: Connection<LeadRecord>): Connection<LeadType> => ({
  edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toLeadType(edge.node) })),
  pageInfo: page.pageInfo,
});

/** Partners' leads for the operator's people: thin, each field one service call. */
@Resolver(() => LeadType)
export class LeadResolver {
  constructor(
    private readonly queries: LeadQueriesService,
    private readonly commands: LeadCommandsService,
  ) {}

  @Query(() => LeadConnection, { description: 'Partners’ leads within reach, newest first.' })
  async leads(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
    @Args('filter', { type: () => LeadFilterInput, nullable: true }) filter?: LeadFilterInput,
  ) {
    return connectionOf(await this.queries.list(caller, filter ?? {}, page));
  }

  @Query(() => LeadType, { description: 'One lead, if within reach.' })
  async lead(@CurrentCaller() caller: Caller, @UuidArg('id') id: string) {
    return toLeadType(await this.queries.byId(caller, id));
  }

  @Query(() => LeadConnection, { description: 'One partner’s leads within reach, newest first.' })
  async partnerLeads(
    @CurrentCaller() caller: Caller,
    @UuidArg('partnerId') partnerId: string,
    @Args() page: PageArgs,
  ) {
    return connectionOf(await this.queries.ofPartner(caller, partnerId, page));
  }

  @Query(() => LeadConnection, {
    description: 'Leads in channel conflict waiting for a decision, newest first.',
  })
  async leadConflicts(@CurrentCaller() caller: Caller, @Args() page: PageArgs) {
    return connectionOf(await this.queries.conflicts(caller, page));
  }

  @Query(() => LeadConnection, {
    description: 'Possible duplicates waiting for the coordination team, oldest first.',
  })
  async leadsReviewQueue(@CurrentCaller() caller: Caller, @Args() page: PageArgs) {
    return connectionOf(await this.queries.reviewQueue(caller, page));
  }

  @Mutation(() => LeadType, {
    description: 'Confirms a possible duplicate (as one candidate) or overrules it.',
  })
  async reviewDuplicate(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ReviewDuplicateInput,
  ) {
    return toLeadType(await this.commands.reviewDuplicate(caller, input));
  }

  @Mutation(() => LeadType, {
    description: 'Decides a channel conflict: lost to its winner, or routed to a manager.',
  })
  async decideConflict(@CurrentCaller() caller: Caller, @Args('input') input: DecideConflictInput) {
    return toLeadType(await this.commands.decideConflict(caller, input));
  }

  @Mutation(() => LeadType, { description: 'Routes the lead to a manager.' })
  async assignLead(@CurrentCaller() caller: Caller, @Args('input') input: AssignLeadInput) {
    return toLeadType(await this.commands.assignLead(caller, input));
  }

  @Mutation(() => LeadType, { description: 'Records the manager’s first contact.' })
  async recordLeadContact(
    @CurrentCaller() caller: Caller,
    @Args('input') input: RecordLeadContactInput,
  ) {
    return toLeadType(await this.commands.recordLeadContact(caller, input));
  }

  @Mutation(() => LeadType, { description: 'The contacted lead became business.' })
  async convertLead(@CurrentCaller() caller: Caller, @Args('input') input: ConvertLeadInput) {
    return toLeadType(await this.commands.convertLead(caller, input));
  }

  @Mutation(() => LeadType, { description: 'The lead was lost, with the reason.' })
  async loseLead(@CurrentCaller() caller: Caller, @Args('input') input: LoseLeadInput) {
    return toLeadType(await this.commands.loseLead(caller, input));
  }
}
