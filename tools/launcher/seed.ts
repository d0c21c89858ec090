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
import { Gateway } from './gateway-client.js';
import { seedCoordination, type TokenFor } from './seed-coordination.js';
import { seedBundles } from './seed-bundles.js';
import { seedPartners } from './seed-partners.js';

/** Big enough to feel like a city's group book, small enough to seed in seconds. */
export const DEMO_ACCOUNTS = 3_000;
const ACCOUNTS_WITH_CONTACTS = 300;
const PARALLEL_REQUESTS = 6;
/**
 * The imports go in slices: each request stays short on a slow machine (the gateway gives a
 * subgraph 15 s by default) and each slice shows as progress. Parents come before their
 * children in the generated book, so every slice finds its parents already imported.
 */
const ACCOUNTS_PER_IMPORT = 500;
const BILLS_PER_IMPORT = 6_000;

/** How the seeding shows its progress and waits for the services to catch up. */
export interface SeedHooks {
  step(label: string, total: number): { advance(n?: number): void; done(): void };
  /** Resolves once `service` has seen `accounts` accounts; rejects when it stops moving. */
  caughtUp(service: 'tiering' | 'managers' | 'portfolio', accounts: number): Promise<void>;
}

function slices<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

async function inParallel<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
  step?: { advance(n?: number): void },
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await work(items[next++]);
      step?.advance();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, worker));
}

/** A step of the seeding, shown as it goes. */
async function inStep<T>(
  hooks: SeedHooks,
  label: string,
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  const step = hooks.step(label, items.length);
  await inParallel(items, work, step);
  step.done();
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
      { idempotent: true },
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
 * The demo book, loaded through the gateway like any client would: the sales force, the
 * accounts with their groups by bulk import (so every AccountCreated flows to the tiering and
 * managers services), then industry clusters and associations, contacts with their birthdays
 * and key dates, and bills and a first tiering run once tiering has seen every account. Each
 * step shows its progress through `hooks`. Skipped when accounts already exist.
 */
export async function seedDemo(
  url: string,
  token: string,
  hooks: SeedHooks,
  tokenFor: TokenFor,
): Promise<number> {
  const gateway = new Gateway(url, token);
  const existing = await gateway.call<{ groupAccounts: { edges: unknown[] } }>(
    'a first look',
    '{ groupAccounts(first: 1) { edges { cursor } } }',
    {},
    { idempotent: true },
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
  const supervisors = managers.filter((m) => !m.supervisorId);
  const staff = managers.filter((m) => m.supervisorId);
  const sales = hooks.step('account managers', managers.length);
  await inParallel(supervisors, register, sales);
  await inParallel(staff, register, sales);
  sales.done();

  const importing = hooks.step('accounts (bulk import)', accounts.length);
  let created = 0;
  for (const slice of slices(accounts, ACCOUNTS_PER_IMPORT)) {
    const report = await gateway.call<{
      importGroupAccounts: { created: number; updated: number; failed: number };
    }>(
      'the accounts',
      `mutation Import($input: ImportGroupAccountsInput!) {
         importGroupAccounts(input: $input) { created updated failed } }`,
      { input: { format: 'JSON', content: JSON.stringify(slice) } },
      { idempotent: true },
    );
    const { failed, updated } = report.importGroupAccounts;
    if (failed > 0) throw new Error(`Seeding: ${failed} demo accounts failed to import`);
    // A slice retried after its service restarted may find its accounts already there.
    created += report.importGroupAccounts.created + updated;
    importing.advance(slice.length);
  }
  importing.done();
  // The consuming services catch up with the accounts' events while the rest is seeded.
  const tieringCaughtUp = hooks.caughtUp('tiering', created);
  const managersCaughtUp = hooks.caughtUp('managers', created);
  // A service that stops catching up fails the seeding at once, not after the other steps.
  const stalled = Promise.race(
    [tieringCaughtUp, managersCaughtUp].map((wait) =>
      wait.then(() => new Promise<never>(() => {})),
    ),
  );
  stalled.catch(() => undefined);
  await Promise.race([seedRelations(gateway, accounts, hooks), stalled]);
  await tieringCaughtUp;
  await seedValueAndTiers(gateway, accounts, hooks);
  await managersCaughtUp;
  const ids = await idsOf(
    gateway,
    accounts.slice(0, 36).map((a) => a.creditCode),
  );
  await seedCoordination(url, gateway, tokenFor, [...ids.values()], hooks);
  await seedBundles(url, gateway, tokenFor, [...ids.values()], hooks);
  await seedPartners(gateway, hooks);
  return created;
}

/** Industry clusters and associations, and contacts with their birthdays and key dates. */
async function seedRelations(
  gateway: Gateway,
  accounts: readonly DemoAccountRow[],
  hooks: SeedHooks,
): Promise<void> {
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

  await inStep(hooks, 'industry clusters', clusters, (cluster) =>
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
  await inStep(hooks, 'industry associations', associations, async (association) => {
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
  await inStep(hooks, 'contacts', contacts, ({ contact, groupAccountId }) => {
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
}

/**
 * Twelve months of bills for the book, loaded through the tiering service's import (it knows
 * every account by now), then a first tiering run, previewed and applied: the demo opens with
 * A/B/C tiers, values, segments and explanations.
 */
async function seedValueAndTiers(
  gateway: Gateway,
  accounts: readonly DemoAccountRow[],
  hooks: SeedHooks,
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
  const bills = hooks.step('twelve months of bills (import)', rows.length);
  for (const slice of slices(rows, BILLS_PER_IMPORT)) {
    const loaded = await gateway.call<{ importValueInputs: { failed: number } }>(
      'the value inputs',
      `mutation Values($input: ImportValueInputsInput!) {
         importValueInputs(input: $input) { failed } }`,
      { input: { format: 'JSON', content: JSON.stringify(slice), dryRun: false } },
      { idempotent: true },
    );
    if (loaded.importValueInputs.failed > 0) {
      throw new Error(`Seeding: ${loaded.importValueInputs.failed} bills failed to import`);
    }
    bills.advance(slice.length);
  }
  bills.done();
  const run = hooks.step('a first tiering run (preview and apply)', 2);
  const preview = await gateway.call<{ previewTieringRun: { runId: string } }>(
    'a tiering run',
    `mutation { previewTieringRun(asOf: "${lastMonth}") { runId } }`,
  );
  run.advance();
  const applied = await gateway.call<{ applyTieringRun: { accounts: number } }>(
    'applying the tiering run',
    `mutation Apply($runId: ID!) { applyTieringRun(runId: $runId, effectiveFrom: "${todayInChina().slice(0, 7)}-01") { accounts } }`,
    { runId: preview.previewTieringRun.runId },
  );
  run.done();
  // The portfolio opens sorted by value: the accounts service's read model has every value.
  await hooks.caughtUp('portfolio', applied.applyTieringRun.accounts);
}
