import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportFileError, type ImportFormat } from './import-file.js';
import type { ImportReport } from './import-report.js';
import { ProgressBar } from './progress-bar.js';

export interface ImportCliRun {
  readonly file: string;
  readonly format: ImportFormat;
  readonly content: string;
  /** The employee the import is recorded for (`--as`). */
  readonly subject: string;
  readonly dryRun: boolean;
  readonly onProgress: (done: number, total: number) => void;
}

/**
 * The command line of an import: `<file.csv|file.json> [--as E1001] [--dry-run] [--json]`,
 * a progress bar on stderr, the report on stdout (the first 100 errors, or all as JSON), and
 * the exit code 0 (all rows in), 2 (some rows failed) or 1 (the file could not be read).
 */
export async function runImportCli(
  usage: string,
  run: (args: ImportCliRun) => Promise<ImportReport>,
): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      as: { type: 'string', default: 'import-cli' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [file] = positionals;
  if (values.help || !file) {
    process.stdout.write(`${usage}\n`);
    process.exitCode = values.help ? 0 : 1;
    return;
  }
  const dryRun = values['dry-run'];
  const bar = new ProgressBar(dryRun ? 'checking' : 'importing');
  let report: ImportReport;
  try {
    report = await run({
      file,
      format: extname(file).toLowerCase() === '.json' ? 'JSON' : 'CSV',
      content: await readFile(file, 'utf8'),
      subject: values.as,
      dryRun,
      onProgress: (done, total) => bar.update(done, total),
    });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    process.stderr.write(`${file}: ${error.problem.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const { total, created, updated, unchanged, failed } = report;
    process.stdout.write(
      `${total} rows: ${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed${report.dryRun ? ' (dry run: nothing written)' : ''}\n`,
    );
    for (const error of report.errors.slice(0, 100)) {
      process.stdout.write(`  row ${error.row} ${error.field}: ${error.code} ${error.message}\n`);
    }
    if (report.errors.length > 100) {
      process.stdout.write(`  ... and ${report.errors.length - 100} more (use --json for all)\n`);
    }
  }
  process.exitCode = report.failed > 0 ? 2 : 0;
}
