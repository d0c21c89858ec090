/** Bounds of the numbers clients send: one place, so every service refuses the same way. */

export type NumberProblem = 'NOT_A_NUMBER' | 'TOO_SMALL' | 'TOO_LARGE';

export interface NumberRule {
  readonly min: number;
  readonly max: number;
  /** Whole numbers only (counts, points, years). */
  readonly integer?: boolean;
}

export function numberProblem(value: unknown, rule: NumberRule): NumberProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'NOT_A_NUMBER';
  if (rule.integer && !Number.isInteger(value)) return 'NOT_A_NUMBER';
  if (value < rule.min) return 'TOO_SMALL';
  if (value > rule.max) return 'TOO_LARGE';
  return null;
}

export function numberProblemMessage(
  field: string,
  problem: NumberProblem,
  rule: NumberRule,
): string {
  switch (problem) {
    case 'NOT_A_NUMBER':
      return `${field} is not ${rule.integer ? 'a whole number' : 'a number'}.`;
    case 'TOO_SMALL':
      return `${field} is below ${rule.min}.`;
    case 'TOO_LARGE':
      return `${field} is above ${rule.max}.`;
  }
}
