import 'reflect-metadata';
import { runImportCli } from '@gap/bulk-import';
import { loadConfig } from '@gap/config';
import { createServiceDataSource } from '@gap/database';
import { TieringConfig } from '../tiering.config.js';
import { tieringDatabase } from '../tiering.database.js';
import {
  VALUE_INPUT_COLUMNS,
  ValueInputImportService,
} from '../value/value-input-import.service.js';

const USAGE = `Loads monthly value inputs (revenue by service line, costs, lines, complaints) into the
tiering database (DATABASE_URL, the embedded server by default), one row per account and month.

  npm run import:values -- <file.csv|file.json> [--as <employee no.>] [--dry-run] [--json]

Columns: ${VALUE_INPUT_COLUMNS.join(', ')} (amounts in yuan, month YYYY-MM).
Re-running a file changes nothing. Exit code: 0 all rows loaded, 2 some rows failed, 1 the
file could not be read.`;

await runImportCli(USAGE, async ({ format, content, subject, dryRun, onProgress }) => {
  const dataSource = createServiceDataSource(
    tieringDatabase(loadConfig(TieringConfig).DATABASE_URL),
  );
  await dataSource.initialize();
  try {
    // The CLI acts as an administrator, on behalf of the employee named with --as.
    return await new ValueInputImportService(dataSource).import(
      { subject, roles: ['ADMIN'] },
      format,
      content,
      {
        dryRun,
        onProgress,
      },
    );
  } finally {
    await dataSource.destroy();
  }
});
