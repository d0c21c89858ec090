import { readImportFile, type ImportFormat } from '@gap/bulk-import';
import type { AccountFieldsInput } from '@gap/accounts/domain';

/** The columns of an accounts import file; `parentCreditCode` links an account to its parent. */
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

export interface ImportRow extends AccountFieldsInput {
  /** 1-based position of the record in the file, header excluded. */
  readonly row: number;
  readonly parentCreditCode: string | null;
}

/** Reads CSV (a header row of IMPORT_COLUMNS) or JSON (an array of objects with those keys). */
export function parseImportFile(format: ImportFormat, content: string): ImportRow[] {
  return readImportFile(format, content, IMPORT_COLUMNS, 'accounts').map(
    ({ row, cells, lists }) => {
      // Plain decimals only: `0x10`, `1e3` or `1,200` are not a head count (NOT_AN_INTEGER).
      const number = (value: string | null) =>
        value === null ? null : /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
      return {
        row,
        creditCode: cells.creditCode,
        name: cells.name,
        legalName: cells.legalName,
        type: cells.type,
        industryCode: cells.industryCode,
        regionCode: cells.regionCode,
        employees: number(cells.employees),
        linesCount: number(cells.linesCount),
        foundedOn: cells.foundedOn,
        status: cells.status,
        tags:
          lists.tags ??
          cells.tags
            ?.split(/[;；]/)
            .map((t) => t.trim())
            .filter(Boolean) ??
          [],
        parentCreditCode: cells.parentCreditCode,
      };
    },
  );
}
