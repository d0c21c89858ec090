import {
  canChangeStatus,
  checkAccountFields,
  checkCreditCode,
  STATUS_TRANSITIONS,
  type AccountFields,
  type GroupAccountStatus,
} from '@gap/accounts/domain';
import { rowError, withoutDuplicates, type RowError } from '@gap/bulk-import';
import { todayInChina } from '@gap/calendar';
import { DomainError } from '@gap/errors';
import type { ImportRow } from './import-file.js';

/**
 * The checks of an accounts file that need no database: each row's fields, its parent's
 * credit code, duplicates within the file, and the order parents before children.
 */

export interface ValidRow {
  readonly row: number;
  readonly creditCode: string;
  /** What the row says: only the cells that are filled in, checked and normalised. */
  readonly given: Partial<AccountFields>;
  readonly parentCreditCode: string | null;
}

const REQUIRED_FOR_NEW = ['name', 'type', 'industryCode', 'regionCode'] as const;

/** A row that registers a new account must name it fully; blanks get the defaults. */
export function asNewAccount(row: ValidRow): AccountFields | RowError[] {
  const missing = REQUIRED_FOR_NEW.filter((field) => row.given[field] === undefined);
  if (missing.length > 0) {
    return missing.map((field) =>
      rowError(
        row.row,
        field,
        'REQUIRED',
        `${field} is required for an account not registered yet.`,
      ),
    );
  }
  return {
    legalName: null,
    employees: null,
    linesCount: null,
    foundedOn: null,
    tags: [],
    status: 'PROSPECT',
    ...row.given,
    creditCode: row.creditCode,
  } as AccountFields;
}

/**
 * The filled-in cells of a row. A blank cell never erases what an existing account has
 * (a file of names and sizes does not wipe tags or detach accounts from their groups);
 * clearing a value is done with updateGroupAccount.
 */
function givenFields(row: ImportRow, fields: Partial<AccountFields>): Partial<AccountFields> {
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => {
      const cell = row[key as keyof ImportRow];
      return cell !== null && cell !== undefined && !(Array.isArray(cell) && cell.length === 0);
    }),
  );
}

/** Field rules, parent codes and duplicates within the file. */
export function validateRows(rows: readonly ImportRow[], errors: RowError[]): ValidRow[] {
  const today = todayInChina();
  const valid: ValidRow[] = [];
  for (const row of rows) {
    const checked = checkAccountFields(row, { prefix: '', today, mode: 'update' });
    let parentCreditCode: string | null = null;
    const problems: RowError[] = checked.ok
      ? []
      : checked.violations.map((v) => rowError(row.row, v.field, v.reason, v.message));
    if (!row.creditCode) {
      problems.push(
        rowError(row.row, 'creditCode', 'REQUIRED', 'Every row names its account by credit code.'),
      );
    }
    if (row.parentCreditCode !== null) {
      const parent = checkCreditCode(row.parentCreditCode);
      if (!parent.valid)
        problems.push(rowError(row.row, 'parentCreditCode', parent.problem, parent.message.en));
      else parentCreditCode = parent.code;
    }
    if (checked.ok && parentCreditCode !== null && parentCreditCode === checked.fields.creditCode) {
      problems.push(
        rowError(
          row.row,
          'parentCreditCode',
          'HIERARCHY_CYCLE',
          'An account cannot be its own parent.',
        ),
      );
    }
    if (problems.length > 0 || !checked.ok || checked.fields.creditCode === undefined) {
      errors.push(...problems);
    } else {
      valid.push({
        row: row.row,
        creditCode: checked.fields.creditCode,
        given: givenFields(row, checked.fields),
        parentCreditCode,
      });
    }
  }
  return withoutDuplicates(valid, (row) => `Credit code ${row.creditCode}`, 'creditCode', errors);
}

/**
 * Groups rows so that a parent in the file is written before its children; rows whose
 * parent row failed, or that form a cycle within the file, fail.
 */
export function levelsOf(rows: readonly ValidRow[], errors: RowError[]): ValidRow[][] {
  const inFile = new Map(rows.map((r) => [r.creditCode, r]));
  const level = new Map<string, number>();
  const levelOf = (row: ValidRow, trail: Set<string>): number => {
    const code = row.creditCode;
    const known = level.get(code);
    if (known !== undefined) return known;
    if (trail.has(code)) return -1;
    const parent = row.parentCreditCode === null ? undefined : inFile.get(row.parentCreditCode);
    if (!parent) {
      level.set(code, 0);
      return 0;
    }
    trail.add(code);
    const above = levelOf(parent, trail);
    const mine = above < 0 ? -1 : above + 1;
    level.set(code, mine);
    return mine;
  };
  const result: ValidRow[][] = [];
  for (const row of rows) {
    const n = levelOf(row, new Set());
    if (n < 0) {
      errors.push(
        rowError(
          row.row,
          'parentCreditCode',
          'HIERARCHY_CYCLE',
          'The parent links in the file form a cycle.',
        ),
      );
      continue;
    }
    (result[n] ??= []).push(row);
  }
  return result.filter(Boolean);
}

/** A row a rule refused while its writes were under way. */
export class RowFailure extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

/** A row refused by a rule while its writes were under way: undone, reported, not fatal. */
export const isRowRefusal = (error: unknown): boolean =>
  error instanceof RowFailure || error instanceof DomainError;

/** The row's report line for a refusal; anything else is not the row's fault and goes on up. */
export function refusalOf(row: ValidRow, error: unknown): RowError {
  if (error instanceof RowFailure) return error.error;
  if (error instanceof DomainError) {
    return rowError(row.row, error.field?.replace(/^input\./, '') ?? '', error.code, error.message);
  }
  throw error;
}

/** The row's refusal when its status cannot move from the account's current one. */
export function statusRefusal(
  row: ValidRow,
  from: GroupAccountStatus,
  to: GroupAccountStatus,
): RowError | undefined {
  if (from === to || canChangeStatus(from, to)) return undefined;
  return rowError(
    row.row,
    'status',
    'STATUS_TRANSITION_REFUSED',
    `A ${from} account cannot become ${to}; it can become ${STATUS_TRANSITIONS[from].join(' or ')}.`,
    { from, to },
  );
}
