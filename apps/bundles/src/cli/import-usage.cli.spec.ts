import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { testDatabaseUrl } from '@gap/testing';
import {
  bundleServices,
  openBundlesTestDatabase,
  seedAccount,
  seedCatalogue,
  seedSubscription,
  type BundleServices,
} from '../testing/bundles-harness.js';

const SUFFIX = 'adoption_cli';
let dataSource: DataSource;
let services: BundleServices;

/** The database `openBundlesTestDatabase(SUFFIX)` made, for the command line to use. */
function ownUrl(): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_bundles_${SUFFIX}`;
  return url.toString();
}

/** `npm run import:usage` as a user runs it, in a locale of our choosing. */
function importUsage(
  args: readonly string[],
  locale: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'apps/bundles/src/cli/import-usage.ts',
        ...args,
      ],
      { env: { ...env, ...locale, DATABASE_URL: ownUrl(), LOG_LEVEL: 'warn' } },
      (error, stdout) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
        }),
    );
  });
}

beforeAll(async () => {
  dataSource = await openBundlesTestDatabase(SUFFIX);
  services = bundleServices(dataSource);
  await seedCatalogue(services);
});
afterAll(async () => {
  await services.trialQueue.stop();
  await dataSource.destroy();
});

describe('the usage import command line', () => {
  it('refuses a file with a wrong row whole (exit 1), then loads the corrected file (exit 0)', async () => {
    const accountId = await seedAccount(dataSource);
    const id = await seedSubscription(dataSource, accountId, { quantity: 20 });
    const dir = mkdtempSync(join(tmpdir(), 'gap-usage-cli-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `subscriptionId,month,usage\n${id},2026-03,12\n${id},2026-04,-1\n`);
    const refused = await importUsage([bad], {});
    expect(refused.stdout).toBe(
      [
        '共 2 行：新建 0，更新 0，未变 0，失败 2',
        '  整个文件 file：USAGE_FILE_REJECTED 2 行中有 1 行有误，整个文件未写入。修正后重新运行即可。',
        '  第 2 行 usage：NEGATIVE usage 不能为负数。',
        '',
      ].join('\n'),
    );
    expect(refused.code).toBe(1);

    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify([{ subscriptionId: id, month: '2026-03', usage: 12 }]));
    const loaded = await importUsage([good, '--as', 'E1001'], { LANG: 'en_US.UTF-8' });
    expect(loaded.stdout).toBe('1 rows: 1 created, 0 updated, 0 unchanged, 0 failed\n');
    expect(loaded.code).toBe(0);
    const rows = await dataSource.query<{ usage: string; by: string }[]>(
      'SELECT usage, imported_by AS by FROM bundles.usage WHERE subscription_id = $1',
      [id],
    );
    expect(rows).toEqual([{ usage: '12', by: 'E1001' }]);
  }, 180_000);
});
