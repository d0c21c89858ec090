import { createTestIssuer, type RunningService } from '@gap/testing';
import {
  byCurrentValueDesc,
  countsOf,
  Gateway,
  MANAGERS,
  registerSalesForce,
  seedBook,
  SUPERVISORS,
  untilCaughtUp,
  type Book,
  type BookAccount,
} from './testing/portfolio-book.js';
import { startGatewayOver, startOwnSubgraphs } from './testing/own-subgraphs.js';

/*
 * The portfolio read model (issue 19) end to end: a small book is tiered by an applied run,
 * its facts flow over Kafka into the accounts service, and the account list answers with the
 * tiering service's values, the managers service's owners and handovers, each caller within
 * what they may see. Expectations come from the owning services through the graph.
 */

interface Facets {
  total: number;
  tiers: { value: string | null; count: number }[];
  segments: { value: string | null; count: number }[];
  regions: { value: string | null; count: number }[];
  statuses: { value: string | null; count: number }[];
}

interface Page {
  edges: { cursor: string; node: { id: string; regionCode: string } }[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  facets: Facets;
  freshness: { asOf: string | null; lagSeconds: number };
}

type List = 'myPortfolio' | 'groupAccounts';

/**
 * The page size is written into the document: the gateway prices a variable size at the most a
 * list may return (100), and the facets under it at that many times over.
 */
const listQuery = (list: List, first: number) => `
  query List($filter: GroupAccountFilter, $orderBy: GroupAccountOrder, $after: String) {
    ${list}(filter: $filter, orderBy: $orderBy, first: ${first}, after: $after) {
      edges { cursor node { id regionCode } }
      pageInfo { endCursor hasNextPage }
      facets {
        total
        tiers { value count }
        segments { value count }
        regions { value count }
        statuses { value count }
      }
      freshness { asOf lagSeconds }
    }
  }`;

const BY_VALUE = { field: 'CURRENT_VALUE', direction: 'DESC' };
const A_IN_FUZHOU = { tiers: ['A'], regionCode: '3501' };

describe('the portfolio through the gateway, after a tiering run, over Kafka', () => {
  const running: RunningService[] = [];
  let gateway: Gateway;
  let book: Book;
  const tokens: Record<'admin' | 'm1' | 'm2' | 'fuzhou' | 'xiamen', string> = {
    admin: '',
    m1: '',
    m2: '',
    fuzhou: '',
    xiamen: '',
  };

  async function list(
    list: List,
    token: string,
    args: { filter?: object; orderBy?: object; first?: number; after?: string },
  ): Promise<Page> {
    const { first = 20, ...variables } = args;
    const data = await gateway.call<Record<List, Page>>(
      listQuery(list, first),
      { orderBy: BY_VALUE, ...variables },
      token,
    );
    return data[list];
  }

  const ids = (page: Page) => page.edges.map((edge) => edge.node.id);
  const idsOf = (accounts: readonly BookAccount[]) => accounts.map((account) => account.id);
  const where = (keep: (account: BookAccount) => boolean) =>
    book.accounts.filter(keep).sort(byCurrentValueDesc);
  const ownedBy =
    (...managerIds: string[]) =>
    (account: BookAccount) =>
      managerIds.includes(account.managerId);
  const aInFuzhou = (account: BookAccount) =>
    account.tier === 'A' && account.regionCode.startsWith('3501');

  beforeAll(async () => {
    const issuer = await createTestIssuer();
    tokens.admin = await issuer.token(['ADMIN'], 'A5000');
    tokens.m1 = await issuer.token(['ACCOUNT_MANAGER'], MANAGERS.m1.id);
    tokens.m2 = await issuer.token(['ACCOUNT_MANAGER'], MANAGERS.m2.id);
    tokens.fuzhou = await issuer.token(['SUPERVISOR'], SUPERVISORS.fuzhou);
    tokens.xiamen = await issuer.token(['SUPERVISOR'], SUPERVISORS.xiamen);
    const own = await startOwnSubgraphs('pfe2e', issuer.jwksFile, running);
    const service = await startGatewayOver(own, issuer.jwksFile, running);
    gateway = new Gateway(`${service.baseUrl}/graphql`);

    await registerSalesForce(gateway, tokens.admin);
    book = await seedBook(gateway, tokens.admin);
    // One open handover in Xiamen, for the handover-state filter.
    await gateway.call(
      'mutation H($input: PlanHandoverInput!) { planHandover(input: $input) { id } }',
      {
        input: {
          groupAccountId: book.byKey('X2').id,
          toManagerId: MANAGERS.m4.id,
          reason: '区域调整，重新分配客户',
        },
      },
      tokens.xiamen,
    );

    // The read model has caught up when every account is valued, the tiers, the owners and the
    // open handover are those of the services that own them.
    const counted = async (filter: object) =>
      (await list('groupAccounts', tokens.admin, { filter, first: 1 })).facets.total;
    const tally = (values: readonly string[]) => countsOf(values);
    await untilCaughtUp('the portfolio read model to catch up', async () => {
      const all = await list('groupAccounts', tokens.admin, { first: 1 });
      const valued = all.facets.segments.filter((facet) => facet.value !== null);
      let missing = book.accounts.length - valued.reduce((sum, facet) => sum + facet.count, 0);
      const tiers = tally(book.accounts.map((account) => account.tier));
      for (const { value, count } of tiers) {
        const seen = all.facets.tiers.find((facet) => facet.value === value)?.count ?? 0;
        missing += Math.abs(count - seen);
      }
      for (const manager of Object.values(MANAGERS)) {
        const owned = book.accounts.filter(ownedBy(manager.id)).length;
        missing += Math.abs(owned - (await counted({ primaryManagerId: manager.id })));
      }
      return missing + Math.abs(1 - (await counted({ handoverStates: ['PLANNED'] })));
    });
  }, 420_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
  });

  it("lists a manager's own A accounts in Fuzhou by current value, as the tiering service values them", async () => {
    const expected = where((a) => aInFuzhou(a) && a.managerId === MANAGERS.m1.id);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(new Set(expected.map((a) => a.runId))).toEqual(new Set([book.runId]));

    const page = await list('myPortfolio', tokens.m1, { filter: A_IN_FUZHOU });

    expect(ids(page)).toEqual(idsOf(expected));
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.facets).toEqual({
      total: expected.length,
      tiers: [{ value: 'A', count: expected.length }],
      segments: countsOf(expected.map((a) => a.segment)),
      regions: countsOf(page.edges.map((edge) => edge.node.regionCode)),
      statuses: [{ value: 'ACTIVE', count: expected.length }],
    });
    expect(page.freshness.asOf).not.toBeNull();
    expect(page.freshness.lagSeconds).toBeGreaterThanOrEqual(0);
  });

