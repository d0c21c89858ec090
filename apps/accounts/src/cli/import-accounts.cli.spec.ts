import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseUrl } from '@gap/testing';
import {
  freshCreditCode,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run import:accounts` as a user runs it, in a locale of our choosing. */
function importAccounts(args: readonly string[], locale: Record<string, string>): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'apps/accounts/src/cli/import-accounts.ts',
        ...args,
      ],
      { env: { ...env, ...locale, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'warn' } },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

const percents = (stderr: string) =>
  [...stderr.matchAll(/(\d+)% (\d+)\/(\d+)/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
    Number(m[3]),
  ]);

describe('the accounts import command line', () => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  /** A file of two new accounts and a third with a negative head count. */
  function accountsFile(): { file: string; good: string[] } {
    const good = [freshCreditCode(), freshCreditCode()];
    const file = join(mkdtempSync(join(tmpdir(), 'gap-import-cli-')), 'accounts.csv');
    writeFileSync(
      file,
      [
        'creditCode,name,type,industryCode,regionCode,employees,status',
        `${good[0]},命令行公司甲,SME,C,350102,10,ACTIVE`,
        `${good[1]},命令行公司乙,SME,C,350102,20,ACTIVE`,
        `${freshCreditCode()},命令行坏公司,SME,C,350102,-1,ACTIVE`,
      ].join('\n'),
    );
    return { file, good };
  }

  it('reports in Chinese by default, with the codes, and exits 2 when some rows failed', async () => {
    const { file, good } = accountsFile();
    const run = await importAccounts([file], {});
    expect(run.stdout).toBe(
      [
        '共 3 行：新建 2，更新 0，未变 0，失败 1',
        '  第 3 行 employees：NEGATIVE employees 不能为负数。',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('导入 [');
    const shown = percents(run.stderr);
    expect(shown.at(-1)).toEqual([100, 3, 3]);
    expect(shown.every(([percent, done, total]) => percent <= 100 && done <= total)).toBe(true);
    const [row] = await h.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM accounts.group_account WHERE credit_code = ANY($1)',
      [good],
    );
    expect(row?.n).toBe(2);
  }, 120_000);

  it('reports in English when the locale is English, or when asked with --lang en', async () => {
    const { file } = accountsFile();
    const english = [
      '3 rows: 2 created, 0 updated, 0 unchanged, 1 failed',
      '  row 3 employees: NEGATIVE employees cannot be negative.',
      '',
    ].join('\n');
    const byLocale = await importAccounts([file], { LANG: 'en_US.UTF-8' });
    expect(byLocale.stdout).toBe(english);
    expect(byLocale.stderr).toContain('importing [');
    expect(byLocale.code).toBe(2);
    const byFlag = await importAccounts([file, '--lang', 'en', '--dry-run'], {
      LANG: 'zh_CN.UTF-8',
    });
    expect(byFlag.stdout).toBe(
      '3 rows: 0 created, 0 updated, 0 unchanged, 1 failed (dry run: nothing written)\n  row 3 employees: NEGATIVE employees cannot be negative.\n',
    );
  }, 180_000);
});
