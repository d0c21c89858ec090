import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { PageArgs, UuidArg, type Connection } from '@gap/graphql';
import {
  ChangePartnerStatusInput,
  PartnerFilterInput,
  RegisterPartnerInput,
  UpdatePartnerInput,
} from './dto/partner.input.js';
import { PartnerCommandsService } from './partner-commands.service.js';
import type { PartnerRecord } from './partner.model.js';
import { PartnerQueriesService } from './partner-queries.service.js';
import { PartnerConnection, PartnerNode } from './partner.types.js';

/** Partner organisations over the graph: thin, each field one service call. */
@Resolver(() => PartnerNode)
export class PartnerResolver {
  constructor(
    private readonly queries: PartnerQueriesService,
    private readonly commands: PartnerCommandsService,
  ) {}

  @Query(() => PartnerConnection, {
    description: 'Partner organisations by name, a page at a time.',
  })
  partners(
    @CurrentCaller() caller: Caller,
    @Args() page: PageArgs,
    @Args('filter', { type: () => PartnerFilterInput, nullable: true }) filter?: PartnerFilterInput,
  ): Promise<Connection<PartnerRecord>> {
    return this.queries.list(caller, filter ?? {}, page);
  }

  @Query(() => PartnerNode, { description: 'One partner organisation.' })
  partner(@CurrentCaller() caller: Caller, @UuidArg('id') id: string) {
    return this.queries.byId(caller, id);
  }

  @Mutation(() => PartnerNode, { description: 'Registers a partner organisation, active.' })
  registerPartner(@CurrentCaller() caller: Caller, @Args('input') input: RegisterPartnerInput) {
    return this.commands.register(caller, input);
  }

  @Mutation(() => PartnerNode, {
    description: 'Replaces a partner’s describing fields, at the version given.',
  })
  updatePartner(@CurrentCaller() caller: Caller, @Args('input') input: UpdatePartnerInput) {
    return this.commands.update(caller, input);
  }

  @Mutation(() => PartnerNode, {
    description: 'Suspends, reinstates or ends a partner, with the reason, at the version given.',
  })
  changePartnerStatus(
    @CurrentCaller() caller: Caller,
    @Args('input') input: ChangePartnerStatusInput,
  ) {
    return this.commands.changeStatus(caller, input);
  }
}