  it("shows the other manager only their own, and the supervisor both managers' accounts", async () => {
    const forM2 = where((a) => aInFuzhou(a) && a.managerId === MANAGERS.m2.id);
    const team = where((a) => aInFuzhou(a) && ownedBy(MANAGERS.m1.id, MANAGERS.m2.id)(a));
    expect(forM2.length).toBeGreaterThanOrEqual(1);

    const m2 = await list('myPortfolio', tokens.m2, { filter: A_IN_FUZHOU });
    const supervisor = await list('myPortfolio', tokens.fuzhou, { filter: A_IN_FUZHOU });
    const supervisorList = await list('groupAccounts', tokens.fuzhou, { filter: A_IN_FUZHOU });

    expect(ids(m2)).toEqual(idsOf(forM2));
    expect(m2.facets.total).toBe(forM2.length);
    expect(ids(supervisor)).toEqual(idsOf(team));
    expect(supervisor.facets.total).toBe(team.length);
    expect(supervisor.facets.segments).toEqual(countsOf(team.map((a) => a.segment)));
    expect(ids(supervisorList)).toEqual(idsOf(team));
  });

  it('gives an admin every A account in Fuzhou through groupAccounts', async () => {
    const expected = where(aInFuzhou);
    const page = await list('groupAccounts', tokens.admin, { filter: A_IN_FUZHOU });
    expect(ids(page)).toEqual(idsOf(expected));
    expect(page.facets.total).toBe(expected.length);
    expect(page.facets.regions).toEqual(countsOf(expected.map((a) => a.regionCode)));
  });

  it("never gives a manager another manager's account through groupAccounts", async () => {
    for (const [manager, token] of [
      [MANAGERS.m1.id, tokens.m1],
      [MANAGERS.m2.id, tokens.m2],
    ] as const) {
      const everything = await list('groupAccounts', token, {});
      expect(ids(everything)).toEqual(idsOf(where(ownedBy(manager))));
      const others = manager === MANAGERS.m1.id ? MANAGERS.m2.id : MANAGERS.m1.id;
      const asked = await list('groupAccounts', token, { filter: { primaryManagerId: others } });
      expect(asked.edges).toEqual([]);
      expect(asked.facets.total).toBe(0);
    }
  });

