import { UuidRule } from '@gap/graphql';
import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { EscalationService } from './escalation.service.js';
import { RequestEscalationType } from './escalation.types.js';

@ArgsType()
class RequestEscalationsArgs {
  @Field(() => ID) @UuidRule() requestId!: string;
}

@Resolver(() => RequestEscalationType)
export class EscalationResolver {
  constructor(private readonly escalations: EscalationService) {}

  @Query(() => [RequestEscalationType], {
    description: 'The escalation steps a request has fired, oldest first.',
  })
  requestEscalations(
    @CurrentCaller() caller: Caller,
    @Args() { requestId }: RequestEscalationsArgs,
  ): Promise<RequestEscalationType[]> {
    return this.escalations.list(caller, requestId);
  }
}
