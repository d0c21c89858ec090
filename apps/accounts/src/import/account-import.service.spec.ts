import {
  callers,
  freshCreditCode,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import type { ImportReport } from '@gap/bulk-import';
import { parseImportFile, type ImportRow } from './import-file.js';

const coordinator = callers.coordinator;
const HEADER =
  'creditCode,name,type,industryCode,regionCode,employees,foundedOn,status,tags,parentCreditCode';

describe('bulk import of accounts', () => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  async function state(codes: readonly string[]) {
    const [row] = await h.dataSource.query<
      { accounts: number; versions: number; events: number }[]
    >(
      `SELECT count(*)::int AS accounts, coalesce(sum(version), 0)::int AS versions,
              (SELECT count(*)::int FROM accounts.outbox o
                WHERE o.message_key IN (SELECT id::text FROM accounts.group_account WHERE credit_code = ANY($1))) AS events
         FROM accounts.group_account WHERE credit_code = ANY($1)`,
      [codes],
    );
    return row;
  }

  function csv(rows: readonly string[]): ImportRow[] {
    return parseImportFile('CSV', [HEADER, ...rows].join('\n'));
  }

  it('creates a group with its hierarchy, children listed before their parent included, and a re-run changes nothing', async () => {
    const [hq, sub, branch] = [freshCreditCode(), freshCreditCode(), freshCreditCode()];
    const file = csv([
      `${branch},闽南物流集团湖里营业部,ENTERPRISE,G,350206,40,2015-06-01,ACTIVE,,${sub}`,
      `${hq},闽南物流集团有限公司,ENTERPRISE,G,350203,5200,1998-03-15,ACTIVE,上市公司;重点项目,`,
      `${sub},闽南物流集团厦门分公司,ENTERPRISE,G,350203,800,2005-09-09,ACTIVE,,${hq}`,
    ]);
    const report = await h.imports.import(coordinator, file);
    expect(report).toMatchObject({
      total: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
    });
    const [head] = await h.dataSource.query<{ id: string; tags: string[] }[]>(
      'SELECT id, tags FROM accounts.group_account WHERE credit_code = $1',
      [hq],
    );
    expect(head?.tags).toEqual(['上市公司', '重点项目']);
    const headAccount = await h.findAccounts.get(coordinator, head?.id ?? '');
    expect(await h.hierarchy.rollup(callers.coordinator, headAccount)).toMatchObject({
      children: 1,
      descendants: 2,
      levelsBelow: 2,
    });

    const before = await state([hq, sub, branch]);
    const again = await h.imports.import(coordinator, file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 0 });
    expect(await state([hq, sub, branch])).toEqual(before);
  });

  it('upserts by credit code: changed rows are updated with their events, a changed parent moves the subtree', async () => {
    const [a, b, c] = [freshCreditCode(), freshCreditCode(), freshCreditCode()];
    await h.imports.import(
      coordinator,
      csv([
        `${a},甲集团,ENTERPRISE,C,350102,100,,ACTIVE,,`,
        `${b},乙集团,ENTERPRISE,C,350102,100,,ACTIVE,,`,
        `${c},甲集团子公司,ENTERPRISE,C,350102,10,,ACTIVE,,${a}`,
      ]),
    );
    const report = await h.imports.import(
      coordinator,
      csv([
        `${a},甲集团,ENTERPRISE,C,350102,150,,ACTIVE,,`,
        `${c},甲集团子公司,ENTERPRISE,C,350102,10,,SUSPENDED,,${b}`,
      ]),
    );
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 0, failed: 0 });
    const [moved] = await h.dataSource.query<{ status: string; parent: string }[]>(
      `SELECT c.status, p.credit_code AS parent FROM accounts.group_account c
         JOIN accounts.group_account p ON p.id = c.parent_id WHERE c.credit_code = $1`,
      [c],
    );
    expect(moved).toEqual({ status: 'SUSPENDED', parent: b });

    // Blank cells keep what the account has: no size wiped, no status reset, no detaching.
    const sparse = await h.imports.import(coordinator, csv([`${c},甲集团子公司,,,,,,,,`]));
    expect(sparse).toMatchObject({ unchanged: 1, updated: 0, failed: 0 });
    const [kept] = await h.dataSource.query<
      { status: string; employees: number; parent: string }[]
    >(
      `SELECT c.status, c.employees, p.credit_code AS parent FROM accounts.group_account c
         JOIN accounts.group_account p ON p.id = c.parent_id WHERE c.credit_code = $1`,
      [c],
    );
    expect(kept).toEqual({ status: 'SUSPENDED', employees: 10, parent: b });
  });

  it('reports each bad row with its number and field, and imports the good ones completely', async () => {
    const [good, bad, orphan, child, dup] = [
      freshCreditCode(),
      freshCreditCode(),
      freshCreditCode(),
      freshCreditCode(),
      freshCreditCode(),
    ];
    const wrong = bad.slice(0, 17) + (bad.charAt(17) === '0' ? '1' : '0');
    const missingParent = freshCreditCode();
    const file = csv([
      `${good},好公司,ENTERPRISE,C,350102,10,2001-01-01,ACTIVE,,`,
      `${wrong},校验位错误公司,ENTERPRISE,C,350102,10,,ACTIVE,,`,
      `${orphan},孤儿公司,ENTERPRISE,C,350102,-4,2999-01-01,ACTIVE,,`,
      `${child},父级失败的子公司,ENTERPRISE,C,350102,10,,ACTIVE,,${wrong}`,
      `${freshCreditCode()},无此父级公司,ENTERPRISE,C,350102,10,,ACTIVE,,${missingParent}`,
      `${dup},重复甲,ENTERPRISE,Z,350102,10,,ACTIVE,,`,
      `${dup},重复乙,SME,C,350102,10,,ACTIVE,,`,
      `${dup},重复丙,SME,C,350102,10,,ACTIVE,,`,
    ]);
    const report = await h.imports.import(coordinator, file);
    expect(report).toMatchObject({ total: 8, created: 1, failed: 7 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'creditCode', 'CREDIT_CODE_CHECK_CHARACTER'],
      [3, 'employees', 'NEGATIVE'],
      [3, 'foundedOn', 'DATE_IN_FUTURE'],
      [4, 'parentCreditCode', 'CREDIT_CODE_CHECK_CHARACTER'],
      [5, 'parentCreditCode', 'PARENT_NOT_FOUND'],
      [6, 'industryCode', 'INDUSTRY_UNKNOWN'],
      [7, 'creditCode', 'DUPLICATE_IN_FILE'],
      [8, 'creditCode', 'DUPLICATE_IN_FILE'],
    ]);
    expect(await state([wrong, orphan, child, dup])).toMatchObject({ accounts: 0, events: 0 });
    expect(await state([good])).toMatchObject({ accounts: 1, events: 1 });
  });

  it('fails a parent cycle within the file and a status the lifecycle does not allow, writing neither', async () => {
    const [x, y, z] = [freshCreditCode(), freshCreditCode(), freshCreditCode()];
    await h.imports.import(coordinator, csv([`${z},已流失公司,ENTERPRISE,C,350102,10,,CHURNED,,`]));
    const report = await h.imports.import(
      coordinator,
      csv([
        `${x},循环甲,ENTERPRISE,C,350102,10,,ACTIVE,,${y}`,
        `${y},循环乙,ENTERPRISE,C,350102,10,,ACTIVE,,${x}`,
        `${z},已流失公司,ENTERPRISE,C,350102,99,,ACTIVE,,`,
      ]),
    );
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'parentCreditCode', 'HIERARCHY_CYCLE'],
      [2, 'parentCreditCode', 'HIERARCHY_CYCLE'],
      [3, 'status', 'STATUS_TRANSITION_REFUSED'],
    ]);
    expect(await state([x, y])).toMatchObject({ accounts: 0 });
    const [kept] = await h.dataSource.query<{ employees: number; version: number }[]>(
      'SELECT employees, version FROM accounts.group_account WHERE credit_code = $1',
      [z],
    );
    expect(kept).toEqual({ employees: 10, version: 1 });
  });

  it('needs the identifying fields for an account not registered yet, and a credit code on every row', async () => {
    const code = freshCreditCode();
    const report = await h.imports.import(
      coordinator,
      csv([`${code},,,,,,,,,`, `,无代码公司,SME,C,350102,,,,,`]),
    );
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'industryCode', 'REQUIRED'],
      [1, 'name', 'REQUIRED'],
      [1, 'regionCode', 'REQUIRED'],
      [1, 'type', 'REQUIRED'],
      [2, 'creditCode', 'REQUIRED'],
    ]);
    expect(await state([code])).toMatchObject({ accounts: 0 });
  });

  it('reads JSON as well, and writes nothing on a dry run', async () => {
    const code = freshCreditCode();
    const rows = parseImportFile(
      'JSON',
      JSON.stringify([
        {
          creditCode: code,
          name: '试运行公司',
          type: 'SME',
          industryCode: 'F',
          regionCode: '350102',
          employees: 12,
          tags: ['小微'],
        },
      ]),
    );
    expect(await h.imports.import(coordinator, rows, { dryRun: true })).toMatchObject({
      created: 0,
      failed: 0,
      dryRun: true,
    });
    expect(await state([code])).toMatchObject({ accounts: 0 });
    expect(await h.imports.import(coordinator, rows)).toMatchObject({ created: 1 });
  });

  it('writes nothing of a file the database refuses half-way, events included, and takes the re-run', async () => {
    const [kept, ...codes] = Array.from({ length: 7 }, () => freshCreditCode());
    const keptCode = kept;
    await h.imports.import(
      coordinator,
      csv([`${keptCode},原有公司,ENTERPRISE,C,350102,10,,ACTIVE,,`]),
    );
    const before = await state([keptCode]);
    const poisoned = codes[5];
    const file = csv([
      `${keptCode},原有公司,ENTERPRISE,C,350102,99,,ACTIVE,,`,
      ...codes.map(
        (code, i) => `${code},新公司${i},SME,C,350102,10,,ACTIVE,,${i > 0 ? codes[0] : ''}`,
      ),
      `${freshCreditCode()},坏行公司,SME,C,350102,-1,,ACTIVE,,`,
    ]);
    // A rule only the database knows, on the last row of the last batch.
    const trigger = `refuse_${poisoned.toLowerCase()}`;
    await h.dataSource.query(`
      CREATE FUNCTION accounts.${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.credit_code = '${poisoned}' THEN
          RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await h.dataSource.query(
      `CREATE TRIGGER ${trigger} BEFORE INSERT ON accounts.group_account
         FOR EACH ROW EXECUTE FUNCTION accounts.${trigger}()`,
    );
    let report: ImportReport;
    try {
      report = await h.imports.import(coordinator, file, { batchSize: 2 });
    } finally {
      await h.dataSource.query(`DROP TRIGGER ${trigger} ON accounts.group_account`);
      await h.dataSource.query(`DROP FUNCTION accounts.${trigger}()`);
    }
    expect(report).toMatchObject({ total: 8, created: 0, updated: 0, failed: 8 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [0, 'file', 'IMPORT_ROLLED_BACK'],
      [8, 'employees', 'NEGATIVE'],
    ]);
    expect(report.errors[0]?.message).toContain('SQLSTATE 23514');
    expect(await state(codes)).toEqual({ accounts: 0, versions: 0, events: 0 });
    expect(await state([keptCode])).toEqual(before);

    expect(await h.imports.import(coordinator, file, { batchSize: 2 })).toMatchObject({
      created: 6,
      updated: 1,
      failed: 1,
    });
    expect(await state(codes)).toMatchObject({ accounts: 6, events: 6 });
  });

  it('undoes a row refused part-way through its writes, and writes the rest of the file', async () => {
    const [head, child, other] = [freshCreditCode(), freshCreditCode(), freshCreditCode()];
    await h.imports.import(
      coordinator,
      csv([
        `${head},集团总部,ENTERPRISE,C,350102,100,,ACTIVE,,`,
        `${child},集团子公司,ENTERPRISE,C,350102,10,,ACTIVE,,${head}`,
      ]),
    );
    const before = await state([head]);
    // The size change is written before the move is found to make a cycle: it must not stay.
    const report = await h.imports.import(
      coordinator,
      csv([
        `${head},集团总部,ENTERPRISE,C,350102,120,,ACTIVE,,${child}`,
        `${other},另一公司,SME,C,350102,5,,ACTIVE,,`,
      ]),
    );
    expect(report).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'parentCreditCode', 'HIERARCHY_CYCLE'],
    ]);
    expect(await state([head])).toEqual(before);
    expect(await state([other])).toMatchObject({ accounts: 1, events: 1 });
  });

  it('bounds every number of a row, refusing it with its field and code', async () => {
    const codes = Array.from({ length: 6 }, () => freshCreditCode());
    const numbers = (employees: string, lines: string) => [employees, lines];
    const rows = [
      numbers('5000001', ''),
      numbers('', '10000001'),
      numbers('-1', '-1'),
      numbers('12.5', ''),
      numbers('0x10', '1e3'),
      numbers('5000000', '10000000'),
    ];
    const report = await h.imports.import(
      coordinator,
      parseImportFile(
        'CSV',
        [
          'creditCode,name,type,industryCode,regionCode,employees,linesCount',
          ...rows.map(([e, l], i) => `${codes[i]},规模公司${i},SME,C,350102,${e},${l}`),
        ].join('\n'),
      ),
    );
    expect(report).toMatchObject({ created: 1, failed: 5 });
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'employees', 'TOO_LARGE'],
      [2, 'linesCount', 'TOO_LARGE'],
      [3, 'employees', 'NEGATIVE'],
      [3, 'linesCount', 'NEGATIVE'],
      [4, 'employees', 'NOT_AN_INTEGER'],
      [5, 'employees', 'NOT_AN_INTEGER'],
      [5, 'linesCount', 'NOT_AN_INTEGER'],
    ]);
    expect(await state(codes.slice(0, 5))).toMatchObject({ accounts: 0 });
    expect(await state(codes.slice(5))).toMatchObject({ accounts: 1 });
  });

  it('counts each row once in its progress, so that it never passes the total', async () => {
    const [dup, good] = [freshCreditCode(), freshCreditCode()];
    const seen: [number, number][] = [];
    await h.imports.import(
      coordinator,
      csv([
        `${freshCreditCode()},两处错误公司,ENTERPRISE,C,350102,-4,2999-01-01,ACTIVE,,`,
        `${dup},重复甲,ENTERPRISE,C,350102,10,,ACTIVE,,`,
        `${dup},重复乙,SME,C,350102,10,,ACTIVE,,`,
        `${good},好公司,ENTERPRISE,C,350102,10,,ACTIVE,,`,
        `${freshCreditCode()},子公司,ENTERPRISE,C,350102,10,,ACTIVE,,${good}`,
        `${freshCreditCode()},无父级公司,ENTERPRISE,C,350102,10,,ACTIVE,,${freshCreditCode()}`,
        `${freshCreditCode()},无行业公司,ENTERPRISE,Z,350102,10,,ACTIVE,,`,
      ]),
      { batchSize: 1, onProgress: (done, total) => seen.push([done, total]) },
    );
    expect(seen.length).toBeGreaterThan(2);
    for (const [index, [done, total]] of seen.entries()) {
      expect(total).toBe(7);
      expect(done).toBeLessThanOrEqual(7);
      expect(done).toBeGreaterThanOrEqual(seen[index - 1]?.[0] ?? 0);
    }
    expect(seen.at(-1)).toEqual([7, 7]);
  });

  it('refuses a file with unknown columns as a whole, naming them', () => {
    expect(() => parseImportFile('CSV', 'creditCode,name,discount\nx,y,z')).toThrow(/discount/);
    expect(() => parseImportFile('JSON', '{"not":"a list"}')).toThrow(/array/);
  });

  it('does not let a manager overwrite an account outside their portfolio', async () => {
    const code = freshCreditCode();
    await h.imports.import(
      coordinator,
      csv([`${code},别人的客户,ENTERPRISE,C,350102,10,,ACTIVE,,`]),
    );
    const [row] = await h.dataSource.query<{ id: string }[]>(
      'SELECT id FROM accounts.group_account WHERE credit_code = $1',
      [code],
    );
    await h.assign(row?.id ?? '', 'E7002');
    const report = await h.imports.import(
      callers.manager('E7001'),
      csv([`${code},被改名的客户,ENTERPRISE,C,350102,10,,ACTIVE,,`]),
    );
    expect(report.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'creditCode', 'CREDIT_CODE_TAKEN'],
    ]);
  });
});
