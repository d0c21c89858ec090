import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DomainError } from '@gap/errors';
import {
  IMPORT_FORMATS,
  ImportFileError,
  rowError,
  type ImportFormat,
  type RowError,
} from './import-file.js';

/** The `ImportFormat` GraphQL enum: CSV or JSON. */
export const ImportFormatEnum = Object.fromEntries(IMPORT_FORMATS.map((f) => [f, f])) as Record<
  ImportFormat,
  ImportFormat
>;
registerEnumType(ImportFormatEnum, { name: 'ImportFormat' });

/** What an import did: every row counted once, every failed row with its reasons. */
export interface ImportReport {
  readonly total: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly errors: readonly RowError[];
  readonly dryRun: boolean;
}

/**
 * Why the database refused a write, for a report: the SQLSTATE and the constraint, never the
 * statement or its values. Null for anything that is not an error of PostgreSQL.
 */
export function databaseFailureOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const shape = error as { code?: unknown; constraint?: unknown; driverError?: unknown };
  const pg = (
    typeof shape.driverError === 'object' && shape.driverError !== null ? shape.driverError : shape
  ) as { code?: unknown; constraint?: unknown };
  if (typeof pg.code !== 'string' || !/^[0-9A-Z]{5}$/.test(pg.code)) return null;
  return typeof pg.constraint === 'string'
    ? `SQLSTATE ${pg.code}, constraint ${pg.constraint}`
    : `SQLSTATE ${pg.code}`;
}

export const IMPORT_ROLLED_BACK = 'IMPORT_ROLLED_BACK';

/**
 * The report of a real run whose one transaction failed on something no row check could
 * foresee: nothing was written, so every row counts as failed; the row errors found before
 * the failure are kept, with the failure itself as an error of the whole file (row 0).
 */
export function rolledBackReport(
  total: number,
  rowErrors: readonly RowError[],
  cause: string,
): ImportReport {
  return {
    total,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: total,
    errors: [
      rowError(
        0,
        'file',
        IMPORT_ROLLED_BACK,
        `Nothing was written: the database refused the import (${cause}). Correct it and run the file again; a re-run is safe.`,
        { cause },
      ),
      ...[...rowErrors].sort((a, b) => a.row - b.row || a.field.localeCompare(b.field)),
    ],
    dryRun: false,
  };
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What every import mutation takes: a file's content, its format, and whether to write. */
@InputType({ isAbstract: true })
export abstract class ImportFileInput {
  @Field(() => ImportFormatEnum) @IsIn(IMPORT_FORMATS) format!: ImportFormat;

  @Field({ description: 'The whole file: CSV with a header row, or a JSON array of objects.' })
  @IsString()
  @MaxLength(MAX_IMPORT_BYTES)
  content!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Check and report only; write nothing.',
  })
  @IsOptional()
  @IsBoolean()
  dryRun: boolean = false;
}

// Shared by every subgraph that imports files: the same value type, the same shape.
@ObjectType('ImportRowError')
@Directive('@shareable')
export class ImportRowErrorType {
  @Field(() => Int, {
    description: '1-based record number, header excluded; 0 for the whole file.',
  })
  row!: number;
  @Field() field!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType('ImportReport')
@Directive('@shareable')
export class ImportReportType {
  @Field(() => Int) total!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [ImportRowErrorType]) errors!: ImportRowErrorType[];
  @Field(() => Boolean) dryRun!: boolean;
}

/** Runs an import for GraphQL: a file that cannot be read is a coded error on `input.content`. */
export async function answeringFileErrors<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const { field, code, message } = error.problem;
    throw DomainError.invalidInput(
      [{ field: `input.content (${field})`, reason: code, message }],
      code,
    );
  }
}
