import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import {
  dateProblem,
  dateProblemMessage,
  employeeNumberProblem,
  fenToYuan,
  MAX_FEN,
  monthProblem,
  normaliseText,
  numberProblem,
  numberProblemMessage,
  textProblem,
  textProblemMessage,
  uuidProblem,
  type DateProblem,
  type NumberProblem,
  type NumberRule,
  type TextProblem,
  type TextRule,
} from '@gap/validation';

/*
 * The class-validator face of @gap/validation, for input classes. Each decorator registers one
 * constraint per reason it can give, named after the reason, so the validation pipe reports
 * `{ field: 'input.name', reason: 'INVISIBLE_ONLY' }` without parsing messages.
 */

interface EachOption {
  /** The field is a list; every element is checked (and normalised). */
  readonly each?: boolean;
}

function constraint<P extends string>(
  reason: P,
  problemOf: (value: unknown) => P | null,
  message: (field: string) => string,
  options: EachOption,
): PropertyDecorator {
  const validationOptions: ValidationOptions = { each: options.each ?? false };
  return ValidateBy(
    {
      name: reason,
      validator: {
        validate: (value: unknown) => problemOf(value) !== reason,
        defaultMessage: (args) => message(args?.property ?? 'the field'),
      },
    },
    validationOptions,
  );
}

const strings =
  <P extends string>(check: (value: string) => P | null) =>
  (value: unknown): P | null =>
    typeof value === 'string' ? check(value) : null;

const TEXT_PROBLEMS: readonly TextProblem[] = [
  'LONE_SURROGATE',
  'BIDI_CONTROL',
  'CONTROL_CHARACTER',
  'EMPTY',
  'INVISIBLE_ONLY',
  'TOO_LONG',
];

/**
 * A text field: normalised (NFC, trimmed) before anything reads it, and refused when empty,
 * only invisible, carrying bidirectional controls, control characters or lone surrogates, or
 * longer than `maxLength` characters.
 */
export function TextRules(rule: TextRule & EachOption): PropertyDecorator {
  const normalise = (value: unknown): unknown =>
    typeof value === 'string' ? normaliseText(value) : value;
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      rule.each && Array.isArray(value) ? value.map(normalise) : normalise(value),
    ),
    ...TEXT_PROBLEMS.map((reason) =>
      constraint(
        reason,
        strings((value) => textProblem(value, rule)),
        (field) => textProblemMessage(field, reason, rule),
        rule,
      ),
    ),
  );
}

/** A record's id: a UUID, checked before any query. */
export function UuidRule(options: EachOption = {}): PropertyDecorator {
  return constraint(
    'NOT_A_UUID',
    strings(uuidProblem),
    (field) => `${field} is not a UUID.`,
    options,
  );
}

/** A person's id: their employee number. */
export function EmployeeNumberRule(options: EachOption = {}): PropertyDecorator {
  return constraint(
    'NOT_AN_EMPLOYEE_NUMBER',
    strings(employeeNumberProblem),
    (field) => `${field} is not an employee number (letters, digits, - and _; up to 32).`,
    options,
  );
}

function dateRules(check: (value: string) => DateProblem | null, reasons: DateProblem[]) {
  return applyDecorators(
    ...reasons.map((reason) =>
      constraint(reason, strings(check), (field) => dateProblemMessage(field, reason), {}),
    ),
  );
}

/** A calendar date, `YYYY-MM-DD`, that exists and lies within 1900-2100. */
export function CalendarDateRule(): PropertyDecorator {
  return dateRules(dateProblem, ['NOT_A_DATE', 'DATE_OUT_OF_RANGE']);
}

/** A month, `YYYY-MM`, within 1900-2100. */
export function CalendarMonthRule(): PropertyDecorator {
  return dateRules(monthProblem, ['NOT_A_MONTH', 'DATE_OUT_OF_RANGE']);
}

/** A number within bounds (a count, a rate, a share). */
export function BoundsRule(rule: NumberRule & EachOption): PropertyDecorator {
  const reasons: NumberProblem[] = ['NOT_A_NUMBER', 'TOO_SMALL', 'TOO_LARGE'];
  return applyDecorators(
    ...reasons.map((reason) =>
      constraint(
        reason,
        (value) => (value === null || value === undefined ? null : numberProblem(value, rule)),
        (field) => numberProblemMessage(field, reason, rule),
        rule,
      ),
    ),
  );
}

/**
 * An amount of money given in fen (the `Fen` scalar has refused fractions and absurd
 * magnitudes) that may not be negative, handed to a service that keeps yuan.
 */
export function FenAsYuanRule(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'number' ? fenToYuan(value) : value,
    ),
    BoundsRule({ min: 0, max: fenToYuan(MAX_FEN) }),
  );
}
