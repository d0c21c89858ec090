import { randomUUID } from 'node:crypto';
import { creditCodeCheckCharacter } from '@gap/accounts/domain';
import { todayInChina } from '@gap/calendar';

/**
 * A small book for the portfolio tests, seeded through the gateway as a client would: two
 * supervisors' teams (Fuzhou and Xiamen), accounts imported active, twelve months of value
 * inputs, and an applied tiering run. What the book became is then read back from the services
 * that own it (tiers and values from tiering, managers from managers), not from this file.
 */

export type Tier = 'A' | 'B' | 'C';

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The gateway's GraphQL endpoint, answering data or throwing with the errors it got. */
export class Gateway {
  constructor(private readonly endpoint: string) {}

  async answer<T>(query: string, variables: object, token: string): Promise<GraphQLAnswer<T>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLAnswer<T>;
  }

  async call<T>(query: string, variables: object, token: string): Promise<T> {
    const answer = await this.answer<T>(query, variables, token);
    if (answer.errors?.length || !answer.data) {
      throw new Error(`${query.trim().split('\n')[0]}\n→ ${JSON.stringify(answer.errors)}`);
    }
    return answer.data;
  }
}

/**
 * Waits until `remaining` reaches zero; fails only when it has not gone down for `stallMs`, so a
 * slow machine is waited for as long as the services keep making progress.
 */
