/**
 * The book `npm run bench:gateway` measures, seeded through the gateway as a client would: the
 * sales force, accounts by bulk import (each gets its primary manager from its AccountCreated
 * event), twelve months of value inputs and an applied tiering run.
 */
import { todayInChina } from '@gap/calendar';
import {
  generateAccounts,
  generateManagers,
  monthsUpTo,
  valueInputsFor,
  type DemoAccountRow,
} from '../demo-book/demo-book.js';

/** Give up waiting for the services to catch up when nothing has moved for this long. */
const STALL_MS = 60_000;

/** A first page is asked without `after` (the services refuse an explicit null cursor). */
export const from = (after: string | null | undefined) => (after ? { after } : {});

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class Client {
  constructor(
    readonly endpoint: string,
    private readonly token: string,
  ) {}

  async call<T>(query: string, variables: object = {}): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as Answer<T>;
    if (answer.errors?.length || !answer.data) {
      throw new Error(`${this.endpoint}: ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  }
}

/**
 * Waits until `remaining` reaches zero, failing only when it stops moving; with `settleMs`, a
 * count that has not moved for that long is accepted as final instead.
 */
async function untilCaughtUp(
  what: string,
  remaining: () => Promise<number>,
  settleMs?: number,
): Promise<number> {
  let last = Number.POSITIVE_INFINITY;
  let movedAt = Date.now();
  for (;;) {
    const left = await remaining();
    if (left === 0) return 0;
    if (left < last) {
      last = left;
      movedAt = Date.now();
    } else if (settleMs !== undefined && Date.now() - movedAt > settleMs) {
      return left;
    } else if (Date.now() - movedAt > STALL_MS) {
      throw new Error(`${what}: ${left} still missing, nothing moved for ${STALL_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

export async function seedBook(
  gateway: Client,
  book: number,
  say: (line: string) => void,
): Promise<void> {
  const accounts: DemoAccountRow[] = [
    ...generateAccounts({ accounts: book, largestGroup: 200, maxDepth: 5 }),
  ];
  const managers = generateManagers(accounts);
  const register = (manager: (typeof managers)[number]) =>
    gateway.call(
      'mutation M($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
      { input: manager },
    );
  for (const supervisor of managers.filter((m) => !m.supervisorId)) await register(supervisor);
  await inParallel(
    managers.filter((m) => m.supervisorId),
    register,
  );
  const imported = await gateway.call<{ importGroupAccounts: { created: number } }>(
    'mutation I($input: ImportGroupAccountsInput!) { importGroupAccounts(input: $input) { created } }',
    { input: { format: 'JSON', content: JSON.stringify(accounts) } },
  );
  say(`  ${managers.length} managers, ${imported.importGroupAccounts.created} accounts imported`);

  const codes = new Map<string, string>();
  let after: string | null = null;
  do {
    const page: {
      groupAccounts: {
        edges: { node: { accountCode: string; creditCode: string } }[];
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
    } = await gateway.call(
      `query C($after: String) { groupAccounts(first: 100, after: $after) {
         edges { node { accountCode creditCode } } pageInfo { endCursor hasNextPage } } }`,
      from(after),
    );
    for (const { node } of page.groupAccounts.edges) codes.set(node.creditCode, node.accountCode);
    after = page.groupAccounts.pageInfo.hasNextPage ? page.groupAccounts.pageInfo.endCursor : null;
  } while (after);

  const lastMonth = monthsUpTo(todayInChina().slice(0, 7), 2)[0];
  const rows = accounts.flatMap((account) => {
    const code = codes.get(account.creditCode);
    return code ? valueInputsFor(account, code, monthsUpTo(lastMonth, 12)) : [];
  });
  const load = (dryRun: boolean) =>
    gateway.call<{ importValueInputs: { failed: number } }>(
      `mutation V($input: ImportValueInputsInput!) { importValueInputs(input: $input) { failed } }`,
      { input: { format: 'JSON', content: JSON.stringify(rows), dryRun } },
    );
  // The tiering service learns of the accounts from their events.
  await untilCaughtUp(
    'tiering catching up',
    async () => (await load(true)).importValueInputs.failed,
  );
  await load(false);
  const preview = await gateway.call<{ previewTieringRun: { runId: string } }>(
    `mutation { previewTieringRun(asOf: "${lastMonth}") { runId } }`,
  );
  await gateway.call(
    `mutation A($runId: ID!) { applyTieringRun(runId: $runId, effectiveFrom: "${todayInChina().slice(0, 7)}-01") { changed } }`,
    { runId: preview.previewTieringRun.runId },
  );
  say(`  ${rows.length} monthly value inputs loaded, a tiering run applied`);
  // The managers service gives each account its primary manager from its AccountCreated event;
  // an account no manager has room for stays without one.
  const unplaced = await untilCaughtUp(
    'managers catching up',
    async () => {
      let missing = 0;
      let next: string | null = null;
      do {
        const page: {
          groupAccounts: {
            edges: { node: { primaryManager: { id: string } | null } }[];
            pageInfo: { endCursor: string | null; hasNextPage: boolean };
          };
        } = await gateway.call(
          `query M($after: String) { groupAccounts(first: 100, after: $after) {
           edges { node { primaryManager { id } } } pageInfo { endCursor hasNextPage } } }`,
          from(next),
        );
        missing += page.groupAccounts.edges.filter((e) => !e.node.primaryManager).length;
        next = page.groupAccounts.pageInfo.hasNextPage
          ? page.groupAccounts.pageInfo.endCursor
          : null;
      } while (next);
      return missing;
    },
    10_000,
  );
  say(
    unplaced
      ? `  ${unplaced} accounts without a primary manager (no manager had room)`
      : '  every account has its primary manager',
  );
}
