import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ImportFileError } from '@gap/bulk-import';
import { openTestDataSource } from '@gap/testing';
import { TIERING_SCHEMA } from '../migrations/index.js';
import { AccountTierEntity } from '../tier-assignment/account-tier.entity.js';
import { ValueInputImportService } from './value-input-import.service.js';

const admin = { subject: 'A1', roles: ['ADMIN' as const] };
const HEADER = 'accountCode,month,voice,data,leasedLine,commission,lines,complaints';

describe('loading value inputs', () => {
  let dataSource: DataSource;
  let imports: ValueInputImportService;
  let known: string[];

  beforeAll(async () => {
    dataSource = await openTestDataSource({
      schema: TIERING_SCHEMA,
      entities: [AccountTierEntity],
      migrations: [],
    });
    imports = new ValueInputImportService(dataSource);
    known = Array.from({ length: 3 }, () => `GV${randomUUID().replace(/\D/g, '').slice(0, 10)}`);
    for (const code of known) {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO tiering.account_profile (group_account_id, account_code, industry_code, region_code, status, group_head_id)
         VALUES ($1, $2, 'C', '350102', 'ACTIVE', $1)`,
        [id, code],
      );
    }
  });
  afterAll(() => dataSource.destroy());

  const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
  const stored = async (code: string) =>
    dataSource.query<{ month: string; revenue_data: string; lines: number }[]>(
      `SELECT to_char(v.month, 'YYYY-MM') AS month, v.revenue_data, v.lines FROM tiering.value_input v
         JOIN tiering.account_profile p USING (group_account_id) WHERE p.account_code = $1 ORDER BY v.month`,
      [code],
    );

  it('loads one row per account and month, and a re-run of the same file changes nothing', async () => {
    const [a, b] = known as [string, string];
    const file = csv(
      `${a},2026-01,1200,8800.50,30000,500,40,1`,
      `${a},2026-02,1200,9100,30000,500,41,0`,
      `${b},2026-01,,300,,,3,`,
    );
    expect(await imports.import(admin, 'CSV', file)).toMatchObject({
      total: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      failed: 0,
    });
    expect(await stored(a)).toEqual([
      { month: '2026-01', revenue_data: '8800.50', lines: 40 },
      { month: '2026-02', revenue_data: '9100.00', lines: 41 },
    ]);
    const [before] = await dataSource.query<{ at: Date }[]>(
      'SELECT max(loaded_at) AS at FROM tiering.value_input',
    );
    expect(await imports.import(admin, 'CSV', file)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    const [after] = await dataSource.query<{ at: Date }[]>(
      'SELECT max(loaded_at) AS at FROM tiering.value_input',
    );
    expect(after?.at).toEqual(before?.at);
    expect(
      await imports.import(admin, 'CSV', csv(`${a},2026-02,1200,9999,30000,500,41,0`)),
    ).toMatchObject({ updated: 1 });
  });

  it('names each bad row and field: unknown account, future month, negatives, duplicates; writes the good rows only', async () => {
    const c = known[2];
    const file = csv(
      `${c},2025-12,100,100,0,0,1,0`,
      `GA99999999,2025-12,100,100,0,0,1,0`,
      `${c},2999-01,100,100,0,0,1,0`,
      `${c},2025-13,100,100,0,0,1,0`,
      `${c},2025-11,-5,100,0,0,1.5,-1`,
      `${c},2025-10,1,1,1,1,1,1`,
      `${c},2025-10,2,2,2,2,2,2`,
    );
    const report = await imports.import(admin, 'CSV', file);
    expect(report).toMatchObject({ total: 7, created: 1, failed: 6 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'accountCode', 'ACCOUNT_UNKNOWN'],
      [3, 'month', 'MONTH_IN_FUTURE'],
      [4, 'month', 'MONTH_INVALID'],
      [5, 'complaints', 'NEGATIVE'],
      [5, 'lines', 'NOT_AN_INTEGER'],
      [5, 'voice', 'NEGATIVE'],
      [6, 'month', 'DUPLICATE_IN_FILE'],
      [7, 'month', 'DUPLICATE_IN_FILE'],
    ]);
    expect((await stored(c)).map((r) => r.month)).toEqual(['2025-12']);
  });

  it('refuses a file with a service line it does not know, as a whole', async () => {
    await expect(
      imports.import(admin, 'CSV', 'accountCode,month,satellite\nGA1,2026-01,5'),
    ).rejects.toThrow(ImportFileError);
    await expect(
      imports.import(admin, 'CSV', 'accountCode,month,satellite\nGA1,2026-01,5'),
    ).rejects.toThrow(/satellite/);
  });

  it('reads JSON, writes nothing on a dry run, and lets only admins load', async () => {
    const code = known[2];
    const json = JSON.stringify([{ accountCode: code, month: '2025-06', data: 50, cloud: 20 }]);
    expect(await imports.import(admin, 'JSON', json, { dryRun: true })).toMatchObject({
      created: 0,
      failed: 0,
      dryRun: true,
    });
    expect((await stored(code)).map((r) => r.month)).not.toContain('2025-06');
    expect(await imports.import(admin, 'JSON', json)).toMatchObject({ created: 1 });
    await expect(
      imports.import({ subject: 'S1', roles: ['SUPERVISOR'] }, 'JSON', json),
    ).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });
});
