// The tier enum and the account reference are shared by every feature of the graph: they sit
// above the feature folders, so that no feature imports another for them.
import { Directive, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TIERS, type Tier } from '@gap/tiering/domain';

export const TierEnum = Object.fromEntries(TIERS.map((tier) => [tier, tier])) as Record<Tier, Tier>;
registerEnumType(TierEnum, {
  name: 'Tier',
  description: 'A/B/C: a Pareto cut over customer value (A holds most of the value).',
});

/** The group account as the tiering service knows it: by reference, owned by accounts. */
@ObjectType('GroupAccount')
@Directive('@key(fields: "id")')
export class GroupAccountReference {
  @Field(() => ID) id!: string;
}
