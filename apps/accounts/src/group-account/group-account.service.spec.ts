import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { creditCodeCheckCharacter } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { openTestDataSource } from '@gap/testing';
import { ACCOUNTS_SCHEMA } from '../migrations/index.js';
import type { CreateGroupAccountInput } from './dto/create-group-account.input.js';
import { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountRepository } from './group-account.repository.js';
import { GroupAccountService } from './group-account.service.js';

const manager: Caller = { subject: 'E3001', roles: ['ACCOUNT_MANAGER'] };

function freshCreditCode(): string {
  const body = `91350100${randomUUID().replace(/\D/g, '').padEnd(9, '3').slice(0, 9)}`;
  return body + creditCodeCheckCharacter(body);
}

function input(overrides: Partial<CreateGroupAccountInput> = {}): CreateGroupAccountInput {
  return {
    name: '厦门鹭岛物流集团有限公司',
    creditCode: freshCreditCode(),
    type: 'ENTERPRISE',
    industryCode: 'G',
    regionCode: '350203',
    ...overrides,
  };
}

describe('registering a group account', () => {
  let dataSource: DataSource;
  let accounts: GroupAccountService;

  beforeAll(async () => {
    dataSource = await openTestDataSource({
      schema: ACCOUNTS_SCHEMA,
      entities: [GroupAccountEntity],
      migrations: [],
    });
    accounts = new GroupAccountService(
      new GroupAccountRepository(dataSource),
      new OutboxPublisher(dataSource),
    );
  });

  afterAll(() => dataSource.destroy());

  async function stored(creditCode: string): Promise<{ accounts: number; events: number }> {
    const [row] = await dataSource.query<{ accounts: number; events: number }[]>(
      `SELECT (SELECT count(*)::int FROM accounts.group_account WHERE credit_code = $1) AS accounts,
              (SELECT count(*)::int FROM accounts.outbox WHERE envelope->'payload'->>'creditCode' = $1) AS events`,
      [creditCode],
    );
    return row ?? { accounts: -1, events: -1 };
  }

  async function failure(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  it('stores the account as a prospect with its AccountCreated event, keyed by the account', async () => {
    const request = input();
    const account = await accounts.create(manager, request);
    expect(account).toMatchObject({
      status: 'PROSPECT',
      createdBy: 'E3001',
      creditCode: request.creditCode,
    });
    const [event] = await dataSource.query<
      { message_key: string; event_type: string; status: string }[]
    >('SELECT message_key, event_type, status FROM accounts.outbox WHERE message_key = $1', [
      account.id,
    ]);
    expect(event).toEqual({
      message_key: account.id,
      event_type: 'AccountCreated',
      status: 'PENDING',
    });
  });

  it('stores the credit code normalised, however it was typed', async () => {
    const code = freshCreditCode();
    const account = await accounts.create(
      manager,
      input({ creditCode: ` ${code.toLowerCase().slice(0, 9)} ${code.slice(9)}` }),
    );
    expect(account.creditCode).toBe(code);
  });

  it('refuses a credit code that is already registered and leaves no second account or event', async () => {
    const request = input();
    await accounts.create(manager, request);
    const error = await failure(accounts.create(manager, { ...request, name: '另一家物流公司' }));
    expect(error).toMatchObject({
      code: 'CREDIT_CODE_TAKEN',
      kind: 'CONFLICT',
      field: 'input.creditCode',
    });
    expect(await stored(request.creditCode)).toEqual({ accounts: 1, events: 1 });
  });

  it('names every invalid field at once and writes nothing', async () => {
    const request = input({
      creditCode: '91350100M000100Y44',
      industryCode: 'Z',
      regionCode: '990000',
    });
    const error = await failure(accounts.create(manager, request));
    expect(error.kind).toBe('INVALID_INPUT');
    expect(error.violations.map((v) => [v.field, v.reason])).toEqual([
      ['input.creditCode', 'CREDIT_CODE_INVALID'],
      ['input.industryCode', 'INDUSTRY_UNKNOWN'],
      ['input.regionCode', 'REGION_UNKNOWN'],
    ]);
    expect(await stored('91350100M000100Y44')).toEqual({ accounts: 0, events: 0 });
  });

  it('does not let a partner register or read group accounts', async () => {
    const partner: Caller = { subject: 'P100', roles: ['PARTNER'], partnerId: 'P100' };
    const request = input();
    expect((await failure(accounts.create(partner, request))).kind).toBe('FORBIDDEN');
    expect((await failure(accounts.page(partner, 10))).kind).toBe('FORBIDDEN');
    expect(await stored(request.creditCode)).toEqual({ accounts: 0, events: 0 });
  });

  it('answers an unknown id with a coded not-found error', async () => {
    const error = await failure(accounts.get(manager, randomUUID()));
    expect(error).toMatchObject({ code: 'GROUP_ACCOUNT_NOT_FOUND', kind: 'NOT_FOUND' });
  });
});
