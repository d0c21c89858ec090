import {
  callers,
  freshCreditCode,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
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
    const headAccount = await h.accounts.get(coordinator, head?.id ?? '');
    expect(await h.hierarchy.rollup(headAccount)).toMatchObject({
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
