import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '@gap/config';
import { createServiceDataSource } from '@gap/database';
import { AccountsConfig } from '../accounts.config.js';
import { accountsDatabase } from '../accounts.database.js';
import { createAccountsServices } from '../accounts.services.js';
import { ImportFileError, ProgressBar, type ImportFormat } from '@gap/bulk-import';
import { parseImportFile } from '../import/import-file.js';

const USAGE = `Imports group accounts from a CSV or JSON file into the accounts database.

  npm run import:accounts -- <file.csv|file.json> [--as <employee no.>] [--dry-run] [--json]

Rows are upserted by credit code; re-running the same file changes nothing. Each row is
imported completely or not at all; bad rows are listed with their number and field.
Exit code: 0 all rows imported, 2 some rows failed, 1 the file could not be read.`;

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
  process.stdout.write(`${USAGE}\n`);
  process.exit(values.help ? 0 : 1);
}

const format: ImportFormat = extname(file).toLowerCase() === '.json' ? 'JSON' : 'CSV';
let rows;
try {
  rows = parseImportFile(format, await readFile(file, 'utf8'));
} catch (error) {
  const message = error instanceof ImportFileError ? error.problem.message : String(error);
  process.stderr.write(`${file}: ${message}\n`);
  process.exit(1);
}

const config = loadConfig(AccountsConfig);
const dataSource = createServiceDataSource(accountsDatabase(config.DATABASE_URL));
await dataSource.initialize();
try {
  const { imports } = createAccountsServices(dataSource);
  const bar = new ProgressBar(values['dry-run'] ? 'checking' : 'importing');
  const report = await imports.import(
    // The CLI acts as an administrator, on behalf of the employee named with --as.
    { subject: values.as, roles: ['ADMIN'] },
    rows,
    { dryRun: values['dry-run'], onProgress: (done, total) => bar.update(done, total) },
  );
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
} finally {
  await dataSource.destroy();
}
