import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ImportFileError, type ImportReport } from '@gap/bulk-import';
import { openTestDataSource } from '@gap/testing';
import { TIERING_SCHEMA } from '../migrations/index.js';
import { AccountTierEntity } from '../tier-assignment/account-tier.entity.js';
import { ValueInputImportService } from './value-input-import.service.js';
import { ValueInputRepository } from './value-input.repository.js';

/** Removes test accounts, with their inputs, from tiering's book. */
async function forget(dataSource: DataSource, ids: readonly string[]): Promise<void> {
  await dataSource.query(
    'DELETE FROM tiering.value_input WHERE group_account_id = ANY($1::uuid[])',
    [ids],
  );
  await dataSource.query(
    'DELETE FROM tiering.account_profile WHERE group_account_id = ANY($1::uuid[])',
    [ids],
  );
}

const admin = { subject: 'A1', roles: ['ADMIN' as const] };
const HEADER = 'accountCode,month,voice,data,leasedLine,commission,lines,complaints';

describe('loading value inputs', () => {
  let dataSource: DataSource;
  let imports: ValueInputImportService;
  let known: string[];
  const created: string[] = [];

  beforeAll(async () => {
    dataSource = await openTestDataSource({
      schema: TIERING_SCHEMA,
      entities: [AccountTierEntity],
      migrations: [],
    });
    imports = new ValueInputImportService(new ValueInputRepository(dataSource));
    known = await profiles(3);
  });

  /** Accounts known to tiering, under fresh codes. */
  async function profiles(count: number): Promise<string[]> {
    const codes = Array.from(
      { length: count },
      () => `GV${randomUUID().replace(/\D/g, '').slice(0, 10)}`,
    );
    for (const code of codes) {
      const id = randomUUID();
      created.push(id);
      await dataSource.query(
        `INSERT INTO tiering.account_profile (group_account_id, account_code, industry_code, region_code, status, group_head_id)
         VALUES ($1, $2, 'C', '350102', 'ACTIVE', $1)`,
        [id, code],
      );
    }
    return codes;
  }
  // A tiering run values the whole book: accounts left behind would change its counts.
  afterAll(async () => {
    await forget(dataSource, created);
    await dataSource.destroy();
  });

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

  it('refuses every out-of-bounds number per row, naming its field, and writes the rows in bounds', async () => {
    const c = known[2];
    const file = [
      'accountCode,month,voice,cloud,operating,lines,complaints',
      `${c},2024-01,1000000000000.01,0,0,0,0`,
      `${c},2024-02,0,12.345,0,0,0`,
      `${c},2024-03,0,0,-0.5,0,0`,
      `${c},2024-04,0,0,0,10000001,0`,
      `${c},2024-05,0,0,0,0,2147483648`,
      `${c},2024-06,1000000000000,0.01,0,10000000,1000000`,
    ].join('\n');
    const seen: [number, number][] = [];
    const report = await imports.import(admin, 'CSV', file, {
      onProgress: (done, total) => seen.push([done, total]),
    });
    expect(report).toMatchObject({ total: 6, created: 1, failed: 5 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'voice', 'TOO_LARGE'],
      [2, 'cloud', 'TOO_MANY_DECIMALS'],
      [3, 'operating', 'NEGATIVE'],
      [4, 'lines', 'TOO_LARGE'],
      [5, 'complaints', 'TOO_LARGE'],
    ]);
    expect(
      (await stored(c)).filter((r) => r.month.startsWith('2024-')).map((r) => r.month),
    ).toEqual(['2024-06']);
    expect(seen.every(([done, total]) => done <= total && total === 6)).toBe(true);
    expect(seen.at(-1)).toEqual([6, 6]);
  });

  it('writes nothing of a file the database refuses half-way, says so, and takes a re-run once fixed', async () => {
    // 36 accounts over 2017-2023 (the run spec keeps 2015-2016 to itself, others the last
    // years): the refused account-month sits in the last statement, so a batch-by-batch import
    // would already have committed the first ones.
    const codes = await profiles(36);
    const poisoned = codes[35];
    const months = Array.from({ length: 84 }, (_, i) =>
      new Date(Date.UTC(2017, i, 1)).toISOString().slice(0, 7),
    );
    const rows = codes.flatMap((code) => months.map((month) => `${code},${month},100,200,0,0,3,0`));
    rows.push(`${codes[0]},2025-13,1,1,1,1,1,1`);
    const [{ id }] = await dataSource.query<{ id: string }[]>(
      'SELECT group_account_id AS id FROM tiering.account_profile WHERE account_code = $1',
      [poisoned],
    );
    const trigger = `refuse_${id.replace(/-/g, '').slice(0, 12)}`;
    await dataSource.query(`
      CREATE FUNCTION tiering.${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.group_account_id = '${id}' AND NEW.month = DATE '2023-12-01' THEN
          RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await dataSource.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON tiering.value_input
         FOR EACH ROW EXECUTE FUNCTION tiering.${trigger}()`,
    );
    let report: ImportReport | undefined;
    try {
      report = await imports.import(admin, 'CSV', csv(...rows));
    } finally {
      await dataSource.query(`DROP TRIGGER ${trigger} ON tiering.value_input`);
      await dataSource.query(`DROP FUNCTION tiering.${trigger}()`);
    }
    expect(report).toMatchObject({ total: 3025, created: 0, updated: 0, failed: 3025 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [0, 'file', 'IMPORT_ROLLED_BACK'],
      [3025, 'month', 'MONTH_INVALID'],
    ]);
    expect(report.errors[0]?.message).toContain('SQLSTATE 23514');
    const [written] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM tiering.value_input v
         JOIN tiering.account_profile p USING (group_account_id) WHERE p.account_code = ANY($1)`,
      [codes],
    );
    expect(written?.n).toBe(0);

    expect(await imports.import(admin, 'CSV', csv(...rows))).toMatchObject({
      created: 3024,
      failed: 1,
    });
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