  it.each([
    [
      'value segments',
      () => ({ segments: [book.byKey('F1').segment, book.byKey('F2').segment] }),
      () => (a: BookAccount) =>
        [book.byKey('F1').segment, book.byKey('F2').segment].includes(a.segment),
    ],
    [
      'a current value range, both bounds included',
      () => ({
        currentValue: {
          min: String(book.byKey('S3').currentValue),
          max: String(book.byKey('F2').currentValue),
        },
      }),
      () => (a: BookAccount) =>
        a.currentValue >= book.byKey('S3').currentValue &&
        a.currentValue <= book.byKey('F2').currentValue,
    ],
    [
      'the primary manager',
      () => ({ primaryManagerId: MANAGERS.m2.id }),
      () => ownedBy(MANAGERS.m2.id),
    ],
    [
      'a tier the run moved up',
      () => ({ tierChange: 'UP' }),
      () => (a: BookAccount) => a.tier !== 'C',
    ],
    [
      'a tier the run left alone',
      () => ({ tierChange: 'NONE' }),
      () => (a: BookAccount) => a.tier === 'C',
    ],
    [
      'an open handover',
      () => ({ handoverStates: ['PLANNED'] }),
      () => (a: BookAccount) => a.key === 'X2',
    ],
    [
      'no open handover',
      () => ({ handoverStates: ['NONE'] }),
      () => (a: BookAccount) => a.key !== 'X2',
    ],
  ])('filters by %s', async (_case, filter, keep) => {
    const expected = where(keep());
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(book.accounts.length);

    const page = await list('groupAccounts', tokens.admin, { filter: filter() });

    expect(ids(page)).toEqual(idsOf(expected));
    expect(page.facets.total).toBe(expected.length);
    expect(page.facets.tiers).toEqual(countsOf(expected.map((a) => a.tier)));
  });

  it('walks a portfolio two at a time, in order, without repeating an account', async () => {
    const expected = where(ownedBy(MANAGERS.m1.id, MANAGERS.m2.id));
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await list('myPortfolio', tokens.fuzhou, {
        first: 2,
        ...(after ? { after } : {}),
      });
      expect(page.edges.length).toBeLessThanOrEqual(2);
      expect(page.facets.total).toBe(expected.length);
      seen.push(...ids(page));
      pages += 1;
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after && pages <= expected.length);

    expect(seen).toEqual(idsOf(expected));
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(expected.length / 2));
  });

  it("sums a group's values on its head, within what the caller may see", async () => {
    const ROLLUP = `query R($id: ID!) {
      groupAccount(id: $id) { groupRollup { members currentValue potentialValue tiers { tier count } } }
    }`;
    type Rollup = {
      members: number;
      currentValue: string;
      potentialValue: string;
      tiers: { tier: string | null; count: number }[];
    };
    const rollupOf = async (token: string) =>
      (
        await gateway.call<{ groupAccount: { groupRollup: Rollup } }>(
          ROLLUP,
          { id: book.byKey('GH').id },
          token,
        )
      ).groupAccount.groupRollup;
    const expectedOf = (members: readonly BookAccount[]) => ({
      members: members.length,
      currentValue: String(members.reduce((sum, a) => sum + a.currentValue, 0n)),
      potentialValue: String(members.reduce((sum, a) => sum + a.potentialValue, 0n)),
      tiers: countsOf(members.map((a) => a.tier)).map(({ value, count }) => ({
        tier: value,
        count,
      })),
    });
    const byTier = (rollup: Rollup) => ({
      ...rollup,
      tiers: [...rollup.tiers].sort((a, b) => String(a.tier).localeCompare(String(b.tier))),
    });
    const group = book.accounts.filter((a) => a.key === 'GH' || a.parentKey === 'GH');
    expect(group).toHaveLength(3);

    expect(byTier(await rollupOf(tokens.admin))).toEqual(byTier(expectedOf(group)));
    const seenByM1 = group.filter(ownedBy(MANAGERS.m1.id));
    expect(seenByM1.length).toBeLessThan(group.length);
    expect(byTier(await rollupOf(tokens.m1))).toEqual(byTier(expectedOf(seenByM1)));
  });
});
