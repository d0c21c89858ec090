import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { TIERS, type Grade, type ManagerPolicy, type Tier } from '@gap/managers/domain';
import { ManagerPolicyService, type StoredManagerPolicy } from './manager-policy.service.js';
import { CreateManagerPolicyInput, ManagerPolicyType } from './manager-policy.types.js';

function toType({ policy, ...stored }: StoredManagerPolicy): ManagerPolicyType {
  return {
    ...stored,
    version: policy.version,
    maxLoadRatio: policy.maxLoadRatio,
    costs: { ...policy.costs },
    tiers: TIERS.map((tier) => ({
      tier,
      grades: [...policy.eligibleGrades[tier]],
      fittingGrade: policy.fittingGrade[tier],
      points: policy.points[tier],
    })),
  };
}

/** The input's per-tier list as a policy, refusing a tier missing or given twice. */
function toPolicy(input: CreateManagerPolicyInput): ManagerPolicy {
  const byTier = new Map(input.tiers.map((t) => [t.tier, t]));
  const missing = TIERS.filter((tier) => !byTier.has(tier));
  if (missing.length > 0 || byTier.size !== input.tiers.length) {
    throw DomainError.invalidInput([
      {
        field: 'input.tiers',
        reason: 'TIERS_INCOMPLETE',
        message: 'Give each tier (A, B and C) exactly once.',
      },
    ]);
  }
  const of = <V>(pick: (t: CreateManagerPolicyInput['tiers'][number]) => V) =>
    Object.fromEntries(TIERS.map((tier) => [tier, pick(byTier.get(tier)!)])) as Record<Tier, V>;
  return {
    version: input.version,
    eligibleGrades: of((t) => t.grades as readonly Grade[]),
    fittingGrade: of((t) => t.fittingGrade),
    points: of((t) => t.points),
    maxLoadRatio: input.maxLoadRatio,
    costs: { ...input.costs },
  };
}

@Resolver(() => ManagerPolicyType)
export class ManagerPolicyResolver {
  constructor(private readonly policies: ManagerPolicyService) {}

  @Query(() => [ManagerPolicyType], { description: 'Manager policy versions, newest first.' })
  async managerPolicies(@CurrentCaller() caller: Caller): Promise<ManagerPolicyType[]> {
    return (await this.policies.list(caller)).map(toType);
  }

  @Mutation(() => ManagerPolicyType, {
    description: 'Adds a manager policy version (admins); versions are never edited.',
  })
  async createManagerPolicy(
    @CurrentCaller() caller: Caller,
    @Args('input') input: CreateManagerPolicyInput,
  ): Promise<ManagerPolicyType> {
    return toType(await this.policies.create(caller, toPolicy(input), input.makeCurrent));
  }
}
