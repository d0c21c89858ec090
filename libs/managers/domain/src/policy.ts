import { violation, type FieldViolation } from '@gap/errors';
import { GRADES, TIERS, type Grade, type Tier } from './manager.js';
import {
  checkRebalancePolicy,
  DEFAULT_REBALANCE_BALANCE,
  type RebalanceBalance,
} from './rebalance/balance-policy.js';

/**
 * Who may own what, and what a poor fit costs: versioned, edited by admins, named by every
 * assignment and rebalance that used it. Costs are whole numbers so that plans add up exactly.
 */
export interface ManagerPolicy {
  readonly version: string;
  /** Grades that may own an account of each tier. */
  readonly eligibleGrades: Readonly<Record<Tier, readonly Grade[]>>;
  /** The grade that fits a tier best; each grade step away from it costs `costs.gradeStep`. */
  readonly fittingGrade: Readonly<Record<Tier, Grade>>;
  /** Points an account of each tier weighs in a manager's load. */
  readonly points: Readonly<Record<Tier, number>>;
  /** The most a manager carries, as a share of their capacity (1 = their capacity). */
  readonly maxLoadRatio: number;
  readonly costs: {
    /** The account's district is outside the manager's regions but in one of their provinces. */
    readonly regionSameProvince: number;
    /** The account lies in a province the manager does not cover at all. */
    readonly regionOutside: number;
    /** The manager lists industries and the account's is not among them. */
    readonly industryOutside: number;
    /** The manager lists no industries (a generalist). */
    readonly industryGeneralist: number;
    /** Per grade step between the manager's grade and the tier's fitting grade. */
    readonly gradeStep: number;
    /** Moving an account away from its current manager (a handover is work for everyone). */
    readonly move: number;
    /** Automatic assignment only: weight of the manager's load share after taking the account. */
    readonly load: number;
  };
  /** How handovers (交接) run: see {@link HandoverPolicy}. */
  readonly handover: HandoverPolicy;
  /** How evenly a rebalance spreads the load: see {@link RebalanceBalance}. */
  readonly rebalance: RebalanceBalance;
}

/** Who, besides an admin acting alone, may waive a handover's checklist item. */
export const WAIVERS = ['OUTGOING_MANAGER', 'SUPERVISOR', 'ADMIN'] as const;
export type Waiver = (typeof WAIVERS)[number];

/**
 * The handover's business choices, edited by admins like the rest of the policy.
 * - `minShadowDays`: the least whole days a handover shadows before it may complete, per tier
 *   (the relationship is the account's value: the more valuable, the longer both managers
 *   serve it together);
 * - `waivedBy`: who may waive a checklist item; the incoming manager never alone, since the
 *   checklist protects them and the customer;
 * - `supervisorFallback`: whether a leaver's supervisor becomes primary of what nobody took by
 *   the last day, and how many points beyond their own maximum load they may carry for it.
 */
export interface HandoverPolicy {
  readonly minShadowDays: Readonly<Record<Tier, number>>;
  readonly waivedBy: readonly Waiver[];
  readonly supervisorFallback: {
    readonly takesAccounts: boolean;
    readonly extraPoints: number;
  };
}

export const DEFAULT_HANDOVER_POLICY: HandoverPolicy = {
  minShadowDays: { A: 14, B: 7, C: 3 },
  waivedBy: ['SUPERVISOR', 'ADMIN'],
  supervisorFallback: { takesAccounts: true, extraPoints: 0 },
};

/** The first policy, as migration 1763900000300 installed it (before the handover rules). */
export const MANAGER_POLICY_M1: Omit<ManagerPolicy, 'handover' | 'rebalance'> = {
  version: 'm1',
  eligibleGrades: {
    A: ['KEY_ACCOUNT'],
    B: ['KEY_ACCOUNT', 'SENIOR'],
    C: ['KEY_ACCOUNT', 'SENIOR', 'STANDARD', 'CHANNEL'],
  },
  fittingGrade: { A: 'KEY_ACCOUNT', B: 'SENIOR', C: 'STANDARD' },
  points: { A: 10, B: 4, C: 1 },
  maxLoadRatio: 1,
  costs: {
    regionSameProvince: 20,
    regionOutside: 60,
    industryOutside: 10,
    industryGeneralist: 5,
    gradeStep: 4,
    move: 15,
    load: 20,
  },
};

/**
 * The policy a fresh install runs under: the first one with the handover rules (migration
 * 1763900000400) and the rebalance's load-share band (1763900000600) added.
 */
export const DEFAULT_MANAGER_POLICY: ManagerPolicy = {
  ...MANAGER_POLICY_M1,
  version: 'm3',
  handover: DEFAULT_HANDOVER_POLICY,
  rebalance: DEFAULT_REBALANCE_BALANCE,
};

/**
 * A stored document as a whole policy: versions written before a section existed read with
 * that section's defaults, so they can still be listed and explained.
 */
export function withPolicyDefaults(
  document: Omit<ManagerPolicy, 'handover' | 'rebalance'> & {
    readonly handover?: HandoverPolicy;
    readonly rebalance?: RebalanceBalance;
  },
): ManagerPolicy {
  return {
    ...document,
    handover: document.handover ?? DEFAULT_HANDOVER_POLICY,
    rebalance: document.rebalance ?? DEFAULT_REBALANCE_BALANCE,
  };
}

const VERSION = /^[A-Za-z0-9._-]{1,40}$/;

