import { DEFAULT_BUNDLES_POLICY, type ApproverLevel, type BundlesPolicy } from './policy.js';

/**
 * The approvers a discount `depthBp` beyond policy needs, in the order they act: every step of
 * the policy's chain whose threshold the depth exceeds. Defaults: none at 0; SUPERVISOR up to
 * 10 percentage points; then REGIONAL_DIRECTOR up to 20; then HEADQUARTERS.
 */
export function approvalChain(
  depthBp: number,
  policy: BundlesPolicy = DEFAULT_BUNDLES_POLICY,
): ApproverLevel[] {
  return policy.approvalChain.filter((step) => depthBp > step.aboveBp).map((step) => step.level);
}

/** Whether a chain of steps is usable: thresholds whole, non-negative and not decreasing. */
export function approvalChainProblems(policy: BundlesPolicy): string[] {
  const problems: string[] = [];
  let previous = -1;
  const seen = new Set<ApproverLevel>();
  policy.approvalChain.forEach((step, i) => {
    if (!Number.isSafeInteger(step.aboveBp) || step.aboveBp < 0) {
      problems.push(`approvalChain[${i}].aboveBp is a whole number ≥ 0`);
    } else if (step.aboveBp < previous) {
      problems.push(`approvalChain[${i}].aboveBp is not below the previous step's`);
    }
    if (seen.has(step.level)) problems.push(`approvalChain[${i}].level appears twice`);
    seen.add(step.level);
    previous = step.aboveBp;
  });
  return problems;
}
