import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import { OutboxPublisher } from '@gap/messaging';
import { openOwnTestDatabase, Wiring } from '@gap/testing';
import { AccountRepository } from '../accounts/account.repository.js';
import { PARTNERS_MIGRATIONS, PARTNERS_SCHEMA } from '../migrations/index.js';
import type { RegisterPartnerInput } from '../organisations/dto/partner.input.js';
import { PartnerCommandsService } from '../organisations/partner-commands.service.js';
import { PartnerQueriesService } from '../organisations/partner-queries.service.js';
import { ACCOUNTS, ORGANISATIONS } from '../partners.providers.js';

export const ADMIN: Caller = { subject: 'A0001', roles: ['ADMIN'] };
export const manager = (subject: string): Caller => ({ subject, roles: ['ACCOUNT_MANAGER'] });

export function openPartnersTestDatabase(suffix: string): Promise<DataSource> {
  return openOwnTestDatabase(`partners_${suffix}`, {
    schema: PARTNERS_SCHEMA,
    entities: [],
    migrations: PARTNERS_MIGRATIONS,
  });
}

/** The service's features wired as the module wires them. */
export function partnerServices(dataSource: DataSource) {
  const wiring = new Wiring(
    [...ACCOUNTS, ...ORGANISATIONS],
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [OutboxPublisher, new OutboxPublisher(dataSource)],
    ]),
  );
  const get = wiring.get.bind(wiring);
  return {
    commands: get(PartnerCommandsService),
    queries: get(PartnerQueriesService),
    accounts: get(AccountRepository),
  };
}
export type PartnerServices = ReturnType<typeof partnerServices>;

/** A valid registration of an agent in Xiamen, each test's own code unless overridden. */
export function agentInput(overrides: Partial<RegisterPartnerInput> = {}): RegisterPartnerInput {
  return {
    code: `AG-${randomUUID().slice(0, 8).toUpperCase()}`,
    name: '厦门鹭通信息技术有限公司',
    type: 'AGENT',
    level: 'CORE',
    regionPrefixes: ['3502'],
    industrySections: ['G', 'I'],
    contractStartsOn: '2026-01-01',
    contractEndsOn: '2027-12-31',
    contacts: [{ name: '陈立', title: '渠道经理', mobile: '138 0592 1234', email: null }],
    ...overrides,
  };
}

export async function eventsAbout(dataSource: DataSource, partnerId: string) {
  const rows = await dataSource.query<
    { envelope: { type: string; payload: Record<string, unknown> } }[]
  >('SELECT envelope FROM partners.outbox WHERE message_key = $1 ORDER BY seq', [partnerId]);
  return rows.map((row) => row.envelope);
}

/** Rows and versions of the partner tables, to show that a refusal wrote nothing. */
export async function writtenRows(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query<Record<string, string>[]>(
    `SELECT (SELECT count(*) FROM partners.partner) AS partners,
            (SELECT coalesce(sum(version), 0) FROM partners.partner) AS versions,
            (SELECT count(*) FROM partners.outbox) AS events`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

export async function rejection(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as {
      code: string;
      kind: string;
      field?: string;
      violations: { field: string; reason: string; message: string }[];
    };
  }
  throw new Error('expected the call to be refused');
}
