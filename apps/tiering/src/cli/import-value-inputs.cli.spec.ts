import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { openTestDataSource, testDatabaseUrl } from '@gap/testing';
import { TIERING_SCHEMA } from '../migrations/index.js';
import { AccountTierEntity } from '../tier-assignment/account-tier.entity.js';

/** `npm run import:values` as a user runs it, in a locale of our choosing. */
function importValues(
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
        'apps/tiering/src/cli/import-value-inputs.ts',
        ...args,
      ],
      { env: { ...env, ...locale, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: 'warn' } },
      (error, stdout) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
        }),
    );
  });
}

describe('the value inputs import command line', () => {
  let dataSource: DataSource;
  const created: string[] = [];
  beforeAll(async () => {
    dataSource = await openTestDataSource({
      schema: TIERING_SCHEMA,
      entities: [AccountTierEntity],
      migrations: [],
    });
  });
  // A tiering run values the whole book: accounts left behind would change its counts.
  afterAll(async () => {
    await dataSource.query(
      'DELETE FROM tiering.value_input WHERE group_account_id = ANY($1::uuid[])',
      [created],
    );
    await dataSource.query(
      'DELETE FROM tiering.account_profile WHERE group_account_id = ANY($1::uuid[])',
      [created],
    );
    await dataSource.destroy();
  });

  it('reports in Chinese by default and in English for an English locale, with the same codes', async () => {
    const code = `GV${randomUUID().replace(/\D/g, '').slice(0, 10)}`;
    const id = randomUUID();
    created.push(id);
    await dataSource.query(
      `INSERT INTO tiering.account_profile (group_account_id, account_code, industry_code, region_code, status, group_head_id)
       VALUES ($1, $2, 'C', '350102', 'ACTIVE', $1)`,
      [id, code],
    );
    const file = join(mkdtempSync(join(tmpdir(), 'gap-values-cli-')), 'values.csv');
    writeFileSync(
      file,
      [
        'accountCode,month,data,lines,complaints',
        `${code},2025-01,100.50,3,0`,
        `${code},2025-02,100,3,1000001`,
      ].join('\n'),
    );

    const chinese = await importValues([file], {});
    expect(chinese.stdout).toBe(
      [
        '共 2 行：新建 1，更新 0，未变 0，失败 1',
        '  第 2 行 complaints：TOO_LARGE complaints 不能超过 1000000。',
        '',
      ].join('\n'),
    );
    expect(chinese.code).toBe(2);

    const english = await importValues([file], { LANG: 'en_US.UTF-8' });
    expect(english.stdout).toBe(
      [
        '2 rows: 0 created, 0 updated, 1 unchanged, 1 failed',
        '  row 2 complaints: TOO_LARGE complaints cannot exceed 1000000 a month.',
        '',
      ].join('\n'),
    );
    expect(english.code).toBe(2);
  }, 180_000);
});