/** Every rule on a policy, each broken one named; `prefix` is where it sits in the request. */
export function checkManagerPolicy(policy: ManagerPolicy, prefix = 'input'): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fail = (field: string, reason: string, message: string) =>
    violations.push({ field: `${prefix}.${field}`, reason, message });
  const wholeNumber = (field: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      fail(
        field,
        'OUT_OF_RANGE',
        `${field} is a whole number from ${min} to ${max}; it is ${value}.`,
      );
    }
  };
  if (!VERSION.test(policy.version)) {
    fail(
      'version',
      'VERSION_INVALID',
      'A version is 1 to 40 letters, digits, dots, dashes or underscores.',
    );
  }
  for (const tier of TIERS) {
    const grades = policy.eligibleGrades[tier] ?? [];
    if (grades.length === 0) {
      fail(
        `eligibleGrades.${tier}`,
        'NO_GRADE',
        `At least one grade must be able to own tier ${tier}.`,
      );
    }
    for (const grade of grades) {
      if (!GRADES.includes(grade)) {
        fail(`eligibleGrades.${tier}`, 'GRADE_UNKNOWN', `${String(grade)} is not a grade.`);
      }
    }
    if (!grades.includes(policy.fittingGrade[tier])) {
      fail(
        `fittingGrade.${tier}`,
        'NOT_ELIGIBLE',
        `The fitting grade of tier ${tier} must be one of the grades that may own it.`,
      );
    }
    wholeNumber(`points.${tier}`, policy.points[tier], 1, 1000);
  }
  if (!(policy.points.A >= policy.points.B && policy.points.B >= policy.points.C)) {
    fail('points', 'NOT_DESCENDING', 'An A account weighs at least a B, and a B at least a C.');
  }
  if (
    !Number.isFinite(policy.maxLoadRatio) ||
    policy.maxLoadRatio < 0.5 ||
    policy.maxLoadRatio > 2
  ) {
    fail('maxLoadRatio', 'OUT_OF_RANGE', 'maxLoadRatio lies between 0.5 and 2.');
  }
  for (const [name, value] of Object.entries(policy.costs)) {
    wholeNumber(`costs.${name}`, value, 0, 10_000);
  }
  if (policy.costs.regionSameProvince > policy.costs.regionOutside) {
    fail(
      'costs.regionSameProvince',
      'ABOVE_OUTSIDE',
      'A district in one of the manager’s provinces cannot cost more than one outside them.',
    );
  }
  violations.push(...checkHandoverPolicy(policy.handover, `${prefix}.handover`));
  violations.push(
    ...checkRebalancePolicy(policy.rebalance, policy.maxLoadRatio, `${prefix}.rebalance`),
  );
  return violations;
}

/** The rules on the handover section, each broken one named. */
export function checkHandoverPolicy(
  handover: HandoverPolicy | undefined,
  prefix: string,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const fail = (field: string, reason: string, zh: string, en: string) =>
    violations.push(violation(field ? `${prefix}.${field}` : prefix, reason, { 'zh-CN': zh, en }));
  if (!handover) {
    fail('', 'REQUIRED', '策略须包含交接规则。', 'The policy needs its handover rules.');
    return violations;
  }
  for (const tier of TIERS) {
    const days = handover.minShadowDays?.[tier];
    if (days === undefined || !Number.isInteger(days) || days < 0 || days > 90) {
      fail(
        `minShadowDays.${tier}`,
        'OUT_OF_RANGE',
        `${tier} 类客户的最短陪跑天数应为 0 到 90 的整数。`,
        `The minimum shadow period of tier ${tier} is a whole number of days from 0 to 90.`,
      );
    }
  }
  const days = handover.minShadowDays;
  if (days && !(days.A >= days.B && days.B >= days.C)) {
    fail(
      'minShadowDays',
      'NOT_DESCENDING',
      'A 类客户的陪跑期不短于 B 类，B 类不短于 C 类。',
      'An A account shadows at least as long as a B, and a B at least as long as a C.',
    );
  }
  const waivers = handover.waivedBy ?? [];
  if (waivers.length === 0) {
    fail(
      'waivedBy',
      'REQUIRED',
      '须指定至少一个可豁免清单项的角色。',
      'Name at least one who may waive an item.',
    );
  }
  for (const who of waivers) {
    if (!(WAIVERS as readonly string[]).includes(who)) {
      fail(
        'waivedBy',
        'WAIVER_UNKNOWN',
        `${String(who)} 不能豁免清单项（可选：${WAIVERS.join('、')}；接手经理不能独自豁免）。`,
        `${String(who)} may not waive items (one of ${WAIVERS.join(', ')}; never the incoming manager alone).`,
      );
    }
  }
  const extra = handover.supervisorFallback?.extraPoints;
  if (extra === undefined || !Number.isInteger(extra) || extra < 0 || extra > 100_000) {
    fail(
      'supervisorFallback.extraPoints',
      'OUT_OF_RANGE',
      '主管兜底可超出的点数应为 0 到 100000 的整数。',
      'The points a supervisor may carry beyond their maximum is a whole number from 0 to 100000.',
    );
  }
  if (typeof handover.supervisorFallback?.takesAccounts !== 'boolean') {
    fail(
      'supervisorFallback.takesAccounts',
      'REQUIRED',
      '须说明主管是否接手离职经理的客户。',
      'Say whether supervisors take a leaver’s accounts.',
    );
  }
  return violations;
}
