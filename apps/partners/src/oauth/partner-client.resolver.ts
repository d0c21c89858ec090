import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { TextArg, UuidArg } from '@gap/graphql';
import { IssuePartnerClientInput } from './dto/partner-client.input.js';
import { PartnerClientService } from './partner-client.service.js';
import { IssuedPartnerClientNode, PartnerClientNode } from './partner-client.types.js';

const CLIENT_ID = { maxLength: 40 };

/** Partners' OAuth clients over the graph, for admins: thin, each field one service call. */
@Resolver(() => PartnerClientNode)
export class PartnerClientResolver {
  constructor(private readonly clients: PartnerClientService) {}

  @Query(() => [PartnerClientNode], { description: 'A partner’s OAuth clients, oldest first.' })
  partnerClients(@CurrentCaller() caller: Caller, @UuidArg('partnerId') partnerId: string) {
    return this.clients.list(caller, partnerId);
  }

  @Mutation(() => IssuedPartnerClientNode, {
    description: 'Issues a client to a partner; its secret is in the answer, and only there.',
  })
  issuePartnerClient(
    @CurrentCaller() caller: Caller,
    @Args('input') input: IssuePartnerClientInput,
  ) {
    return this.clients.issue(caller, input);
  }

  @Mutation(() => IssuedPartnerClientNode, {
    description:
      'A new secret for a client, shown once; the old one keeps working for the overlap window.',
  })
  rotatePartnerClientSecret(
    @CurrentCaller() caller: Caller,
    @TextArg('clientId', CLIENT_ID) clientId: string,
  ) {
    return this.clients.rotate(caller, clientId);
  }

  @Mutation(() => PartnerClientNode, {
    description: 'Revokes a client at once: no new tokens, and its tokens stop working.',
  })
  revokePartnerClient(
    @CurrentCaller() caller: Caller,
    @TextArg('clientId', CLIENT_ID) clientId: string,
  ) {
    return this.clients.revoke(caller, clientId);
  }
}
