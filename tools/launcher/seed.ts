import {
  contactsFor,
  generateAccounts,
  generateAssociations,
  generateClusters,
  generateManagers,
  monthsUpTo,
  valueInputsFor,
  type DemoAccountRow,
} from '../demo-book/demo-book.js';
import { todayInChina } from '@gap/calendar';

/** Big enough to feel like a city's group book, small enough to seed in seconds. */
export const DEMO_ACCOUNTS = 3_000;
const ACCOUNTS_WITH_CONTACTS = 300;
const PARALLEL_REQUESTS = 6;

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

class Gateway {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async call<T>(what: string, query: string, variables: object = {}): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as GraphQLAnswer;
    if (answer.errors?.length || !answer.data) {
      throw new Error(`Seeding ${what} failed: ${answer.errors?.map((e) => e.message).join('; ')}`);
    }
    return answer.data as T;
  }
}

async function inParallel<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
}

/** Account ids by credit code, a hundred at a time. */
interface Registered {
  readonly id: string;
  readonly accountCode: string;
}

async function registered(
  gateway: Gateway,
  codes: readonly string[],
): Promise<Map<string, Registered>> {
  const found = new Map<string, Registered>();
  for (let i = 0; i < codes.length; i += 100) {
    const data = await gateway.call<{
      groupAccounts: { edges: { node: Registered & { creditCode: string } }[] };
    }>(
      'account ids',
      `query Ids($codes: [String!]) { groupAccounts(first: 100, filter: { creditCodes: $codes }) {
         edges { node { id accountCode creditCode } } } }`,
      { codes: codes.slice(i, i + 100) },
    );
    for (const { node } of data.groupAccounts.edges) found.set(node.creditCode, node);
  }
  return found;
}

async function idsOf(gateway: Gateway, codes: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [creditCode, { id }] of await registered(gateway, codes)) ids.set(creditCode, id);
  return ids;
}

/**
 * The demo book, loaded through the gateway like any client would: the accounts with their
 * groups by bulk import (so every AccountCreated flows to the tiering service), then industry
 * clusters and associations, then contacts with their birthdays and key dates. Skipped when
 * accounts already exist.
 */
