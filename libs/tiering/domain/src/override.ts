import { addDays, isCalendarDate, type CalendarDate } from '@gap/calendar';
import { violation, type FieldViolation } from '@gap/errors';
import { isReasonLongEnough } from '@gap/i18n';

/** An override is a decision for a while, not a second tiering: at most two years ahead. */
export const OVERRIDE_MAX_DAYS = 731;
/**
 * The least a reason must say, by weight (@gap/i18n textWeight): six Latin letters or two
 * Chinese characters, so that 战略客户 ("strategic account") is accepted.
 */
export const OVERRIDE_REASON_MIN_LENGTH = 6;

/** Whether a reason for setting or ending an override says enough. */
export function isOverrideReasonLongEnough(text: string): boolean {
  return isReasonLongEnough(text, OVERRIDE_REASON_MIN_LENGTH);
}

/** The violation of a reason that says too little; `why` is what the reason is for. */
export function reasonTooShort(field: string, why: 'SET' | 'END'): FieldViolation {
  return violation(
    field,
    'REASON_REQUIRED',
    why === 'SET'
      ? {
          'zh-CN':
            '请说明调整客户等级的原因（至少两个汉字或六个字母）：原因会被审计，并展示给查询的人。',
          en: `Say why the tier is overridden, in at least ${OVERRIDE_REASON_MIN_LENGTH} characters (two in Chinese): it is audited and shown to whoever asks why.`,
        }
      : {
          'zh-CN': '请说明提前结束等级调整的原因（至少两个汉字或六个字母）。',
          en: `Say why the override ends early, in at least ${OVERRIDE_REASON_MIN_LENGTH} characters (two in Chinese).`,
        },
  );
}

export interface OverrideRequest {
  readonly reason: string;
  /** The last day the override holds (it ends the day after). */
  readonly validUntil: string;
}

/** Every rule on a requested override, each broken one named under `prefix`. */
export function checkOverride(
  request: OverrideRequest,
  today: CalendarDate,
  prefix = 'input',
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (!isOverrideReasonLongEnough(request.reason)) {
    violations.push(reasonTooShort(`${prefix}.reason`, 'SET'));
  }
  const field = `${prefix}.validUntil`;
  if (!isCalendarDate(request.validUntil)) {
    violations.push(
      violation(field, 'DATE_INVALID', {
        'zh-CN': `“${request.validUntil}”不是 YYYY-MM-DD 格式的日期。`,
        en: `'${request.validUntil}' is not a date of the form YYYY-MM-DD.`,
      }),
    );
  } else if (request.validUntil < today) {
    violations.push(
      violation(field, 'DATE_IN_PAST', {
        'zh-CN': `等级调整不能在过去结束（${request.validUntil}，今天是 ${today}）。`,
        en: `An override cannot end in the past (${request.validUntil}, today is ${today}).`,
      }),
    );
  } else if (request.validUntil > addDays(today, OVERRIDE_MAX_DAYS)) {
    const last = addDays(today, OVERRIDE_MAX_DAYS);
    violations.push(
      violation(field, 'TOO_FAR_AHEAD', {
        'zh-CN': `等级调整最长 ${OVERRIDE_MAX_DAYS} 天（至 ${last}）；到期后可以重新设置。`,
        en: `An override holds at most ${OVERRIDE_MAX_DAYS} days (until ${last}); set it again when it ends.`,
      }),
    );
  }
  return violations;
}