export async function untilCaughtUp(
  what: string,
  remaining: () => Promise<number>,
  stallMs = 30_000,
): Promise<void> {
  let last = Number.POSITIVE_INFINITY;
  let movedAt = Date.now();
  for (;;) {
    const left = await remaining();
    if (left === 0) return;
    if (left < last) [last, movedAt] = [left, Date.now()];
    else if (Date.now() - movedAt > stallMs) {
      throw new Error(`${what}: ${left} still to come, nothing moved for ${stallMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

/** The sales force: supervisors take no accounts (capacity 0); every manager may own an A. */
export const SUPERVISORS = { fuzhou: 'S5100', xiamen: 'S5200' } as const;
export const MANAGERS = {
  m1: { id: 'E5101', regions: ['350102'], supervisorId: SUPERVISORS.fuzhou },
  m2: { id: 'E5102', regions: ['350103', '350104'], supervisorId: SUPERVISORS.fuzhou },
  m3: { id: 'E5201', regions: ['350203'], supervisorId: SUPERVISORS.xiamen },
  m4: { id: 'E5202', regions: ['350206'], supervisorId: SUPERVISORS.xiamen },
} as const;

interface PlannedAccount {
  readonly key: string;
  readonly regionCode: string;
  /** Monthly revenue in yuan; cost to serve is 40 % of it. */
  readonly monthly: number;
  /** Many employees: a large wallet not yet won, i.e. high potential value. */
  readonly employees: number;
  readonly parent?: string;
}

/** Distinct revenues, so that the order by current value is never a tie. */
const PLAN: readonly PlannedAccount[] = [
  { key: 'F1', regionCode: '350102', monthly: 120_000, employees: 3_000 },
  { key: 'F2', regionCode: '350102', monthly: 85_000, employees: 60 },
  { key: 'F3', regionCode: '350102', monthly: 52_000, employees: 2_500 },
  { key: 'F4', regionCode: '350102', monthly: 9_000, employees: 1_800 },
  { key: 'F5', regionCode: '350102', monthly: 2_100, employees: 30 },
  { key: 'GH', regionCode: '350102', monthly: 31_000, employees: 400 },
  { key: 'GC1', regionCode: '350102', monthly: 21_000, employees: 80, parent: 'GH' },
  { key: 'GC2', regionCode: '350104', monthly: 11_000, employees: 70, parent: 'GH' },
  { key: 'S1', regionCode: '350103', monthly: 110_000, employees: 2_800 },
  { key: 'S2', regionCode: '350104', monthly: 76_000, employees: 50 },
  { key: 'S3', regionCode: '350103', monthly: 43_000, employees: 900 },
  { key: 'S4', regionCode: '350104', monthly: 7_000, employees: 40 },
  { key: 'S5', regionCode: '350103', monthly: 1_600, employees: 1_500 },
  { key: 'X1', regionCode: '350203', monthly: 130_000, employees: 2_000 },
  { key: 'X2', regionCode: '350203', monthly: 33_000, employees: 45 },
  { key: 'X3', regionCode: '350203', monthly: 4_000, employees: 20 },
  { key: 'X4', regionCode: '350206', monthly: 64_000, employees: 1_200 },
  { key: 'X5', regionCode: '350206', monthly: 3_300, employees: 25 },
];

/** One account as the services that own its facts describe it after the run. */
export interface BookAccount {
  readonly key: string;
  readonly id: string;
  readonly accountCode: string;
  readonly regionCode: string;
  readonly parentKey: string | undefined;
  /** The primary manager, as the managers service has it. */
  readonly managerId: string;
  /** Tier in force, value segment and values (fen), as the tiering service has them. */
  readonly tier: Tier;
  readonly segment: string;
  readonly currentValue: bigint;
  readonly potentialValue: bigint;
  readonly runId: string;
}

export interface Book {
  readonly accounts: readonly BookAccount[];
  readonly runId: string;
  readonly byKey: (key: string) => BookAccount;
}

function creditCodeIn(regionCode: string): string {
  const digits = randomUUID()
    .replace(/[^0-9]/g, '')
    .padEnd(9, '3')
    .slice(0, 9);
  const body = `91${regionCode}${digits}`;
  return body + creditCodeCheckCharacter(body);
}

/** The `count` months up to and including `last` (YYYY-MM), oldest first. */
function monthsUpTo(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export async function registerSalesForce(gateway: Gateway, admin: string): Promise<void> {
  const register = (input: object) =>
    gateway.call(
      'mutation R($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
      { input: { industries: [], capacity: 1_000, grade: 'KEY_ACCOUNT', ...input } },
      admin,
    );
  for (const [city, id] of Object.entries(SUPERVISORS)) {
    const regions = [city === 'fuzhou' ? '350100' : '350200'];
    await register({ id, name: `主管 ${id}`, regions, capacity: 0 });
  }
  for (const manager of Object.values(MANAGERS)) {
    await register({ ...manager, regions: [...manager.regions], name: `经理 ${manager.id}` });
  }
}

/** The book's accounts, with what the other services say of them once tiering knows them all. */
const accountsByCode = (tiered: boolean) => `query Book($codes: [String!]) {
  groupAccounts(first: 100, filter: { creditCodes: $codes }) {
    edges { node {
      id accountCode creditCode regionCode
      primaryManager { id }
      ${tiered ? 'tier valueSegment value { potential runId } tierExplanation { components { currentValue } }' : ''}
    } }
  }
}`;

interface BookNode {
  id: string;
  accountCode: string;
  creditCode: string;
  regionCode: string;
  primaryManager: { id: string } | null;
  tier: Tier | null;
  valueSegment: string | null;
  value: { potential: string; runId: string } | null;
  tierExplanation: { components: { currentValue: string } | null };
}

/** Imports the book, waits for every account's manager, loads its values and applies a run. */
export async function seedBook(gateway: Gateway, admin: string): Promise<Book> {
  const codes = new Map(PLAN.map((account) => [account.key, creditCodeIn(account.regionCode)]));
  const rows = PLAN.map((account) => ({
    creditCode: codes.get(account.key),
    name: `闽测组合客户 ${account.key} ${codes.get(account.key)?.slice(-6)}`,
    type: 'ENTERPRISE',
    industryCode: 'C',
    regionCode: account.regionCode,
    employees: account.employees,
    linesCount: 20,
    status: 'ACTIVE',
    parentCreditCode: account.parent ? codes.get(account.parent) : null,
  }));
  const imported = await gateway.call<{
    importGroupAccounts: { created: number; errors: unknown };
  }>(
    'mutation I($input: ImportGroupAccountsInput!) { importGroupAccounts(input: $input) { created errors { row field code } } }',
    { input: { format: 'JSON', content: JSON.stringify(rows) } },
    admin,
  );
  if (imported.importGroupAccounts.created !== PLAN.length) {
    throw new Error(`import: ${JSON.stringify(imported.importGroupAccounts)}`);
  }
  const read = async (tiered = false) =>
    (
      await gateway.call<{ groupAccounts: { edges: { node: BookNode }[] } }>(
        accountsByCode(tiered),
        { codes: [...codes.values()] },
        admin,
      )
    ).groupAccounts.edges.map((edge) => edge.node);
  await untilCaughtUp('every account to get its primary manager', async () => {
    const nodes = await read();
    return PLAN.length - nodes.filter((node) => node.primaryManager).length;
  });

  const accountCodes = new Map((await read()).map((node) => [node.creditCode, node.accountCode]));
  const lastMonth = monthsUpTo(todayInChina().slice(0, 7), 2)[0] ?? '';
  const inputs = PLAN.flatMap((account) =>
    monthsUpTo(lastMonth, 12).map((month) => ({
      accountCode: accountCodes.get(codes.get(account.key) ?? ''),
      month,
      data: account.monthly,
      operating: account.monthly * 0.4,
      lines: 20,
      complaints: 0,
    })),
  );
  const load = async (dryRun: boolean) =>
    (
      await gateway.call<{ importValueInputs: { failed: number } }>(
        'mutation V($input: ImportValueInputsInput!) { importValueInputs(input: $input) { failed } }',
        { input: { format: 'JSON', content: JSON.stringify(inputs), dryRun } },
        admin,
      )
    ).importValueInputs.failed;
  // The tiering service learns of the accounts from their events.
  await untilCaughtUp('tiering to know every account', () => load(true));
  if ((await load(false)) !== 0) throw new Error('value inputs refused');
  const { previewTieringRun } = await gateway.call<{ previewTieringRun: { runId: string } }>(
    'mutation P($asOf: String!) { previewTieringRun(asOf: $asOf) { runId } }',
    { asOf: lastMonth },
    admin,
  );
  await gateway.call(
    'mutation A($runId: ID!, $from: String!) { applyTieringRun(runId: $runId, effectiveFrom: $from) { changed } }',
    { runId: previewTieringRun.runId, from: todayInChina() },
    admin,
  );

  const nodes = await read(true);
  const keyOf = new Map([...codes].map(([key, code]) => [code, key]));
  const accounts = nodes.map((node): BookAccount => {
    const key = keyOf.get(node.creditCode) ?? '';
    const current = node.tierExplanation.components?.currentValue;
    if (!node.primaryManager || !node.tier || !node.valueSegment || !node.value || !current) {
      throw new Error(`the services do not describe ${key} fully: ${JSON.stringify(node)}`);
    }
    return {
      key,
      id: node.id,
      accountCode: node.accountCode,
      regionCode: node.regionCode,
      parentKey: PLAN.find((account) => account.key === key)?.parent,
      managerId: node.primaryManager.id,
      tier: node.tier,
      segment: node.valueSegment,
      currentValue: BigInt(current),
      potentialValue: BigInt(node.value.potential),
      runId: node.value.runId,
    };
  });
  const byKey = (key: string) => {
    const found = accounts.find((account) => account.key === key);
    if (!found) throw new Error(`no account ${key} in the book`);
    return found;
  };
  return { accounts, runId: previewTieringRun.runId, byKey };
}

/** Highest current value first; the ids break ties as the search does. */
export function byCurrentValueDesc(a: BookAccount, b: BookAccount): number {
  if (a.currentValue !== b.currentValue) return a.currentValue > b.currentValue ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

/** How many of `values` there are of each, as a facet lists them (most first, then by value). */
export function countsOf(
  values: readonly (string | null)[],
): { value: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
}