export async function seedDemo(url: string, token: string): Promise<number> {
  const gateway = new Gateway(url, token);
  const existing = await gateway.call<{ groupAccounts: { edges: unknown[] } }>(
    'a first look',
    '{ groupAccounts(first: 1) { edges { cursor } } }',
  );
  if (existing.groupAccounts.edges.length > 0) return 0;

  const accounts: DemoAccountRow[] = [
    ...generateAccounts({ accounts: DEMO_ACCOUNTS, largestGroup: 300, maxDepth: 6 }),
  ];
  // The sales force first: each new account gets its primary manager as it is created.
  const managers = generateManagers(accounts);
  const register = (manager: (typeof managers)[number]) =>
    gateway.call(
      'a manager',
      `mutation M($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }`,
      { input: manager },
    );
  for (const supervisor of managers.filter((m) => !m.supervisorId)) await register(supervisor);
  await inParallel(
    managers.filter((m) => m.supervisorId),
    register,
  );
  const report = await gateway.call<{ importGroupAccounts: { created: number; failed: number } }>(
    'the accounts',
    `mutation Import($input: ImportGroupAccountsInput!) {
       importGroupAccounts(input: $input) { created failed } }`,
    { input: { format: 'JSON', content: JSON.stringify(accounts) } },
  );

  const clusters = generateClusters(accounts);
  const associations = generateAssociations(accounts);
  const withContacts = accounts.filter((a) => a.type !== 'SME').slice(0, ACCOUNTS_WITH_CONTACTS);
  const ids = await idsOf(gateway, [
    ...new Set([
      ...clusters.flatMap((c) => [c.leaderCreditCode, ...c.supportingCreditCodes]),
      ...associations.flatMap((a) => a.memberCreditCodes),
      ...withContacts.map((a) => a.creditCode),
    ]),
  ]);
  const idList = (codes: readonly string[]) => codes.flatMap((code) => ids.get(code) ?? []);

  await inParallel(clusters, (cluster) =>
    gateway.call(
      'a cluster',
      `mutation C($input: CreateIndustryClusterInput!) { createIndustryCluster(input: $input) { id } }`,
      {
        input: {
          name: cluster.name,
          industryCode: cluster.industryCode,
          regionCode: cluster.regionCode,
          leaderId: ids.get(cluster.leaderCreditCode),
          supporterIds: idList(cluster.supportingCreditCodes),
        },
      },
    ),
  );
  await inParallel(associations, async (association) => {
    const created = await gateway.call<{ createIndustryAssociation: { id: string } }>(
      'an association',
      `mutation A($input: CreateIndustryAssociationInput!) { createIndustryAssociation(input: $input) { id } }`,
      {
        input: {
          name: association.name,
          industryCode: association.industryCode,
          regionCode: association.regionCode,
        },
      },
    );
    await gateway.call(
      'association members',
      `mutation M($input: AssociationMembersInput!) { addAssociationMembers(input: $input) { id } }`,
      {
        input: {
          associationId: created.createIndustryAssociation.id,
          accountIds: idList(association.memberCreditCodes),
        },
      },
    );
  });
  const contacts = withContacts.flatMap((account) =>
    contactsFor(account).map((contact) => ({
      contact,
      groupAccountId: ids.get(account.creditCode),
    })),
  );
  await inParallel(contacts, ({ contact, groupAccountId }) => {
    const { accountCreditCode, keyDates, ...fields } = contact;
    return gateway.call(
      'a contact',
      `mutation Add($input: AddContactInput!) { addContact(input: $input) { id } }`,
      {
        input: {
          ...fields,
          groupAccountId,
          keyDates: keyDates.map(({ kind, date, label }) => ({ kind, date, label })),
          consents: [{ purpose: 'SERVICE_CONTACT', given: true }],
        },
      },
    );
  });
  if (report.importGroupAccounts.failed > 0) {
    throw new Error(`Seeding: ${report.importGroupAccounts.failed} demo accounts failed to import`);
  }
  await seedValueAndTiers(gateway, accounts);
  return report.importGroupAccounts.created;
}

/**
 * Twelve months of bills for the book, loaded through the tiering service's import once it has
 * seen every account, then a first tiering run, previewed and applied: the demo opens with
 * A/B/C tiers, values, segments and explanations.
 */
async function seedValueAndTiers(
  gateway: Gateway,
  accounts: readonly DemoAccountRow[],
): Promise<void> {
  const lastMonth = monthsUpTo(todayInChina().slice(0, 7), 2)[0];
  const codes = await registered(
    gateway,
    accounts.map((a) => a.creditCode),
  );
  const rows = accounts.flatMap((account) => {
    const found = codes.get(account.creditCode);
    return found ? valueInputsFor(account, found.accountCode, monthsUpTo(lastMonth, 12)) : [];
  });
  const load = (dryRun: boolean) =>
    gateway.call<{ importValueInputs: { failed: number; created: number; updated: number } }>(
      'the value inputs',
      `mutation Values($input: ImportValueInputsInput!) {
         importValueInputs(input: $input) { failed created updated } }`,
      { input: { format: 'JSON', content: JSON.stringify(rows), dryRun } },
    );
  // The tiering service learns of the accounts from their events: wait until it knows them all.
  const deadline = Date.now() + 60_000;
  while ((await load(true)).importValueInputs.failed > 0) {
    if (Date.now() > deadline) throw new Error('Seeding: tiering did not see every demo account');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await load(false);
  const preview = await gateway.call<{ previewTieringRun: { runId: string } }>(
    'a tiering run',
    `mutation { previewTieringRun(asOf: "${lastMonth}") { runId } }`,
  );
  await gateway.call(
    'applying the tiering run',
    `mutation Apply($runId: ID!) { applyTieringRun(runId: $runId, effectiveFrom: "${todayInChina().slice(0, 7)}-01") { changed } }`,
    { runId: preview.previewTieringRun.runId },
  );
}
