/*
 * The hostile values tried on each kind of field, and what a proper refusal of one looks like:
 * a coded BAD_USER_INPUT error naming the field, with the expected reason.
 */
import type { GraphQLResponse } from './schema-walk.js';

/** Fields whose strings are calendar dates (YYYY-MM-DD) or months (YYYY-MM). */
const DATE_FIELDS = new Set([
  'foundedOn',
  'birthday',
  'date',
  'validUntil',
  'effectiveFrom',
  'dueOn',
  'lastDay',
  'day',
  'effectiveOn',
  'endsOn',
  'presentedOn',
  'contractStartsOn',
  'contractEndsOn',
]);
const MONTH_FIELDS = new Set(['asOf']);
/** Whole files (imports): bounded in bytes by the import, not text to display. */
const FILE_FIELDS = new Set(['content']);

export type Kind = 'text' | 'id' | 'date' | 'datetime' | 'month' | 'file' | 'int' | 'float' | 'fen';
export interface Hostile {
  readonly label: string;
  readonly value: unknown;
  /** The reason the error must give; any reason when absent. */
  readonly reason?: string | readonly string[];
}

export const ID_REASONS = ['NOT_A_UUID', 'NOT_AN_EMPLOYEE_NUMBER'];
const DATE_REASONS = ['NOT_A_DATE', 'NOT_A_MONTH', 'DATE_OUT_OF_RANGE'];

export function hostileValues(kind: Kind): Hostile[] {
  const unstorable: Hostile[] = [
    { label: 'a lone surrogate', value: 'ab\uD800', reason: 'LONE_SURROGATE' },
    { label: 'a NUL character', value: 'a\u0000b', reason: 'CONTROL_CHARACTER' },
  ];
  const looksLike = (reasons: string | readonly string[]): Hostile[] => [
    { label: 'invisible characters only', value: '\u200B\u2060\uFEFF\u00AD', reason: reasons },
    { label: 'a right-to-left override', value: '陈\u202Eexe.txt', reason: reasons },
    { label: 'over-long text', value: '长'.repeat(5000), reason: reasons },
  ];
  switch (kind) {
    case 'file':
      return unstorable;
    case 'text':
      return [
        ...unstorable,
        {
          label: 'invisible characters only',
          value: '\u200B\u200C\u200D\uFEFF',
          reason: 'INVISIBLE_ONLY',
        },
        { label: 'a right-to-left override', value: '陈\u202Eexe.txt', reason: 'BIDI_CONTROL' },
        { label: 'a left-to-right isolate', value: 'a\u2066b', reason: 'BIDI_CONTROL' },
        { label: 'over-long text', value: '长'.repeat(5000), reason: 'TOO_LONG' },
      ];
    case 'id':
      return [
        ...unstorable,
        ...looksLike(ID_REASONS),
        { label: 'a non-UUID id', value: "1' OR '1'='1", reason: ID_REASONS },
      ];
    case 'date':
      return [
        ...unstorable,
        ...looksLike(DATE_REASONS),
        { label: 'year 0000', value: '0000-01-01', reason: 'DATE_OUT_OF_RANGE' },
        { label: '30 February', value: '2026-02-30', reason: 'NOT_A_DATE' },
        { label: 'year 2101', value: '2101-01-01', reason: 'DATE_OUT_OF_RANGE' },
        { label: 'a timestamp', value: '2026-01-01T00:00:00Z', reason: 'NOT_A_DATE' },
      ];
    case 'datetime':
      return [
        ...unstorable,
        { label: 'invisible characters only', value: '\u200B\u2060\uFEFF\u00AD' },
        { label: 'not a time', value: 'yesterday' },
        { label: '30 February', value: '2026-02-30T10:00:00Z' },
        { label: 'year 0000', value: '0000-01-01T00:00:00Z' },
        { label: 'year 2101', value: '2101-01-01T00:00:00Z' },
      ];
    case 'month':
      return [
        ...unstorable,
        ...looksLike(DATE_REASONS),
        { label: 'year 0000', value: '0000-01', reason: 'DATE_OUT_OF_RANGE' },
        { label: 'month 13', value: '2026-13', reason: 'NOT_A_MONTH' },
      ];
    case 'int':
      return [
        { label: 'a negative number', value: -1 },
        { label: 'a number beyond 32 bits', value: 2 ** 31 },
      ];
    case 'float':
      return [
        { label: 'a negative number', value: -1 },
        { label: 'a huge number', value: 1e300 },
      ];
    case 'fen':
      return [
        { label: 'a negative amount', value: '-1', reason: 'TOO_SMALL' },
        { label: 'a fraction of a fen', value: '1.5', reason: 'NOT_WHOLE_FEN' },
        { label: 'a fractional number', value: 0.5, reason: 'NOT_WHOLE_FEN' },
        { label: 'an absurd amount', value: '10000000000000000', reason: 'FEN_OUT_OF_RANGE' },
        { label: 'an exponent', value: '1e3', reason: 'NOT_WHOLE_FEN' },
      ];
  }
}

export function kindOf(scalar: string, field: string): Kind | null {
  switch (scalar) {
    case 'String':
      if (DATE_FIELDS.has(field)) return 'date';
      if (MONTH_FIELDS.has(field)) return 'month';
      return FILE_FIELDS.has(field) ? 'file' : 'text';
    case 'ID':
      return 'id';
    case 'Int':
      return 'int';
    case 'Float':
      return 'float';
    case 'Fen':
      return 'fen';
    case 'DateTime':
      return 'datetime';
    case 'Boolean':
      return null;
    default:
      throw new Error(`No hostile values for the scalar ${scalar} (field ${field})`);
  }
}

/** `input.keyDates[0].date` and `input.keyDates.0.date` name the same field; so do a list and its item. */
function sameField(named: string | undefined, path: (string | number)[]): boolean {
  if (!named) return false;
  const norm = (p: string) => p.replace(/\[(\d+)\]/g, '.$1').replace(/(\.\d+)+$/, '');
  return norm(named) === norm(path.join('.'));
}

/**
 * Reasons of a field with a format of its own (a code from a list, a pattern, an employee
 * number, a date): it refuses every hostile value as outside its format, which is as good a
 * refusal as the hostile value's own reason. A free-text field has no such reason to give.
 */
const FORMAT_REASONS = [
  'isIn',
  'isEnum',
  'matches',
  'NOT_AN_EMPLOYEE_NUMBER',
  'NOT_A_UUID',
  'NOT_A_DATE',
  'NOT_A_MONTH',
  'CALENDAR_DATE_INVALID',
  'NOT_A_DATE_TIME',
  'INVALID_VALUE',
];

export function refusalProblem(
  response: GraphQLResponse,
  root: string,
  path: (string | number)[],
  reason: string | readonly string[] | undefined,
): string | null {
  const [error] = response.errors ?? [];
  if (!error) return 'it was accepted';
  if (response.data?.[root]) return 'it returned data';
  const ext = error.extensions ?? {};
  if (ext.category !== 'BAD_USER_INPUT') return `it failed with ${JSON.stringify(error)}`;
  const violations = ext.violations ?? [{ field: ext.field ?? '', reason: '' }];
  const allowed = reason === undefined ? undefined : typeof reason === 'string' ? [reason] : reason;
  const match = violations.find(
    (v) =>
      sameField(v.field, path) &&
      (!allowed || allowed.includes(v.reason) || FORMAT_REASONS.includes(v.reason)),
  );
  return match ? null : `the error does not name it as expected: ${JSON.stringify(error)}`;
}
