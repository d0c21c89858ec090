import 'reflect-metadata';
import { runImportCli, type ImportCliTexts } from '@gap/bulk-import';
import { loadConfig } from '@gap/config';
import { createServiceDataSource } from '@gap/database';
import {
  EARLIEST_INPUT_MONTH,
  MAX_MONTHLY_AMOUNT_YUAN,
  MAX_MONTHLY_COMPLAINTS,
  MAX_MONTHLY_LINES,
} from '@gap/tiering/domain';
import { TieringConfig } from '../tiering.config.js';
import { tieringDatabase } from '../tiering.database.js';
import {
  VALUE_INPUT_COLUMNS,
  ValueInputImportService,
} from '../value/value-input-import.service.js';
import { ValueInputRepository } from '../value/value-input.repository.js';

const COLUMNS = VALUE_INPUT_COLUMNS.join(', ');

const TEXTS: ImportCliTexts = {
  usage: {
    'zh-CN': `把月度价值数据（各业务线收入、成本、线路数、投诉数）导入价值分层数据库（DATABASE_URL，
默认为内置数据库），每个客户每月一行。

  npm run import:values -- <文件.csv|文件.json> [--as <工号>] [--dry-run] [--json] [--lang zh-CN|en]

列：${COLUMNS}（金额单位为元，最多两位小数，每项每月不超过 ${MAX_MONTHLY_AMOUNT_YUAN} 元；
lines 不超过 ${MAX_MONTHLY_LINES}，complaints 不超过 ${MAX_MONTHLY_COMPLAINTS}；month 为 YYYY-MM）。
整个文件在一个事务中写入：有效行全部写入，无效行逐行报告、一行也不写；数据库出错则整体回滚、
什么也不写。重复运行同一文件不会改变任何数据。
退出码：0 全部导入；2 部分行有误（其余已导入）；1 未写入任何数据（文件无法读取或导入已回滚）。`,
    en: `Loads monthly value inputs (revenue by service line, costs, lines, complaints) into the
tiering database (DATABASE_URL, the embedded server by default), one row per account and month.

  npm run import:values -- <file.csv|file.json> [--as <employee no.>] [--dry-run] [--json] [--lang zh-CN|en]

Columns: ${COLUMNS} (amounts in yuan with at most two decimals, each at most
${MAX_MONTHLY_AMOUNT_YUAN} a month; lines at most ${MAX_MONTHLY_LINES}, complaints at most
${MAX_MONTHLY_COMPLAINTS}; month YYYY-MM).
The file is written in one transaction: every valid row goes in, no invalid one (each is
listed); if the database refuses anything, nothing is written. Re-running a file changes nothing.
Exit code: 0 all rows loaded, 2 some rows failed (the others loaded), 1 nothing written (the
file could not be read, or the import was rolled back).`,
  },
  zh: {
    ACCOUNT_UNKNOWN: (e) => `价值分层服务中没有客户 ${e.params?.['accountCode'] ?? ''}。`,
    MONTH_INVALID: () => '月份应为 YYYY-MM 格式。',
    MONTH_IN_FUTURE: (e) => `该月份尚未到来（本月为 ${e.params?.['thisMonth'] ?? ''}）。`,
    MONTH_TOO_EARLY: () => `数据从 ${EARLIEST_INPUT_MONTH} 开始。`,
  },
};

await runImportCli(TEXTS, async ({ format, content, subject, dryRun, onProgress }) => {
  const dataSource = createServiceDataSource(
    tieringDatabase(loadConfig(TieringConfig).DATABASE_URL),
  );
  await dataSource.initialize();
  try {
    // The CLI acts as an administrator, on behalf of the employee named with --as.
    return await new ValueInputImportService(new ValueInputRepository(dataSource)).import(
      { subject, roles: ['ADMIN'] },
      format,
      content,
      { dryRun, onProgress },
    );
  } finally {
    await dataSource.destroy();
  }
});
