import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PARTNER_SCOPES } from '@gap/partners/domain';

/** GraphQL enum names cannot hold `:`; `LEADS_WRITE` stands for `leads:write`. */
export const PartnerScopeEnum = Object.fromEntries(
  PARTNER_SCOPES.map((scope) => [scope.replace(':', '_').toUpperCase(), scope]),
);
registerEnumType(PartnerScopeEnum, {
  name: 'PartnerScope',
  description:
    'What a partner client’s tokens may do: leads:write, leads:read, webhooks:manage, customers:read.',
});

@ObjectType('PartnerClient', {
  description: 'An OAuth client (client credentials) a partner’s system gets its tokens with.',
})
export class PartnerClientNode {
  @Field(() => ID, { description: 'The client_id the partner’s system sends.' })
  clientId!: string;
  @Field(() => ID) partnerId!: string;
  @Field() name!: string;
  @Field(() => [PartnerScopeEnum]) scopes!: string[];
  @Field({ description: 'ACTIVE, or REVOKED (for good).' }) status!: string;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) rotatedAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'Until when the secret replaced by the last rotation still works.',
  })
  previousValidUntil!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('IssuedPartnerClient', {
  description: 'A client with its secret: shown this once, never again; store it now.',
})
export class IssuedPartnerClientNode {
  @Field(() => PartnerClientNode) client!: PartnerClientNode;
  @Field() clientSecret!: string;
}
