import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyPortfolioFacts } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { testDatabaseUrl } from '@gap/testing';
import {
  accountInput,
  callers,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run export:portfolio` as a user runs it, in a locale of our choosing. */
function exportPortfolio(args: readonly string[], locale: Record<string, string>): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'apps/accounts/src/cli/export-portfolio.ts',
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

/** The file's data lines, without the BOM and the header. */
const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1);

describe('the portfolio export command line', () => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  /** Three accounts named after a fresh marker: two of tier A (one a manager's), one of B. */
  async function portfolio() {
    const marker = `命令行导出${randomUUID().slice(0, 6)}`;
    const make = (caller: Caller, n: number) =>
      h.createAccount.create(caller, accountInput({ name: `${marker}${n}` }));
    const a1 = await make(callers.manager('E7801'), 1);
    const a2 = await make(callers.admin, 2);
    const b3 = await make(callers.admin, 3);
    const at = '2026-11-30T02:00:00.000Z';
    await h.portfolioFacts.save(h.dataSource.manager, [
      { ...emptyPortfolioFacts(a1.id, at), tier: 'A', currentValue: '100' },
      { ...emptyPortfolioFacts(a2.id, at), tier: 'A', currentValue: '-12345' },
      { ...emptyPortfolioFacts(b3.id, at), tier: 'B', currentValue: '7' },
    ]);
    return { marker, a1, a2 };
  }

  it('writes the filter’s accounts to a file with a progress bar to 100 %, in Chinese by default', async () => {
    const { marker, a1, a2 } = await portfolio();
    const folder = mkdtempSync(join(tmpdir(), 'gap-export-cli-'));
    const out = join(folder, 'a.csv');
    const run = await exportPortfolio(
      ['--out', out, '--name-contains', marker, '--tiers', 'A', '--order-by', 'CURRENT_VALUE'],
      {},
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已导出 2 个客户到 ${out}\n`);
    expect(run.stderr).toContain('导出 [');
    const shown = percents(run.stderr);
    expect(shown.at(-1)).toEqual([100, 2, 2]);
    expect(shown.every(([percent, done, total]) => percent <= 100 && done <= total)).toBe(true);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines(csv).map((line) => line.split(',').slice(0, 2))).toEqual([
      [a2.accountCode, `${marker}2`],
      [a1.accountCode, `${marker}1`],
    ]);
    expect(lines(csv)[0]).toContain(',-123.45,');
    // Written beside its name and renamed once whole.
    expect(readdirSync(folder)).toEqual(['a.csv']);
  }, 120_000);

  it('exports what a manager sees when run as one, to standard output with `--out -`', async () => {
    const { marker, a1 } = await portfolio();
    const run = await exportPortfolio(
      ['--out', '-', '--as', 'E7801', '--role', 'ACCOUNT_MANAGER', '--name-contains', marker],
      { LANG: 'en_US.UTF-8' },
    );
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((line) => line.split(',')[0])).toEqual([a1.accountCode]);
    // The bar would mix with the file on a terminal: only the summary goes to stderr.
    expect(run.stderr).toBe('Exported 1 accounts to stdout\n');
  }, 120_000);

  it('refuses bad options by name and code, in English when asked, and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'gap-export-cli-'));
    const out = join(folder, 'bad.csv');
    const run = await exportPortfolio(
      ['--out', out, '--tiers', 'A,Z', '--current-value-min', '1.5', '--lang', 'en'],
      { LANG: 'zh_CN.UTF-8' },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Invalid options:\n {2}--tiers: isIn .*\n {2}--current-value-min: NOT_WHOLE_FEN /,
    );
    expect(existsSync(out)).toBe(false);
    const partner = await exportPortfolio(['--out', out, '--role', 'PARTNER'], {});
    expect(partner.code).toBe(1);
    expect(partner.stderr).toContain('导出失败，未生成文件');
    expect(readdirSync(folder)).toEqual([]);
  }, 120_000);
});
