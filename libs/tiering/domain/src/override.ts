import { addDays, isCalendarDate, type CalendarDate } from '@gap/calendar';
import type { FieldViolation } from '@gap/errors';

/** An override is a decision for a while, not a second tiering: at most two years ahead. */
export const OVERRIDE_MAX_DAYS = 731;
export const OVERRIDE_REASON_MIN_LENGTH = 6;

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
  if (request.reason.trim().length < OVERRIDE_REASON_MIN_LENGTH) {
    violations.push({
      field: `${prefix}.reason`,
      reason: 'REASON_REQUIRED',
      message: `Say why the tier is overridden, in at least ${OVERRIDE_REASON_MIN_LENGTH} characters: it is audited and shown to whoever asks why.`,
    });
  }
  const field = `${prefix}.validUntil`;
  if (!isCalendarDate(request.validUntil)) {
    violations.push({
      field,
      reason: 'DATE_INVALID',
      message: `'${request.validUntil}' is not a date of the form YYYY-MM-DD.`,
    });
  } else if (request.validUntil < today) {
    violations.push({
      field,
      reason: 'DATE_IN_PAST',
      message: `An override cannot end in the past (${request.validUntil}, today is ${today}).`,
    });
  } else if (request.validUntil > addDays(today, OVERRIDE_MAX_DAYS)) {
    violations.push({
      field,
      reason: 'TOO_FAR_AHEAD',
      message: `An override holds at most ${OVERRIDE_MAX_DAYS} days (until ${addDays(today, OVERRIDE_MAX_DAYS)}); set it again when it ends.`,
    });
  }
  return violations;
}
