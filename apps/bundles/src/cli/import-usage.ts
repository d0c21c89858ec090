import 'reflect-metadata';
import { runImportCli, type ImportCliTexts, type ImportReport } from '@gap/bulk-import';
import { loadConfig } from '@gap/config';
import { createServiceDataSource } from '@gap/database';
import { USAGE_FILE_REJECTED, UsageImportService } from '../adoption/usage-import.service.js';
import { UsageRepository } from '../adoption/usage.repository.js';
import { MAX_MONTHLY_USAGE, USAGE_COLUMNS } from '../adoption/usage-rows.js';
import { BundlesConfig } from '../bundles.config.js';
import { bundlesDatabase } from '../bundles.database.js';

const COLUMNS = USAGE_COLUMNS.join(', ');

const TEXTS: ImportCliTexts = {
  usage: {
    'zh-CN': `把各订购的月度使用量导入融合产品数据库（DATABASE_URL，默认为内置数据库），每个订购每月一行。

  npm run import:usage -- <文件.csv|文件.json> [--as <工号>] [--dry-run] [--json] [--lang zh-CN|en]

列：${COLUMNS}（month 为 YYYY-MM，不能晚于本月；usage 为该月使用的产品单位数，整数，
不超过 ${MAX_MONTHLY_USAGE}）。权益量为该月最后一天订购的数量。
整个文件在一个事务中写入，要么全部写入，要么什么也不写：任何一行有误（逐行报告行号、字段和代码）
或数据库出错，都不写入任何数据。重复导入同一月份会替换该月数据；内容相同则不变。
退出码：0 全部导入；1 未写入任何数据（文件无法读取、有错误行或导入已回滚）。`,
    en: `Loads monthly usage per subscription into the bundles database (DATABASE_URL, the embedded
server by default), one row per subscription and month.

  npm run import:usage -- <file.csv|file.json> [--as <employee no.>] [--dry-run] [--json] [--lang zh-CN|en]

Columns: ${COLUMNS} (month YYYY-MM, not after this month; usage the units of the product used
that month, a whole number up to ${MAX_MONTHLY_USAGE}). The entitlement is the quantity
subscribed on the month's last day.
The file goes in whole or not at all: if any row is wrong (each is listed with its number, field
and code) or the database refuses anything, nothing is written. Re-importing a month replaces it;
an equal row is left unchanged.
Exit code: 0 all rows loaded, 1 nothing written (the file could not be read, a row is wrong, or
the import was rolled back).`,
  },
  zh: {
    SUBSCRIPTION_ID_INVALID: () => 'subscriptionId 不是有效的订购编号（UUID）。',
    SUBSCRIPTION_UNKNOWN: (e) => `没有订购 ${e.params?.['subscriptionId'] ?? ''}。`,
    MONTH_INVALID: () => '月份应为 YYYY-MM 格式。',
    MONTH_IN_FUTURE: (e) => `该月份尚未到来（本月为 ${e.params?.['thisMonth'] ?? ''}）。`,
    MONTH_OUTSIDE_SUBSCRIPTION: (e) =>
      `该订购在这个月未生效（生效期 ${e.params?.['runs'] ?? ''}）。`,
    [USAGE_FILE_REJECTED]: (e) =>
      `${e.params?.['total'] ?? ''} 行中有 ${e.params?.['wrong'] ?? ''} 行有误，整个文件未写入。修正后重新运行即可。`,
  },
};

let refused = false;
await runImportCli(TEXTS, async ({ format, content, subject, dryRun, onProgress }) => {
  const dataSource = createServiceDataSource(
    bundlesDatabase(loadConfig(BundlesConfig).DATABASE_URL),
  );
  await dataSource.initialize();
  try {
    // The CLI acts as an administrator, on behalf of the employee named with --as.
    const report: ImportReport = await new UsageImportService(
      new UsageRepository(dataSource),
    ).import({ subject, roles: ['ADMIN'] }, format, content, { dryRun, onProgress });
    refused = report.errors.some((e) => e.row === 0 && e.code === USAGE_FILE_REJECTED);
    return report;
  } finally {
    await dataSource.destroy();
  }
});
// A refused file wrote nothing: the exit code says so, as for a file rolled back.
if (refused) process.exitCode = 1;
