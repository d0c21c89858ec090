import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import type { Priority } from '@gap/coordination/domain';
import { PageArgs, UuidArg, type Connection } from '@gap/graphql';
import {
  CallbackInput,
  CompleteTaskInput,
  DeclineTaskInput,
  ReasonInput,
  RequestFilterInput,
  SubmitRequestInput,
  TargetInput,
  TaskInput,
  TriageInput,
} from './dto/request.input.js';
import { RequestCommandsService } from './request-commands.service.js';
import { RequestQueriesService } from './request-queries.service.js';
import { AuditEntryType, RequestConnection, RequestType } from './request.types.js';
import type { RequestView } from './request.view.js';
import { SubmitRequestService } from './submit-request.service.js';

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** Coordination requests over the graph: thin, each field one service call. */
@Resolver(() => RequestType)
export class RequestResolver {
  constructor(
    private readonly queries: RequestQueriesService,
    private readonly commands: RequestCommandsService,
    private readonly submitting: SubmitRequestService,
  ) {}

  @Query(() => RequestType, { description: 'One request, if the caller may see it.' })
  coordinationRequest(@CurrentCaller() caller: Caller, @UuidArg('id') id: string) {
    return this.queries.byId(caller, id);
  }

  @Query(() => RequestConnection, {
    description: 'The requests the caller sees, a page at a time.',
  })
  coordinationRequests(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
    @Args('filter', { type: () => RequestFilterInput, nullable: true }) filter?: RequestFilterInput,
  ): Promise<Connection<RequestView>> {
    return this.queries.list(caller, filter ?? {}, page);
  }

  @Query(() => [AuditEntryType], { description: "A request's audit trail, oldest first." })
  async coordinationRequestAudit(@CurrentCaller() caller: Caller, @UuidArg('id') id: string) {
    return (await this.queries.audit(caller, id)).map((row) => ({
      ...row,
      before: json(row.before),
      after: json(row.after),
    }));
  }

  @Mutation(() => RequestType)
  async submitCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: SubmitRequestInput,
  ) {
    return this.queries.byId(caller, await this.submitting.submit(caller, input));
  }

  @Mutation(() => RequestType, { description: 'Routes it: a lead department and participants.' })
  async triageCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: TriageInput,
  ) {
    const priority = (input.priority ?? null) as Priority | null;
    return this.commands.triage(caller, { ...input, priority });
  }

  @Mutation(() => RequestType)
  async rejectCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ReasonInput,
  ) {
    return this.commands.reject(caller, input);
  }

  @Mutation(() => RequestType)
  async cancelCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ReasonInput,
  ) {
    return this.commands.cancel(caller, input);
  }

  @Mutation(() => RequestType)
  async acceptCoordinationTask(@CurrentCaller() caller: Caller, @Args('input') input: TaskInput) {
    return this.commands.acceptTask(caller, input);
  }

  @Mutation(() => RequestType)
  async completeCoordinationTask(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CompleteTaskInput,
  ) {
    return this.commands.completeTask(caller, input);
  }

  @Mutation(() => RequestType)
  async declineCoordinationTask(
    @CurrentCaller() caller: Caller,
    @Args('input') input: DeclineTaskInput,
  ) {
    return this.commands.declineTask(caller, input);
  }

  @Mutation(() => RequestType, { description: 'The clock pauses until the customer answers.' })
  async waitForCustomer(@CurrentCaller() caller: Caller, @Args('input') input: TargetInput) {
    return this.commands.waitForCustomer(caller, input);
  }

  @Mutation(() => RequestType, { description: 'The customer answered: the clock runs on.' })
  async customerResponded(@CurrentCaller() caller: Caller, @Args('input') input: TargetInput) {
    return this.commands.customerResponded(caller, input);
  }

  @Mutation(() => RequestType)
  async resolveCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: TargetInput,
  ) {
    return this.commands.resolve(caller, input);
  }

  @Mutation(() => RequestType)
  async confirmCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: TargetInput,
  ) {
    return this.commands.confirm(caller, input);
  }

  @Mutation(() => RequestType, {
    description: "A complaint's callback; a dissatisfied one reopens it.",
  })
  async recordComplaintCallback(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CallbackInput,
  ) {
    const { id, version, ...callback } = input;
    return this.commands.recordCallback(caller, { id, version, callback });
  }

  @Mutation(() => RequestType)
  async closeCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: TargetInput,
  ) {
    return this.commands.close(caller, input);
  }

  @Mutation(() => RequestType, { description: 'Within the reopen window of the SLA policy.' })
  async reopenCoordinationRequest(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ReasonInput,
  ) {
    return this.commands.reopen(caller, input);
  }
}
