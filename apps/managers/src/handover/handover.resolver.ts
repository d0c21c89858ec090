import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { EmployeeNumberArg, PageSizeArg, UuidArg } from '@gap/graphql';
import { CancelHandoverService } from './cancel-handover.service.js';
import { CompleteHandoverService } from './complete-handover.service.js';
import { HandoverQueryService } from './handover-query.service.js';
import { HandoverService } from './handover.service.js';
import {
  CancelHandoverInput,
  HandoverType,
  OffboardingType,
  OffboardManagerInput,
  PlanHandoverInput,
  ResolveChecklistItemInput,
} from './handover.types.js';
import { OffboardingService } from './offboarding.service.js';
import { ResolveChecklistItemService } from './resolve-checklist-item.service.js';
import { StartHandoverService } from './start-handover.service.js';

@Resolver(() => HandoverType)
export class HandoverResolver {
  constructor(
    private readonly planning: HandoverService,
    private readonly starting: StartHandoverService,
    private readonly checklist: ResolveChecklistItemService,
    private readonly completion: CompleteHandoverService,
    private readonly cancellation: CancelHandoverService,
    private readonly offboarding: OffboardingService,
    private readonly queries: HandoverQueryService,
  ) {}

  @Mutation(() => HandoverType, {
    description:
      'Plans the handover of an account to another manager (supervisors within their team, admins), reserving their capacity and drawing up its checklist.',
  })
  planHandover(
    @CurrentCaller() caller: Caller,
    @Args('input') input: PlanHandoverInput,
  ): Promise<HandoverType> {
    return this.planning.plan(caller, input);
  }

  @Mutation(() => HandoverType, {
    description: 'Starts shadowing: both managers see the account; the outgoing one stays primary.',
  })
  startHandover(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<HandoverType> {
    return this.starting.start(caller, id);
  }

  @Mutation(() => HandoverType, {
    description:
      'Marks a checklist item done (with the channel, for telling the customer) or waives it with a reason (whom the policy names; never the incoming manager alone).',
  })
  resolveChecklistItem(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ResolveChecklistItemInput,
  ): Promise<HandoverType> {
    return this.checklist.resolve(caller, input);
  }

  @Mutation(() => HandoverType, {
    description:
      'Completes a shadowing handover: the incoming manager becomes primary in one step. Refused while a checklist item is open, before the policy’s shadow period of the tier is over, or when the incoming manager is no longer active or their grade no longer fits the tier.',
  })
  completeHandover(
    @CurrentCaller() caller: Caller,
    @UuidArg('id') id: string,
  ): Promise<HandoverType> {
    return this.completion.complete(caller, id);
  }

  @Mutation(() => HandoverType, { description: 'Cancels an open handover, with a reason.' })
  cancelHandover(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CancelHandoverInput,
  ): Promise<HandoverType> {
    return this.cancellation.cancel(caller, input);
  }

  @Mutation(() => OffboardingType, {
    description:
      'A manager leaves (their supervisor, within their own team, or an admin): plans handovers of all their accounts to managers with room, due on their last day, and lists what could not be placed.',
  })
  offboardAccountManager(
    @CurrentCaller() caller: Caller,
    @Args('input') input: OffboardManagerInput,
  ): Promise<OffboardingType> {
    return this.offboarding.offboard(caller, input);
  }

  @Query(() => HandoverType)
  handover(@CurrentCaller() caller: Caller, @UuidArg('id') id: string): Promise<HandoverType> {
    return this.queries.byId(caller, id);
  }

  @Query(() => [HandoverType], { description: 'Handovers the caller may see, newest first.' })
  handovers(
    @CurrentCaller() caller: Caller,
    @EmployeeNumberArg('managerId', { nullable: true, description: 'From or to this manager.' })
    managerId?: string | null,
    @Args('openOnly', { type: () => Boolean, defaultValue: true }) openOnly = true,
    @PageSizeArg('first', 50, { what: 'handovers' }) first = 50,
  ): Promise<HandoverType[]> {
    return this.queries.list(caller, { managerId, openOnly, first });
  }
}
