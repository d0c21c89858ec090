import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { PageArgs } from '@gap/graphql';
import { DealService } from './deal.service.js';
import {
  DealRegistrationConnection,
  DealRegistrationFilterInput,
  DealRegistrationType,
} from './deal.types.js';

/** Partners' deal registrations for the operator's people. */
@Resolver(() => DealRegistrationType)
export class DealResolver {
  constructor(private readonly deals: DealService) {}

  @Query(() => DealRegistrationConnection, {
    description: 'Deal registrations within reach, newest first.',
  })
  dealRegistrations(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
    @Args('filter', { type: () => DealRegistrationFilterInput, nullable: true })
    filter?: DealRegistrationFilterInput,
  ) {
    return this.deals.staffList(caller, filter ?? {}, page);
  }
}
