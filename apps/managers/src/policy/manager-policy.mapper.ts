import {
  DEFAULT_HANDOVER_POLICY,
  DEFAULT_REBALANCE_BALANCE,
  TIERS,
  type Grade,
  type HandoverPolicy,
  type ManagerPolicy,
  type Tier,
} from '@gap/managers/domain';
import { ManagerPolicyErrors } from './manager-policy.errors.js';
import type { StoredManagerPolicy } from './manager-policy.service.js';
import type {
  CreateManagerPolicyInput,
  HandoverPolicyInput,
  ManagerPolicyType,
} from './manager-policy.types.js';

export function toType({
  policy,
  isCurrent,
  createdBy,
  createdAt,
}: StoredManagerPolicy): ManagerPolicyType {
  return {
    version: policy.version,
    isCurrent,
    createdBy,
    createdAt,
    maxLoadRatio: policy.maxLoadRatio,
    costs: { ...policy.costs },
    tiers: TIERS.map((tier) => ({
      tier,
      grades: [...policy.eligibleGrades[tier]],
      fittingGrade: policy.fittingGrade[tier],
      points: policy.points[tier],
    })),
    handover: {
      minShadowDays: { ...policy.handover.minShadowDays },
      waivedBy: [...policy.handover.waivedBy],
      supervisorTakesAccounts: policy.handover.supervisorFallback.takesAccounts,
      supervisorExtraPoints: policy.handover.supervisorFallback.extraPoints,
    },
    rebalance: { ...policy.rebalance },
  };
}

function toHandoverPolicy(input: HandoverPolicyInput | null | undefined): HandoverPolicy {
  if (!input) return DEFAULT_HANDOVER_POLICY;
  return {
    minShadowDays: { A: input.minShadowDays.A, B: input.minShadowDays.B, C: input.minShadowDays.C },
    waivedBy: [...new Set(input.waivedBy)],
    supervisorFallback: {
      takesAccounts: input.supervisorTakesAccounts,
      extraPoints: input.supervisorExtraPoints,
    },
  };
}

/** The input's per-tier list as a policy, refusing a tier missing or given twice. */
export function toPolicy(input: CreateManagerPolicyInput): ManagerPolicy {
  const byTier = new Map(input.tiers.map((t) => [t.tier, t]));
  const missing = TIERS.filter((tier) => !byTier.has(tier));
  if (missing.length > 0 || byTier.size !== input.tiers.length) {
    throw ManagerPolicyErrors.tiersIncomplete();
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
    handover: toHandoverPolicy(input.handover),
    rebalance: input.rebalance
      ? {
          minLoadShare: input.rebalance.minLoadShare,
          maxCostPerPoint: input.rebalance.maxCostPerPoint,
        }
      : DEFAULT_REBALANCE_BALANCE,
  };
}
