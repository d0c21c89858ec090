import { parse } from 'csv-parse/sync';

export const IMPORT_FORMATS = ['CSV', 'JSON'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One problem with one row of an import file, or with the whole file (row 0). */
export interface RowError {
  /** 1-based record number, header excluded; 0 for a problem with the whole file. */
  readonly row: number;
  readonly field: string;
  readonly code: string;
  /** In English; a command line renders the code in the user's language instead. */
  readonly message: string;
  /** What a translation of the code needs besides the field (a maximum, the rows involved). */
  readonly params?: Readonly<Record<string, string | number>>;
}

export function rowError(
  row: number,
  field: string,
  code: string,
  message: string,
  params?: Readonly<Record<string, string | number>>,
): RowError {
  return params === undefined
    ? { row, field, code, message }
    : { row, field, code, message, params };
}

/** The file as a whole cannot be imported (unreadable, unknown columns). */
export class ImportFileError extends Error {
  constructor(readonly problem: RowError) {
    super(problem.message);
  }
}

/** A record of the file: each known column's cell as trimmed text (null when blank). */
export interface ImportRecord<C extends string> {
  readonly row: number;
  readonly cells: Readonly<Record<C, string | null>>;
  /** Cells that were lists in JSON (CSV lists are `;`-separated text). */
  readonly lists: Readonly<Partial<Record<C, readonly string[]>>>;
}

/**
 * Reads CSV (a header row naming the columns) or JSON (an array of objects, or `{ "<key>":
 * [...] }`) into records of the given columns. A column the importer does not know makes the
 * whole file an error that names it, before anything is written.
 */
export function readImportFile<C extends string>(
  format: ImportFormat,
  content: string,
  columns: readonly C[],
  jsonKey?: string,
): ImportRecord<C>[] {
  const records = format === 'CSV' ? parseCsv(content) : parseJson(content, jsonKey);
  const unknown = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys(record)) {
      if (!(columns as readonly string[]).includes(key)) unknown.add(key);
    }
  }
  if (unknown.size > 0) {
    const names = [...unknown].join(', ');
    throw new ImportFileError(
      rowError(
        0,
        names,
        'UNKNOWN_COLUMN',
        `Unknown column(s) ${names}; the columns are ${columns.join(', ')}.`,
        { columns: columns.join(', ') },
      ),
    );
  }
  return records.map((record, index) => {
    const cells = {} as Record<C, string | null>;
    const lists: Partial<Record<C, readonly string[]>> = {};
    for (const column of columns) {
      const value = record[column];
      if (Array.isArray(value))
        lists[column] = value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      const text =
        value === undefined || value === null
          ? ''
          : (typeof value === 'string' ? value : JSON.stringify(value)).trim();
      cells[column] = text === '' ? null : text;
    }
    return { row: index + 1, cells, lists };
  });
}

function parseCsv(content: string): Record<string, unknown>[] {
  try {
    return parse(content.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new ImportFileError(
      rowError(0, 'content', 'CSV_INVALID', `The CSV cannot be read: ${(error as Error).message}`, {
        detail: (error as Error).message,
      }),
    );
  }
}

function parseJson(content: string, key?: string): Record<string, unknown>[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new ImportFileError(
      rowError(
        0,
        'content',
        'JSON_INVALID',
        `The JSON cannot be read: ${(error as Error).message}`,
      ),
    );
  }
  const list =
    Array.isArray(parsed) || key === undefined
      ? parsed
      : (parsed as Record<string, unknown> | null)?.[key];
  if (
    !Array.isArray(list) ||
    list.some((r) => typeof r !== 'object' || r === null || Array.isArray(r))
  ) {
    throw new ImportFileError(
      rowError(
        0,
        'content',
        'JSON_INVALID',
        `A JSON import is an array of objects${key ? ` (or { "${key}": [...] })` : ''}.`,
      ),
    );
  }
  return list as Record<string, unknown>[];
}
