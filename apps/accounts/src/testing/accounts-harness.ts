import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { creditCodeCheckCharacter } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import type { EventEnvelope } from '@gap/contracts';
import { DomainError } from '@gap/errors';
import { openTestDataSource } from '@gap/testing';
import { createAccountsServices, type AccountsServices } from '../accounts.services.js';
import type { CreateGroupAccountInput } from '../group-account/dto/group-account.inputs.js';
import { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { ACCOUNTS_SCHEMA } from '../migrations/index.js';
import { PortfolioStore } from '@gap/portfolio';

/** The accounts service's parts wired by hand on the migrated test database. */
export interface AccountsHarness extends AccountsServices {
  readonly dataSource: DataSource;
  /** Delivers a ManagerAssigned event to the portfolio read model, as the consumer would. */
  assign(accountId: string, managerId: string, supervisorId?: string | null): Promise<void>;
  /** Delivers an AccountUnassignable event (nobody could take the account) to the read model. */
  unassignable(accountId: string, currentManagerId: string | null): Promise<void>;
  close(): Promise<void>;
}

export async function openAccountsHarness(): Promise<AccountsHarness> {
  const dataSource = await openTestDataSource({
    schema: ACCOUNTS_SCHEMA,
    entities: [GroupAccountEntity],
    migrations: [],
  });
  const portfolio = new PortfolioStore('accounts');
  return {
    dataSource,
    ...createAccountsServices(dataSource),
    assign: (groupAccountId, managerId, supervisorId = null) =>
      dataSource.transaction((manager) =>
        portfolio.onManagerAssigned(
          {
            id: randomUUID(),
            type: 'ManagerAssigned',
            version: 1,
            occurredAt: new Date().toISOString(),
            aggregateId: groupAccountId,
            correlationId: randomUUID(),
            causationId: null,
            payload: {
              groupAccountId,
              managerId,
              previousManagerId: null,
              supervisorId,
              reason: 'test',
            },
          } satisfies EventEnvelope<'ManagerAssigned'>,
          manager,
        ),
      ),
    unassignable: (groupAccountId, currentManagerId) =>
      dataSource.transaction((manager) =>
        portfolio.onAccountUnassignable(
          {
            id: randomUUID(),
            type: 'AccountUnassignable',
            version: 1,
            occurredAt: new Date().toISOString(),
            aggregateId: groupAccountId,
            correlationId: randomUUID(),
            causationId: null,
            payload: {
              groupAccountId,
              tier: 'B',
              reason: 'NO_SUPERVISOR',
              currentManagerId,
              policyVersion: 'm2',
            },
          } satisfies EventEnvelope<'AccountUnassignable'>,
          manager,
        ),
      ),
    close: () => dataSource.destroy(),
  };
}

export const callers = {
  coordinator: { subject: 'C9001', roles: ['COORDINATOR'] },
  admin: { subject: 'A9001', roles: ['ADMIN'] },
  supervisor: { subject: 'S9001', roles: ['SUPERVISOR'] },
  partner: { subject: 'P9001', roles: ['PARTNER'], partnerId: 'P9001' },
  manager: (subject: string): Caller => ({ subject, roles: ['ACCOUNT_MANAGER'] }),
} satisfies Record<string, Caller | ((subject: string) => Caller)>;

let counter = 0;
/** A valid credit code no other test uses, in the given division. */
export function freshCreditCode(region = '350203', authority = '91'): string {
  counter += 1;
  const unique = `${Date.now() % 1e6}${counter}`.padStart(9, '0').slice(-9);
  const body = `${authority}${region}${unique.replace(/[^0-9]/g, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

export function accountInput(
  overrides: Partial<CreateGroupAccountInput> = {},
): CreateGroupAccountInput {
  return {
    name: '厦门鹭岛物流集团有限公司',
    creditCode: freshCreditCode(),
    type: 'ENTERPRISE',
    industryCode: 'G',
    regionCode: '350203',
    ...overrides,
  };
}

/** The coded error a promise fails with; fails the test if it does not. */
export async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) {
    throw new Error(
      `expected a DomainError, got ${error === undefined ? 'success' : error instanceof Error ? error.message : JSON.stringify(error)}`,
    );
  }
  return error;
}
