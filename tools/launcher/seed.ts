import {
  contactsFor,
  generateAccounts,
  generateAssociations,
  generateClusters,
  type DemoAccountRow,
} from '../demo-book/demo-book.js';

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
async function idsOf(gateway: Gateway, codes: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < codes.length; i += 100) {
    const data = await gateway.call<{
      groupAccounts: { edges: { node: { id: string; creditCode: string } }[] };
    }>(
      'account ids',
      `query Ids($codes: [String!]) { groupAccounts(first: 100, filter: { creditCodes: $codes }) {
         edges { node { id creditCode } } } }`,
      { codes: codes.slice(i, i + 100) },
    );
    for (const { node } of data.groupAccounts.edges) ids.set(node.creditCode, node.id);
  }
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
  return report.importGroupAccounts.created;
}
