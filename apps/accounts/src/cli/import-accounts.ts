import 'reflect-metadata';
import { runImportCli } from '@gap/bulk-import';
import { loadConfig } from '@gap/config';
import { createServiceDataSource } from '@gap/database';
import { AccountsConfig } from '../accounts.config.js';
import { accountsDatabase } from '../accounts.database.js';
import { createAccountsServices } from '../accounts.services.js';
import { IMPORT_COLUMNS, parseImportFile } from '../import/import-file.js';

const USAGE = `Imports group accounts from a CSV or JSON file into the accounts database (DATABASE_URL,
the embedded server by default).

  npm run import:accounts -- <file.csv|file.json> [--as <employee no.>] [--dry-run] [--json]

Columns: ${IMPORT_COLUMNS.join(', ')} (tags separated by ;).
Rows are upserted by credit code; re-running the same file changes nothing. Each row is
imported completely or not at all; bad rows are listed with their number and field.
Exit code: 0 all rows imported, 2 some rows failed, 1 the file could not be read.`;

await runImportCli(USAGE, async ({ format, content, subject, dryRun, onProgress }) => {
  const rows = parseImportFile(format, content);
  const dataSource = createServiceDataSource(
    accountsDatabase(loadConfig(AccountsConfig).DATABASE_URL),
  );
  await dataSource.initialize();
  try {
    // The CLI acts as an administrator, on behalf of the employee named with --as.
    return await createAccountsServices(dataSource).imports.import(
      { subject, roles: ['ADMIN'] },
      rows,
      {
        dryRun,
        onProgress,
      },
    );
  } finally {
    await dataSource.destroy();
  }
});
