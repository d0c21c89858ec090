import type { PipeTransform } from '@nestjs/common';
import { Args, ID, Int, type ArgsOptions } from '@nestjs/graphql';
import { DomainError } from '@gap/errors';
import {
  dateProblem,
  dateProblemMessage,
  employeeNumberProblem,
  monthProblem,
  normaliseText,
  numberProblem,
  numberProblemMessage,
  textProblem,
  textProblemMessage,
  uuidProblem,
  type TextRule,
} from '@gap/validation';

/** The most items any list of the graph gives in one page. */
export const MAX_PAGE_SIZE = 100;

interface Problem {
  readonly reason: string;
  readonly message: string;
}

/**
 * Checks one scalar argument (the validation pipe checks input objects); a value left out is
 * left to the argument's default or nullability.
 */
class ArgumentPipe implements PipeTransform {
  constructor(
    private readonly field: string,
    private readonly check: (value: unknown) => Problem | null,
    private readonly normalise: (value: unknown) => unknown = (value) => value,
  ) {}

  transform(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    const normalised = this.normalise(value);
    const problem = this.check(normalised);
    if (problem) throw DomainError.invalidInput([{ field: this.field, ...problem }]);
    return normalised;
  }
}

type Options = Omit<ArgsOptions, 'name' | 'type'>;

function stringCheck<P extends string>(
  check: (value: string) => P | null,
  message: (problem: P) => string,
): (value: unknown) => Problem | null {
  return (value) => {
    const problem = typeof value === 'string' ? check(value) : null;
    return problem ? { reason: problem, message: message(problem) } : null;
  };
}

/** An argument naming a record by its UUID. */
export function UuidArg(name: string, options: Options = {}): ParameterDecorator {
  return Args(
    name,
    { ...options, type: () => ID },
    new ArgumentPipe(
      name,
      stringCheck(uuidProblem, () => `${name} is not a UUID.`),
    ),
  );
}

/** An argument naming a person by employee number. */
export function EmployeeNumberArg(name: string, options: Options = {}): ParameterDecorator {
  return Args(
    name,
    { ...options, type: () => ID },
    new ArgumentPipe(
      name,
      stringCheck(
        employeeNumberProblem,
        () => `${name} is not an employee number (letters, digits, - and _; up to 32).`,
      ),
    ),
  );
}

/** A calendar date argument, `YYYY-MM-DD`, within 1900-2100. */
export function DateArg(name: string, options: Options = {}): ParameterDecorator {
  return Args(
    name,
    { ...options, type: () => String },
    new ArgumentPipe(
      name,
      stringCheck(dateProblem, (p) => dateProblemMessage(name, p)),
    ),
  );
}

/** A month argument, `YYYY-MM`, within 1900-2100. */
export function MonthArg(name: string, options: Options = {}): ParameterDecorator {
  return Args(
    name,
    { ...options, type: () => String },
    new ArgumentPipe(
      name,
      stringCheck(monthProblem, (p) => dateProblemMessage(name, p)),
    ),
  );
}

/** A short text argument (a version name), normalised and checked as input text is. */
export function TextArg(name: string, rule: TextRule, options: Options = {}): ParameterDecorator {
  return Args(
    name,
    { ...options, type: () => String },
    new ArgumentPipe(
      name,
      stringCheck(
        (value) => textProblem(value, rule),
        (p) => textProblemMessage(name, p, rule),
      ),
      (value) => (typeof value === 'string' ? normaliseText(value) : value),
    ),
  );
}

/**
 * How many items a list gives: 1 to `max` (MAX_PAGE_SIZE unless the list is shorter by
 * nature), stated in the schema; a larger or smaller number is refused, never clamped.
 */
export function PageSizeArg(
  name: string,
  defaultValue: number,
  options: Options & { max?: number; what?: string } = {},
): ParameterDecorator {
  const { max = MAX_PAGE_SIZE, what = 'items', ...rest } = options;
  const rule = { min: 1, max, integer: true };
  return Args(
    name,
    {
      ...rest,
      type: () => Int,
      defaultValue,
      description: `How many ${what}: 1 to ${max} (at most ${max}).`,
    },
    new ArgumentPipe(name, (value) => {
      const problem = numberProblem(value, rule);
      return problem
        ? { reason: problem, message: numberProblemMessage(name, problem, rule) }
        : null;
    }),
  );
}
