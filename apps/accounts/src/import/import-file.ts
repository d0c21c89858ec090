import { parse } from 'csv-parse/sync';
import type { AccountFieldsInput } from '@gap/accounts/domain';

export const IMPORT_FORMATS = ['CSV', 'JSON'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The columns of an import file; `parentCreditCode` links an account to its parent. */
export const IMPORT_COLUMNS = [
  'creditCode',
  'name',
  'legalName',
  'type',
  'industryCode',
  'regionCode',
  'employees',
  'linesCount',
  'foundedOn',
  'status',
  'tags',
  'parentCreditCode',
] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface ImportRow extends AccountFieldsInput {
  /** 1-based position of the record in the file, header excluded. */
  readonly row: number;
  readonly parentCreditCode: string | null;
}

export interface RowError {
  /** 1-based record number, header excluded; 0 for a problem with the whole file. */
  readonly row: number;
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export class ImportFileError extends Error {
  constructor(readonly problem: RowError) {
    super(problem.message);
  }
}

/** Reads CSV (a header row of IMPORT_COLUMNS) or JSON (an array of objects with those keys). */
export function parseImportFile(format: ImportFormat, content: string): ImportRow[] {
  const records = format === 'CSV' ? parseCsv(content) : parseJson(content);
  const unknown = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!(IMPORT_COLUMNS as readonly string[]).includes(key)) unknown.add(key);
    }
  }
  if (unknown.size > 0) {
    throw new ImportFileError({
      row: 0,
      field: [...unknown].join(', '),
      code: 'UNKNOWN_COLUMN',
      message: `Unknown column(s) ${[...unknown].join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}.`,
    });
  }
  return records.map((record, index) => toRow(record, index + 1));
}

function parseCsv(content: string): Record<string, unknown>[] {
  try {
    return parse(content.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new ImportFileError({
      row: 0,
      field: 'content',
      code: 'CSV_INVALID',
      message: `The CSV cannot be read: ${(error as Error).message}`,
    });
  }
}

function parseJson(content: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new ImportFileError({
      row: 0,
      field: 'content',
      code: 'JSON_INVALID',
      message: `The JSON cannot be read: ${(error as Error).message}`,
    });
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { accounts?: unknown })?.accounts;
  if (
    !Array.isArray(list) ||
    list.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))
  ) {
    throw new ImportFileError({
      row: 0,
      field: 'content',
      code: 'JSON_INVALID',
      message: 'A JSON import is an array of account objects (or { "accounts": [...] }).',
    });
  }
  return list as Record<string, unknown>[];
}

function toRow(record: Record<string, unknown>, row: number): ImportRow {
  const text = (key: ImportColumn): string | null => {
    const value = record[key];
    if (value === undefined || value === null) return null;
    const s = (typeof value === 'string' ? value : JSON.stringify(value)).trim();
    return s === '' ? null : s;
  };
  const number = (key: ImportColumn): number | null => {
    const value = text(key);
    return value === null ? null : Number(value);
  };
  const rawTags = record['tags'];
  const tags = Array.isArray(rawTags)
    ? rawTags.map(String)
    : (text('tags')
        ?.split(/[;；]/)
        .map((t) => t.trim())
        .filter(Boolean) ?? []);
  return {
    row,
    creditCode: text('creditCode'),
    name: text('name'),
    legalName: text('legalName'),
    type: text('type'),
    industryCode: text('industryCode'),
    regionCode: text('regionCode'),
    employees: number('employees'),
    linesCount: number('linesCount'),
    foundedOn: text('foundedOn'),
    status: text('status'),
    tags,
    parentCreditCode: text('parentCreditCode'),
  };
}
