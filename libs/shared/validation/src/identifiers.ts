/**
 * Identifiers as the services issue them: records by UUID (any version, as PostgreSQL's `uuid`
 * reads them), people by employee number. Checked before any query, so a malformed id is the
 * caller's mistake with a code, never a database error.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Letters, digits, `-` and `_`, at most 32: the subject of the person's token. */
const EMPLOYEE_NUMBER = /^[A-Za-z0-9_-]{1,32}$/;

export type IdentifierProblem = 'NOT_A_UUID' | 'NOT_AN_EMPLOYEE_NUMBER';

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isEmployeeNumber(value: string): boolean {
  return EMPLOYEE_NUMBER.test(value);
}

export function uuidProblem(value: string): IdentifierProblem | null {
  return isUuid(value) ? null : 'NOT_A_UUID';
}

export function employeeNumberProblem(value: string): IdentifierProblem | null {
  return isEmployeeNumber(value) ? null : 'NOT_AN_EMPLOYEE_NUMBER';
}
