import {
  ACCOUNT_TIERS,
  PRIORITIES,
  REQUEST_TYPES,
  type AccountTier,
  type EscalationLevel,
  type Priority,
  type RequestType,
  type SlaPolicy,
} from '@gap/coordination/domain';
import type { StoredPolicy } from '@gap/policy';
import { SlaPolicyErrors } from './sla-policy.errors.js';
import type { CreateSlaPolicyInput, SlaPolicyType } from './sla-policy.types.js';

export function toSlaPolicyType({
  policy,
  isCurrent,
  createdBy,
  createdAt,
}: StoredPolicy<SlaPolicy>): SlaPolicyType {
  return {
    version: policy.version,
    responseMinutes: ACCOUNT_TIERS.flatMap((tier) =>
      PRIORITIES.map((priority) => ({
        tier,
        priority,
        minutes: policy.responseMinutes[tier][priority],
      })),
    ),
    resolutionMinutes: REQUEST_TYPES.flatMap((type) =>
      PRIORITIES.map((priority) => ({
        type,
        priority,
        minutes: policy.resolutionMinutes[type][priority],
      })),
    ),
    resolutionTierFactor: ACCOUNT_TIERS.map((tier) => ({
      tier,
      factor: policy.resolutionTierFactor[tier],
    })),
    warningShare: policy.warningShare,
    escalation: policy.escalation.map((step) => ({ ...step })),
    reopenWindowDays: policy.reopenWindowDays,
    isCurrent,
    createdBy,
    createdAt,
  };
}

/**
 * A table from its cells; a cell left out reads as NaN so that `slaPolicyProblems` names it
 * (POLICY_TARGET_NOT_POSITIVE), a cell given twice is refused here.
 */
function table<R extends string, C extends string>(
  rows: readonly R[],
  columns: readonly C[],
  cells: readonly { row: string; column: string; value: number }[],
  field: string,
): Record<R, Record<C, number>> {
  const seen = new Set<string>();
  for (const cell of cells) {
    const key = `${cell.row}.${cell.column}`;
    if (seen.has(key)) throw SlaPolicyErrors.cellGivenTwice(`${field}.${key}`);
    seen.add(key);
  }
  const find = (row: R, column: C) =>
    cells.find((c) => c.row === row && c.column === column)?.value ?? Number.NaN;
  return Object.fromEntries(
    rows.map((row) => [row, Object.fromEntries(columns.map((c) => [c, find(row, c)]))]),
  ) as Record<R, Record<C, number>>;
}

export function toSlaPolicy(input: CreateSlaPolicyInput): SlaPolicy {
  const factors = table<'factor', AccountTier>(
    ['factor'],
    ACCOUNT_TIERS,
    input.resolutionTierFactor.map((f) => ({ row: 'factor', column: f.tier, value: f.factor })),
    'resolutionTierFactor',
  );
  return {
    version: input.version.trim(),
    responseMinutes: table<AccountTier, Priority>(
      ACCOUNT_TIERS,
      PRIORITIES,
      input.responseMinutes.map((t) => ({ row: t.tier, column: t.priority, value: t.minutes })),
      'responseMinutes',
    ),
    resolutionMinutes: table<RequestType, Priority>(
      REQUEST_TYPES,
      PRIORITIES,
      input.resolutionMinutes.map((t) => ({ row: t.type, column: t.priority, value: t.minutes })),
      'resolutionMinutes',
    ),
    resolutionTierFactor: factors.factor,
    warningShare: input.warningShare,
    escalation: input.escalation.map((step) => ({
      level: step.level as EscalationLevel,
      afterBreachMinutes: step.afterBreachMinutes,
    })),
    reopenWindowDays: input.reopenWindowDays,
  };
}
