import type { FieldViolation } from '@gap/errors';
import {
  normaliseText,
  textProblem,
  textProblemMessage,
  uuidProblem,
  type TextRule,
} from '@gap/validation';
import { RequestErrors } from './request.errors.js';

const TEXT_ZH: Readonly<Record<string, string>> = {
  EMPTY: '不能为空',
  INVISIBLE_ONLY: '只有不可见字符',
  BIDI_CONTROL: '含有双向控制字符',
  LONE_SURROGATE: '含有不完整的字符',
  CONTROL_CHARACTER: '含有控制字符',
  TOO_LONG: '过长',
};

/**
 * The shared text rules, applied by the service whatever the edge (GraphQL and REST check the
 * same before, a consumer or a script does not): the text normalised, or a violation naming it.
 */
export function checkText(
  field: string,
  value: string,
  rule: TextRule,
  problems: FieldViolation[],
): string {
  const text = normaliseText(value);
  const problem = textProblem(text, rule);
  if (problem) {
    const zh = `${field} ${TEXT_ZH[problem] ?? problem}${problem === 'TOO_LONG' ? `（最多 ${rule.maxLength} 个字符）` : ''}。`;
    problems.push(
      RequestErrors.field(field, problem, zh, textProblemMessage(field, problem, rule)),
    );
  }
  return text;
}

export function checkUuid(field: string, value: string, problems: FieldViolation[]): void {
  if (uuidProblem(value)) {
    problems.push(
      RequestErrors.field(field, 'NOT_A_UUID', `${field} 不是 UUID。`, `${field} is not a UUID.`),
    );
  }
}

export function checkOneOf(
  field: string,
  value: string,
  allowed: readonly string[],
  problems: FieldViolation[],
): void {
  if (!allowed.includes(value)) {
    const list = allowed.join(', ');
    problems.push(
      RequestErrors.field(
        field,
        'NOT_ALLOWED',
        `${field} 须为 ${list} 之一。`,
        `${field} must be one of ${list}.`,
      ),
    );
  }
}
