import { registerEnumType } from '@nestjs/graphql';
import { GRADES, TIERS } from '@gap/managers/domain';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

/*
 * Tiers and grades are the policy's vocabulary (which grade may own which tier), so their
 * GraphQL enums live with it; the manager directory and the assignment features use them.
 */
export const TierEnum = enumOf(TIERS);
registerEnumType(TierEnum, {
  name: 'Tier',
  description: 'A/B/C: a Pareto cut over customer value (A holds most of the value).',
});
export const GradeEnum = enumOf(GRADES);
registerEnumType(GradeEnum, {
  name: 'ManagerGrade',
  description: 'KEY_ACCOUNT, SENIOR, STANDARD or CHANNEL (phone and channel managers).',
});
