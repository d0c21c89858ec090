import { randomUUID } from 'node:crypto';
import type { Caller } from '@gap/auth';
import {
  accountInput,
  callers,
  failure,
  freshCreditCode,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import type {
  CreateGroupAccountInput,
  UpdateGroupAccountInput,
} from './dto/group-account.inputs.js';

const manager = callers.manager('E3001');

describe('group accounts', () => {
  let h: AccountsHarness;

  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  async function stored(creditCode: string): Promise<{ accounts: number; events: number }> {
    const [row] = await h.dataSource.query<{ accounts: number; events: number }[]>(
      `SELECT (SELECT count(*)::int FROM accounts.group_account WHERE credit_code = $1) AS accounts,
              (SELECT count(*)::int FROM accounts.outbox WHERE envelope->'payload'->>'creditCode' = $1) AS events`,
      [creditCode],
    );
    return row ?? { accounts: -1, events: -1 };
  }

  async function snapshot(id: string): Promise<unknown> {
    const [row] = await h.dataSource.query<unknown[]>(
      `SELECT a.*, (SELECT count(*) FROM accounts.outbox o WHERE o.message_key = a.id::text) AS events
         FROM accounts.group_account a WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  describe('registering', () => {
    it('stores the account as a prospect with its AccountCreated event, keyed by the account', async () => {
      const request = accountInput({
        employees: 1200,
        foundedOn: '1998-05-04',
        tags: ['上市公司'],
      });
      const account = await h.createAccount.create(manager, request);
      expect(account).toMatchObject({
        status: 'PROSPECT',
        createdBy: 'E3001',
        creditCode: request.creditCode,
        employees: 1200,
        foundedOn: '1998-05-04',
        tags: ['上市公司'],
        depth: 1,
        path: account.accountCode,
      });
      expect(account.accountCode).toMatch(/^GA\d{8}$/);
      const [event] = await h.dataSource.query<{ event_type: string; status: string }[]>(
        'SELECT event_type, status FROM accounts.outbox WHERE message_key = $1',
        [account.id],
      );
      expect(event).toEqual({ event_type: 'AccountCreated', status: 'PENDING' });
    });

    it('stores the credit code normalised, however it was typed', async () => {
      const code = freshCreditCode();
      const account = await h.createAccount.create(
        manager,
        accountInput({ creditCode: ` ${code.toLowerCase().slice(0, 9)} ${code.slice(9)}` }),
      );
      expect(account.creditCode).toBe(code);
    });

    it('refuses a credit code that is already registered and leaves no second account or event', async () => {
      const request = accountInput();
      await h.createAccount.create(manager, request);
      const error = await failure(
        h.createAccount.create(manager, { ...request, name: '另一家物流公司' }),
      );
      expect(error).toMatchObject({
        code: 'CREDIT_CODE_TAKEN',
        kind: 'CONFLICT',
        field: 'input.creditCode',
      });
      expect(await stored(request.creditCode)).toEqual({ accounts: 1, events: 1 });
    });

    const wrongCheck = (() => {
      const code = freshCreditCode();
      const last = code.charAt(17) === '0' ? '1' : '0';
      return code.slice(0, 17) + last;
    })();

    it.each<[string, Partial<CreateGroupAccountInput>, string, string]>([
      [
        'a wrong check character',
        { creditCode: wrongCheck },
        'input.creditCode',
        'CREDIT_CODE_CHECK_CHARACTER',
      ],
      [
        'a code of 17 characters',
        { creditCode: '91350100M000100Y4' },
        'input.creditCode',
        'CREDIT_CODE_LENGTH',
      ],
      [
        'a letter the code never uses',
        { creditCode: '91350100M000100I43' },
        'input.creditCode',
        'CREDIT_CODE_CHARACTER',
      ],
      [
        'letters where the division goes',
        { creditCode: '91ABCDEFM000100Y43' },
        'input.creditCode',
        'CREDIT_CODE_DIVISION',
      ],
      ['an empty credit code', { creditCode: ' ' }, 'input.creditCode', 'REQUIRED'],
      ['an empty name', { name: '   ' }, 'input.name', 'REQUIRED'],
      ['an over-long name', { name: '很'.repeat(201) }, 'input.name', 'TOO_LONG'],
      [
        'a control character in the name',
        { name: '鹭岛\u0007物流' },
        'input.name',
        'CONTROL_CHARACTER',
      ],
      ['an over-long legal name', { legalName: '很'.repeat(201) }, 'input.legalName', 'TOO_LONG'],
      ['an unknown type', { type: 'COOPERATIVE' }, 'input.type', 'TYPE_UNKNOWN'],
      ['an unknown industry code', { industryCode: 'Z' }, 'input.industryCode', 'INDUSTRY_UNKNOWN'],
      ['an unknown province', { regionCode: '990101' }, 'input.regionCode', 'REGION_UNKNOWN'],
      ['a five-digit region', { regionCode: '35020' }, 'input.regionCode', 'REGION_UNKNOWN'],
      ['negative employees', { employees: -1 }, 'input.employees', 'NEGATIVE'],
      ['fractional employees', { employees: 10.5 }, 'input.employees', 'NOT_AN_INTEGER'],
      ['too many employees', { employees: 50_000_000 }, 'input.employees', 'TOO_LARGE'],
      ['negative lines', { linesCount: -3 }, 'input.linesCount', 'NEGATIVE'],
      ['a future founding date', { foundedOn: '2999-01-01' }, 'input.foundedOn', 'DATE_IN_FUTURE'],
      [
        'a founding date that does not exist',
        { foundedOn: '2023-02-29' },
        'input.foundedOn',
        'DATE_INVALID',
      ],
      [
        'a founding date in another format',
        { foundedOn: '04/05/1998' },
        'input.foundedOn',
        'DATE_INVALID',
      ],
      [
        'an implausibly early founding date',
        { foundedOn: '1492-10-12' },
        'input.foundedOn',
        'DATE_TOO_EARLY',
      ],
      ['an empty tag', { tags: ['重点', ' '] }, 'input.tags', 'TAG_INVALID'],
      ['an over-long tag', { tags: ['很'.repeat(31)] }, 'input.tags', 'TAG_INVALID'],
      [
        'too many tags',
        { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        'input.tags',
        'TOO_MANY_TAGS',
      ],
    ])(
      'refuses %s with a code and the field, and writes nothing',
      async (_case, change, field, reason) => {
        const request = accountInput(change);
        const error = await failure(h.createAccount.create(manager, request));
        expect(error.kind).toBe('INVALID_INPUT');
        expect(error.violations.map((v) => [v.field, v.reason])).toEqual([[field, reason]]);
        expect(await stored(request.creditCode.trim() || 'none')).toEqual({
          accounts: 0,
          events: 0,
        });
      },
    );

    it('refuses an unknown parent with a coded error on the parent field', async () => {
      const request = accountInput({ parentId: randomUUID() });
      const error = await failure(h.createAccount.create(manager, request));
      expect(error).toMatchObject({ code: 'GROUP_ACCOUNT_NOT_FOUND', field: 'input.parentId' });
      expect(await stored(request.creditCode)).toEqual({ accounts: 0, events: 0 });
    });

    it('names every invalid field at once', async () => {
      const error = await failure(
        h.createAccount.create(
          manager,
          accountInput({
            creditCode: '91350100M000100Y44',
            industryCode: 'Z',
            regionCode: '990000',
          }),
        ),
      );
      expect(error.violations.map((v) => v.field)).toEqual([
        'input.creditCode',
        'input.industryCode',
        'input.regionCode',
      ]);
    });

    it('accepts a legacy code with a wrong check character from a supervisor who says why, and from no one else', async () => {
      const request = accountInput({
        creditCode: wrongCheck.slice(0, 12) + '123456',
        creditCodeOverrideReason: '1990年代注册的老代码，工商系统核实无误',
      });
      const denied = await failure(h.createAccount.create(manager, request));
      expect(denied).toMatchObject({ code: 'CREDIT_CODE_OVERRIDE_FORBIDDEN', kind: 'FORBIDDEN' });
      const vague = await failure(
        h.createAccount.create(callers.supervisor, {
          ...request,
          creditCodeOverrideReason: '  核 ',
        }),
      );
      expect(vague).toMatchObject({
        code: 'REASON_TOO_SHORT',
        field: 'input.creditCodeOverrideReason',
      });
      const account = await h.createAccount.create(callers.supervisor, request);
      expect(account).toMatchObject({
        creditCodeOverrideReason: request.creditCodeOverrideReason,
        creditCodeOverrideBy: 'S9001',
      });
    });

    it('accepts a short Chinese override reason such as 战略客户, measured by what it says', async () => {
      const code = freshCreditCode();
      const legacy = code.slice(0, 17) + (code.charAt(17) === '0' ? '1' : '0');
      const account = await h.createAccount.create(
        callers.supervisor,
        accountInput({ creditCode: legacy, creditCodeOverrideReason: '战略客户' }),
      );
      expect(account.creditCodeOverrideReason).toBe('战略客户');
      const tooLittle = await failure(
        h.createAccount.create(
          callers.supervisor,
          accountInput({ creditCode: wrongCheck, creditCodeOverrideReason: 'ok' }),
        ),
      );
      expect(tooLittle).toMatchObject({ code: 'REASON_TOO_SHORT' });
    });

    it('does not let a partner register or read group accounts', async () => {
      const request = accountInput();
      expect((await failure(h.createAccount.create(callers.partner, request))).kind).toBe(
        'FORBIDDEN',
      );
      expect((await failure(h.findAccounts.search(callers.partner, { first: 10 }))).kind).toBe(
        'FORBIDDEN',
      );
      expect(await stored(request.creditCode)).toEqual({ accounts: 0, events: 0 });
    });
  });

  describe('updating', () => {
    it('changes only what differs, bumps the version and says what changed', async () => {
      const account = await h.createAccount.create(manager, accountInput());
      const updated = await h.updateAccount.update(manager, {
        id: account.id,
        version: account.version,
        employees: 300,
        name: account.name,
      });
      expect(updated.version).toBe(account.version + 1);
      const [event] = await h.dataSource.query<{ changed: string[] }[]>(
        `SELECT envelope->'payload'->'changed' AS changed FROM accounts.outbox
          WHERE message_key = $1 AND event_type = 'AccountUpdated'`,
        [account.id],
      );
      expect(event?.changed).toEqual(['employees']);
      const again = await h.updateAccount.update(manager, {
        id: account.id,
        version: updated.version,
        employees: 300,
      });
      expect(again.version).toBe(updated.version);
    });

    it('refuses a change made on a stale version, naming the version field', async () => {
      const account = await h.createAccount.create(manager, accountInput());
      await h.updateAccount.update(manager, {
        id: account.id,
        version: account.version,
        linesCount: 10,
      });
      const error = await failure(
        h.updateAccount.update(manager, {
          id: account.id,
          version: account.version,
          linesCount: 20,
        }),
      );
      expect(error).toMatchObject({
        code: 'VERSION_MISMATCH',
        kind: 'CONFLICT',
        field: 'input.version',
      });
    });

    it('lets exactly one of two concurrent updates at the same version through', async () => {
      const account = await h.createAccount.create(manager, accountInput());
      const results = await Promise.allSettled([
        h.updateAccount.update(manager, { id: account.id, version: 1, employees: 1 }),
        h.updateAccount.update(manager, { id: account.id, version: 1, employees: 2 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it.each<[string, Partial<UpdateGroupAccountInput>, string, string]>([
      ['an emptied name', { name: '' }, 'input.name', 'REQUIRED'],
      ['an over-long name', { name: '很'.repeat(201) }, 'input.name', 'TOO_LONG'],
      ['an over-long legal name', { legalName: '很'.repeat(201) }, 'input.legalName', 'TOO_LONG'],
      ['an unknown type', { type: 'COOPERATIVE' }, 'input.type', 'TYPE_UNKNOWN'],
      ['an unknown industry code', { industryCode: 'Z' }, 'input.industryCode', 'INDUSTRY_UNKNOWN'],
      ['an unknown region', { regionCode: '000000' }, 'input.regionCode', 'REGION_UNKNOWN'],
      ['negative employees', { employees: -5 }, 'input.employees', 'NEGATIVE'],
      ['negative lines', { linesCount: -1 }, 'input.linesCount', 'NEGATIVE'],
      ['too many lines', { linesCount: 20_000_000 }, 'input.linesCount', 'TOO_LARGE'],
      ['a future founding date', { foundedOn: '2999-12-31' }, 'input.foundedOn', 'DATE_IN_FUTURE'],
      [
        'an impossible founding date',
        { foundedOn: '2024-13-01' },
        'input.foundedOn',
        'DATE_INVALID',
      ],
      ['an empty tag', { tags: [''] }, 'input.tags', 'TAG_INVALID'],
    ])('refuses an update with %s and changes nothing', async (_case, change, field, reason) => {
      const account = await h.createAccount.create(manager, accountInput());
      const before = await snapshot(account.id);
      const error = await failure(
        h.updateAccount.update(manager, { id: account.id, version: account.version, ...change }),
      );
      expect(error.violations.map((v) => [v.field, v.reason])).toEqual([[field, reason]]);
      expect(await snapshot(account.id)).toEqual(before);
    });

    it('answers an unknown id with a coded not-found error on the id', async () => {
      const error = await failure(
        h.updateAccount.update(manager, { id: randomUUID(), version: 1, employees: 1 }),
      );
      expect(error).toMatchObject({
        code: 'GROUP_ACCOUNT_NOT_FOUND',
        kind: 'NOT_FOUND',
        field: 'input.id',
      });
    });
  });

  describe('the lifecycle', () => {
    it('walks prospect → active → suspended → active → churned → prospect, each with its event', async () => {
      let account = await h.createAccount.create(manager, accountInput());
      for (const [status, reason] of [
        ['ACTIVE', null],
        ['SUSPENDED', '欠费停机'],
        ['ACTIVE', null],
        ['CHURNED', '转网至其他运营商'],
        ['PROSPECT', null],
      ] as const) {
        account = await h.accountStatus.changeStatus(manager, {
          id: account.id,
          version: account.version,
          status,
          reason,
        });
        expect(account.status).toBe(status);
      }
      const [row] = await h.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM accounts.outbox WHERE message_key = $1 AND event_type = 'AccountStatusChanged'`,
        [account.id],
      );
      expect(row?.n).toBe(5);
    });

    it('refuses a transition the lifecycle does not allow, and one that needs a reason without it', async () => {
      const account = await h.createAccount.create(manager, accountInput());
      const skipped = await failure(
        h.accountStatus.changeStatus(manager, {
          id: account.id,
          version: 1,
          status: 'SUSPENDED',
          reason: '测试',
        }),
      );
      expect(skipped).toMatchObject({
        code: 'STATUS_TRANSITION_REFUSED',
        kind: 'PRECONDITION_FAILED',
        field: 'input.status',
      });
      const lost = await failure(
        h.accountStatus.changeStatus(manager, { id: account.id, version: 1, status: 'CHURNED' }),
      );
      expect(lost).toMatchObject({ code: 'REQUIRED', field: 'input.reason' });
      expect((await h.findAccounts.get(manager, account.id)).version).toBe(1);
    });
    it('accepts a short Chinese reason such as 战略客户 to churn, and refuses one that says too little', async () => {
      const account = await h.createAccount.create(manager, accountInput());
      const vague = await failure(
        h.accountStatus.changeStatus(manager, {
          id: account.id,
          version: 1,
          status: 'CHURNED',
          reason: 'no',
        }),
      );
      expect(vague).toMatchObject({ code: 'REASON_TOO_SHORT', field: 'input.reason' });
      const churned = await h.accountStatus.changeStatus(manager, {
        id: account.id,
        version: 1,
        status: 'CHURNED',
        reason: '战略客户',
      });
      expect(churned).toMatchObject({ status: 'CHURNED', statusReason: '战略客户' });
    });
  });

  describe('who sees what', () => {
    let mine: string;
    let theirs: string;
    const me = callers.manager('E4001');
    const other = callers.manager('E4002');
    const supervisor: Caller = { subject: 'S4000', roles: ['SUPERVISOR'] };

    beforeAll(async () => {
      mine = (
        await h.createAccount.create(
          callers.coordinator,
          accountInput({ name: '泉州可见性测试甲公司' }),
        )
      ).id;
      theirs = (
        await h.createAccount.create(
          callers.coordinator,
          accountInput({ name: '泉州可见性测试乙公司' }),
        )
      ).id;
      await h.assign(mine, 'E4001', 'S4000');
      await h.assign(theirs, 'E4002', 'S4999');
    });

    it("answers a manager asking for another manager's account as not found", async () => {
      await expect(h.findAccounts.get(me, mine)).resolves.toMatchObject({ id: mine });
      const error = await failure(h.findAccounts.get(me, theirs));
      expect(error).toMatchObject({ code: 'GROUP_ACCOUNT_NOT_FOUND', kind: 'NOT_FOUND' });
      await expect(h.findAccounts.get(other, theirs)).resolves.toMatchObject({ id: theirs });
    });

    it('leaves accounts the caller may not see out of entity lookups and searches', async () => {
      expect([...(await h.findAccounts.getMany(me, [mine, theirs])).keys()]).toEqual([mine]);
      const page = await h.findAccounts.search(me, {
        first: 50,
        filter: { nameContains: '可见性测试' },
      });
      expect(page.edges.map((e) => e.node.id)).toEqual([mine]);
    });

    it("shows a supervisor their team's accounts and a coordinator all of them", async () => {
      await expect(h.findAccounts.get(supervisor, mine)).resolves.toMatchObject({ id: mine });
      expect((await failure(h.findAccounts.get(supervisor, theirs))).kind).toBe('NOT_FOUND');
      const all = await h.findAccounts.search(callers.coordinator, {
        first: 50,
        filter: { nameContains: '可见性测试' },
      });
      expect(all.edges).toHaveLength(2);
    });

    it('lists only their own portfolio under myPortfolio, even for a coordinator', async () => {
      const page = await h.findAccounts.search(me, { first: 50 }, 'myPortfolio');
      expect(page.edges.map((e) => e.node.id)).toEqual([mine]);
      // The coordinator sees both accounts in groupAccounts, but manages neither.
      const coordinators = await h.findAccounts.search(
        callers.coordinator,
        { first: 50, filter: { nameContains: '可见性测试' } },
        'myPortfolio',
      );
      expect(coordinators.edges).toEqual([]);
    });

    it('moves the account out of sight of the manager it was taken from', async () => {
      const moving = (await h.createAccount.create(callers.coordinator, accountInput())).id;
      await h.assign(moving, 'E4001');
      await h.assign(moving, 'E4002');
      expect((await failure(h.findAccounts.get(me, moving))).kind).toBe('NOT_FOUND');
      await expect(h.findAccounts.get(other, moving)).resolves.toMatchObject({ id: moving });
    });

    it('takes an account out of a leaver’s portfolio when nobody could succeed them', async () => {
      const left = (await h.createAccount.create(callers.coordinator, accountInput())).id;
      const kept = (await h.createAccount.create(callers.coordinator, accountInput())).id;
      await h.assign(left, 'E4001', 'S4000');
      await h.assign(kept, 'E4001', 'S4000');
      await h.unassignable(left, null);
      await h.unassignable(kept, 'E4001');
      expect((await failure(h.findAccounts.get(me, left))).kind).toBe('NOT_FOUND');
      const supervisor = { subject: 'S4000', roles: ['SUPERVISOR'] } as const;
      expect((await failure(h.findAccounts.get(supervisor, left))).kind).toBe('NOT_FOUND');
      await expect(h.findAccounts.get(me, kept)).resolves.toMatchObject({ id: kept });
    });

    it('lets whoever registered an account follow it up until it has a primary manager', async () => {
      const registrar = callers.manager('E4003');
      const account = await h.createAccount.create(registrar, accountInput());
      await expect(h.findAccounts.get(registrar, account.id)).resolves.toMatchObject({
        id: account.id,
      });
      await h.assign(account.id, 'E4001');
      expect((await failure(h.findAccounts.get(registrar, account.id))).kind).toBe('NOT_FOUND');
    });
  });

  describe('finding accounts', () => {
    const tag = `检索${Date.now()}`;
    beforeAll(async () => {
      for (const [name, industryCode, regionCode, status] of [
        ['厦门鹭岛智能装备有限公司', 'C', '350203', 'ACTIVE'],
        ['厦门海沧精密制造有限公司', 'C', '350205', 'ACTIVE'],
        ['福州闽江智能装备有限公司', 'C', '350102', 'ACTIVE'],
        ['厦门鹭岛物流有限公司', 'G', '350203', 'ACTIVE'],
        ['厦门思明软件有限公司', 'C', '350203', 'PROSPECT'],
      ] as const) {
        const account = await h.createAccount.create(
          callers.coordinator,
          accountInput({ name, industryCode, regionCode, tags: [tag] }),
        );
        if (status === 'ACTIVE')
          await h.accountStatus.changeStatus(callers.coordinator, {
            id: account.id,
            version: 1,
            status,
          });
      }
    });

    it('filters by industry, region prefix and status, sorted by name, a page at a time', async () => {
      const query = {
        first: 1,
        filter: { tag, industryCodes: ['C'], regionCode: '3502', statuses: ['ACTIVE' as const] },
        orderBy: { field: 'NAME' as const, direction: 'ASC' as const },
      };
      const first = await h.findAccounts.search(callers.coordinator, query);
      const second = await h.findAccounts.search(callers.coordinator, {
        ...query,
        after: first.pageInfo.endCursor ?? undefined,
      });
      expect([...first.edges, ...second.edges].map((e) => e.node.name)).toEqual([
        '厦门海沧精密制造有限公司',
        '厦门鹭岛智能装备有限公司',
      ]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('finds Chinese names by any part of them', async () => {
      const page = await h.findAccounts.search(callers.coordinator, {
        first: 10,
        filter: { tag, nameContains: '鹭岛' },
      });
      expect(page.edges.map((e) => e.node.name).sort()).toEqual([
        '厦门鹭岛智能装备有限公司',
        '厦门鹭岛物流有限公司',
      ]);
    });

    it('sorts descending by account code', async () => {
      const page = await h.findAccounts.search(callers.coordinator, {
        first: 10,
        filter: { tag },
        orderBy: { field: 'ACCOUNT_CODE', direction: 'DESC' },
      });
      const codes = page.edges.map((e) => e.node.accountCode);
      expect(codes).toEqual([...codes].sort().reverse());
      expect(codes).toHaveLength(5);
    });
  });
});
