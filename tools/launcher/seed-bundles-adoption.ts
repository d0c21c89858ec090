import { Gateway } from './gateway-client.js';
import type { SeedHooks } from './seed.js';
import type { TokenFor } from './seed-coordination.js';

const CHANNELS = ['VISIT', 'CALL', 'EVENT', 'ONLINE'] as const;
/** Share of the entitlement each demo subscription uses, in turn: most adopt, some lag. */
const USE_SHARES = [0.8, 0.6, 0.9, 0.3, 0.7];
/** The brief: customers know products about four times as often as they use them. */
const AWARE_PER_SUBSCRIBER = 4;

interface Seen {
  readonly id: string;
  readonly managerId: string | null;
  readonly subscriptions: readonly { id: string; productCode: string; quantity: number }[];
}

/** A day `back` days before today in China, YYYY-MM-DD. */
const chinaDay = (back: number) =>
  new Date(Date.now() + 8 * 3600_000 - back * 86_400_000).toISOString().slice(0, 10);

/**
 * Adoption on the demo book: for every product the demo accounts subscribe, presentations to
 * about four times as many accounts as subscribe it (by each account's primary manager, over
 * the last two months), and this month's usage of every demo subscription (they start on the
 * day they were sold, so this month is their first).
 */
export async function seedAdoption(
  url: string,
  admin: Gateway,
  tokenFor: TokenFor,
  accountIds: readonly string[],
  hooks: SeedHooks,
): Promise<void> {
  const book: Seen[] = [];
  for (const id of accountIds.slice(0, 60)) {
    const seen = await admin.call<{
      groupAccount: {
        primaryManager: { id: string } | null;
        subscriptions: { id: string; productCode: string; quantity: number }[];
      } | null;
    }>(
      'an account’s subscriptions',
      `query Q($id: ID!) { groupAccount(id: $id) {
         primaryManager { id } subscriptions { id productCode quantity } } }`,
      { id },
      { idempotent: true },
    );
    book.push({
      id,
      managerId: seen.groupAccount?.primaryManager?.id ?? null,
      subscriptions: seen.groupAccount?.subscriptions ?? [],
    });
  }
  const subscribers = new Map<string, Set<string>>();
  for (const account of book) {
    for (const s of account.subscriptions) {
      subscribers.set(s.productCode, (subscribers.get(s.productCode) ?? new Set()).add(account.id));
    }
  }
  const presentations: { account: Seen; productCode: string }[] = [];
  for (const [productCode, ids] of subscribers) {
    const wanted = ids.size * AWARE_PER_SUBSCRIBER;
    const first = book.filter((a) => ids.has(a.id));
    const others = book.filter((a) => !ids.has(a.id) && a.managerId);
    for (const account of [...first, ...others].slice(0, wanted)) {
      presentations.push({ account, productCode });
    }
  }
  const step = hooks.step('bundle awareness and usage', presentations.length + 1);
  const sellers = new Map<string, Gateway>();
  for (const [index, { account, productCode }] of presentations.entries()) {
    if (!account.managerId) continue;
    let seller = sellers.get(account.managerId);
    if (!seller) {
      seller = new Gateway(url, await tokenFor(account.managerId, ['ACCOUNT_MANAGER']));
      sellers.set(account.managerId, seller);
    }
    await seller.call(
      'a product presented',
      'mutation P($input: RecordProductPresentedInput!) { recordProductPresented(input: $input) { presentedOn } }',
      {
        input: {
          groupAccountId: account.id,
          productCode,
          channel: CHANNELS[index % CHANNELS.length],
          presentedOn: chinaDay(index % 60),
          note: null,
        },
      },
    );
    step.advance();
  }
  const month = chinaDay(0).slice(0, 7);
  const rows = book
    .flatMap((account) => account.subscriptions)
    .map(
      (s, i) =>
        `${s.id},${month},${Math.round(s.quantity * (USE_SHARES[i % USE_SHARES.length] ?? 1))}`,
    );
  if (rows.length > 0) {
    await admin.call(
      'this month’s usage',
      'mutation U($input: ImportBundleUsageInput!) { importBundleUsage(input: $input) { failed } }',
      { input: { format: 'CSV', content: ['subscriptionId,month,usage', ...rows].join('\n') } },
    );
  }
  step.done();
}
