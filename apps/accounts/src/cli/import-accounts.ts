import 'reflect-metadata';
import { runImportCli, type ImportCliTexts } from '@gap/bulk-import';
import { loadConfig } from '@gap/config';
import { AccountsConfig } from '../accounts.config.js';
import { withAccountsServices } from '../accounts.services.js';
import { IMPORT_COLUMNS, parseImportFile } from '../import/import-file.js';
import { ACCOUNTS_IMPORT_ZH } from './import-accounts.messages.js';

const COLUMNS = IMPORT_COLUMNS.join(', ');

const TEXTS: ImportCliTexts = {
  usage: {
    'zh-CN': `把集团客户从 CSV 或 JSON 文件导入客户数据库（DATABASE_URL，默认为内置数据库）。

  npm run import:accounts -- <文件.csv|文件.json> [--as <工号>] [--dry-run] [--json] [--lang zh-CN|en]

列：${COLUMNS}（tags 以 ; 分隔）。
按统一社会信用代码新建或更新；重复运行同一文件不会改变任何数据。整个文件在一个事务中写入：
有效行全部写入（连同其事件），无效行逐行报告行号、字段和代码，一行也不写；数据库出错则整体
回滚、什么也不写。
退出码：0 全部导入；2 部分行有误（其余已导入）；1 未写入任何数据（文件无法读取或导入已回滚）。`,
    en: `Imports group accounts from a CSV or JSON file into the accounts database (DATABASE_URL,
the embedded server by default).

  npm run import:accounts -- <file.csv|file.json> [--as <employee no.>] [--dry-run] [--json] [--lang zh-CN|en]

Columns: ${COLUMNS} (tags separated by ;).
Rows are upserted by credit code; re-running the same file changes nothing. The file is written
in one transaction: every valid row goes in with its events, no invalid one (each is listed with
its number, field and code); if the database refuses anything, nothing is written.
Exit code: 0 all rows imported, 2 some rows failed (the others imported), 1 nothing written (the
file could not be read, or the import was rolled back).`,
  },
  zh: ACCOUNTS_IMPORT_ZH,
};

await runImportCli(TEXTS, ({ format, content, subject, dryRun, onProgress }) => {
  const rows = parseImportFile(format, content);
  // The CLI acts as an administrator, on behalf of the employee named with --as.
  return withAccountsServices(loadConfig(AccountsConfig).DATABASE_URL, ({ imports }) =>
    imports.import({ subject, roles: ['ADMIN'] }, rows, { dryRun, onProgress }),
  );
});
