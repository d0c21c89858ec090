import { rowError, type RowError } from './import-file.js';

/**
 * Rows of one file that name the same thing (the same account, the same account-month):
 * none of them can be right, so every one of them fails, each pointing at the others.
 */
export function withoutDuplicates<T extends { readonly row: number }>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  field: string,
  errors: RowError[],
): T[] {
  const byKey = new Map<string, T[]>();
  for (const row of rows) byKey.set(keyOf(row), [...(byKey.get(keyOf(row)) ?? []), row]);
  const duplicated = new Set<number>();
  for (const [key, same] of byKey) {
    if (same.length < 2) continue;
    for (const row of same) {
      duplicated.add(row.row);
      errors.push(
        rowError(
          row.row,
          field,
          'DUPLICATE_IN_FILE',
          `${key} appears in rows ${same.map((r) => r.row).join(', ')}.`,
          { key, rows: same.map((r) => r.row).join(', ') },
        ),
      );
    }
  }
  return rows.filter((row) => !duplicated.has(row.row));
}
