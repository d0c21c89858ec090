import { emptyPortfolioFacts, type PortfolioFacts } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import {
  accountInput,
  callers,
  failure,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import type { GroupAccountSearchArgs } from './dto/group-account-search.args.js';
import type { GroupAccountEntity } from './group-account.entity.js';

/**
 * The account list filtered, sorted and counted by the portfolio read model, over a group of
 * its own (every search keeps within it: other specs share the database).
 */
describe('the portfolio on the account list', () => {
  let h: AccountsHarness;
  let head: GroupAccountEntity;
  const ids = new Map<string, string>();
  const id = (key: string) => ids.get(key) as string;
  const m1 = callers.manager('PF-M1');
  const m2 = callers.manager('PF-M2');
  const supervisor: Caller = { subject: 'PF-S1', roles: ['SUPERVISOR'] };

  // key, district, tier, segment, current value (fen), manager, last run's move, handover
  const book: [string, string, 'A' | 'B' | 'C', string, number, Caller, string, string][] = [
    ['fz1', '350102', 'A', 'VALUE', 9_000_000, m1, 'UP', 'NONE'],
    ['fz2', '350103', 'A', 'VALUE', 12_500_000, m2, 'NONE', 'SHADOWING'],
    ['fz3', '350104', 'A', 'SECONDARY_VALUE', 7_000_000, m1, 'NONE', 'NONE'],
    ['fz4', '350102', 'B', 'POTENTIAL_VALUE', 3_000_000, m1, 'DOWN', 'NONE'],
    ['fz5', '350105', 'C', 'LOW_VALUE', -20_000, m2, 'NONE', 'PLANNED'],
    ['xm1', '350203', 'A', 'VALUE', 20_000_000, m1, 'NONE', 'NONE'],
    ['xm2', '350206', 'B', 'LOW_VALUE', 500_000, m2, 'UP', 'NONE'],
  ];

  const facts = (key: string): PortfolioFacts => {
    const [, , tier, segment, value, manager, change, handover] = book.find(([k]) => k === key)!;
    return {
      ...emptyPortfolioFacts(id(key), '2026-11-30T08:00:00.000Z'),
      tier,
      segment: segment as PortfolioFacts['segment'],
      tierChange: change as PortfolioFacts['tierChange'],
      currentValue: String(value),
      potentialValue: String(value * 2),
      valuedRunId: '00000000-0000-4000-8000-000000000001',
      primaryManagerId: manager.subject,
      supervisorId: supervisor.subject,
      team: key === 'fz3' ? ['PF-B1'] : [],
      handoverState: handover as PortfolioFacts['handoverState'],
      changedAt: `2026-11-${String(10 + book.findIndex(([k]) => k === key)).padStart(2, '0')}T08:00:00.000Z`,
    };
  };

  beforeAll(async () => {
    h = await openAccountsHarness();
    head = await h.createAccount.create(
      callers.admin,
      accountInput({ name: '福建海峡组合集团', regionCode: '350102' }),
    );
    for (const [key, district] of book) {
      const account = await h.createAccount.create(
        callers.admin,
        accountInput({ name: `组合成员${key}`, regionCode: district, parentId: head.id }),
      );
      ids.set(key, account.id);
    }
    await h.dataSource.transaction((manager) =>
      h.portfolioFacts.save(
        manager,
        book.map(([key]) => facts(key)),
      ),
    );
    for (const [key, , , , , manager] of book) {
      await h.assign(id(key), manager.subject, supervisor.subject);
    }
  });
  afterAll(() => h.close());

  const search = (caller: Caller, args: Partial<GroupAccountSearchArgs>, all = false) =>
    h.findAccounts.search(
      caller,
      { first: 20, ...args, filter: { withinGroupOf: all ? undefined : head.id, ...args.filter } },
      'groupAccounts',
    );
  const keysOf = (page: { edges: { node: GroupAccountEntity }[] }) =>
    page.edges.map(({ node }) => [...ids].find(([, v]) => v === node.id)?.[0] ?? node.id);

  it('answers "A accounts in Fuzhou, most valuable first", with the facets of the answer', async () => {
    const page = await search(callers.admin, {
      filter: { tiers: ['A'], regionCode: '3501' },
      orderBy: { field: 'CURRENT_VALUE', direction: 'DESC' },
    });
    expect(keysOf(page)).toEqual(['fz2', 'fz1', 'fz3']);
    const facets = await h.portfolio.facets(page.search);
    expect(facets.total).toBe(3);
    expect(facets.tiers).toEqual([{ value: 'A', count: 3 }]);
    expect(facets.segments).toEqual([
      { value: 'VALUE', count: 2 },
      { value: 'SECONDARY_VALUE', count: 1 },
    ]);
    // One level below the filter's city: districts.
    expect(facets.regions).toEqual([
      { value: '350102', count: 1 },
      { value: '350103', count: 1 },
      { value: '350104', count: 1 },
    ]);
  });

  it('walks the pages in order by value, ascending too, without losing or repeating one', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await search(callers.admin, {
        first: 2,
        after,
        orderBy: { field: 'CURRENT_VALUE', direction: 'ASC' },
      });
      seen.push(...keysOf(page));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    // The head has no row in the read model yet: a sort by value leaves it out.
    expect(seen).toEqual(['fz5', 'xm2', 'fz4', 'fz3', 'fz1', 'fz2', 'xm1']);
  });

  it('shows a manager their own accounts and a supervisor the team’s', async () => {
    // The head is nobody's: a manager may not search within it, so the names say the group.
    const filter = { tiers: ['A' as const], nameContains: '组合成员' };
    const orderBy = { field: 'CURRENT_VALUE' as const, direction: 'DESC' as const };
    const keys = async (caller: Caller) => keysOf(await search(caller, { filter, orderBy }, true));
    expect(await keys(m1)).toEqual(['xm1', 'fz1', 'fz3']);
    expect(await keys(m2)).toEqual(['fz2']);
    expect(await keys(supervisor)).toEqual(['xm1', 'fz2', 'fz1', 'fz3']);
    // The facets keep to the same visibility.
    const mine = await search(m2, { filter: {} }, true);
    expect((await h.portfolio.facets(mine.search)).total).toBe(3);
    // Nor may a manager reach into a group whose head they do not see.
    await expect(search(m1, { filter: {} })).rejects.toMatchObject({
      code: 'GROUP_ACCOUNT_NOT_FOUND',
    });
  });

  it.each<[string, GroupAccountSearchArgs['filter'], string[]]>([
    ['segment', { segments: ['LOW_VALUE'] }, ['fz5', 'xm2']],
    ['value range', { currentValue: { min: 3_000_000, max: 9_000_000 } }, ['fz4', 'fz3', 'fz1']],
    ['negative values', { currentValue: { max: 0 } }, ['fz5']],
    ['primary manager', { primaryManagerId: 'PF-M2' }, ['fz5', 'xm2', 'fz2']],
    ['team member', { teamMemberId: 'PF-B1' }, ['fz3']],
    ['handover state', { handoverStates: ['PLANNED', 'SHADOWING'] }, ['fz5', 'fz2']],
    ['tier change', { tierChange: 'UP' }, ['xm2', 'fz1']],
    ['tier and district', { tiers: ['A', 'B'], regionCode: '350102' }, ['fz4', 'fz1']],
  ])('filters by %s', async (_name, filter, expected) => {
    const page = await search(callers.admin, {
      filter,
      orderBy: { field: 'CURRENT_VALUE', direction: 'ASC' },
    });
    expect(keysOf(page)).toEqual(expected);
    expect((await h.portfolio.facets(page.search)).total).toBe(expected.length);
  });

  it('sorts by tier and by last change', async () => {
    const byTier = await search(callers.admin, { orderBy: { field: 'TIER', direction: 'ASC' } });
    expect(keysOf(byTier).slice(0, 4).sort()).toEqual(['fz1', 'fz2', 'fz3', 'xm1']);
    const byChange = await search(callers.admin, {
      orderBy: { field: 'LAST_CHANGE', direction: 'DESC' },
    });
    expect(keysOf(byChange)).toEqual(['xm2', 'xm1', 'fz5', 'fz4', 'fz3', 'fz2', 'fz1']);
  });

  it('refuses a value range upside down, naming the field', async () => {
    const error = await failure(
      search(callers.admin, { filter: { currentValue: { min: 10, max: 1 } } }),
    );
    expect(error.violations).toEqual([
      expect.objectContaining({ field: 'filter.currentValue', reason: 'RANGE_REVERSED' }),
    ]);
  });

  it('rolls a group up on its head: members, values summed, tiers counted', async () => {
    const rollup = await h.portfolio.rollup(callers.admin, head.path);
    expect(rollup.members).toBe(book.length + 1);
    const total = book.reduce((sum, [, , , , value]) => sum + value, 0);
    expect(rollup.currentValue).toBe(String(total));
    expect(rollup.potentialValue).toBe(String(total * 2));
    expect(rollup.tiers).toEqual([
      { tier: 'A', count: 4 },
      { tier: 'B', count: 2 },
      { tier: 'C', count: 1 },
      { tier: null, count: 1 },
    ]);
    // A manager's roll-up counts only what they may see.
    expect((await h.portfolio.rollup(m2, head.path)).members).toBe(3);
  });

  it('says how fresh the read model is', async () => {
    const freshness = await h.portfolio.freshness();
    expect(freshness.asOf).toBeInstanceOf(Date);
    expect(freshness.lagSeconds).toBeGreaterThanOrEqual(0);
  });
});
