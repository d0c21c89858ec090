import type { GroupAccountEntity } from '../group-account/group-account.entity.js';
import {
  accountInput,
  callers,
  failure,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';

const coordinator = callers.coordinator;

describe('the group hierarchy', () => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  async function add(name: string, parent?: GroupAccountEntity): Promise<GroupAccountEntity> {
    return h.createAccount.create(
      coordinator,
      accountInput({ name, parentId: parent?.id ?? null, employees: 100 }),
    );
  }

  /** HQ → {south → {xiamen → {branch}, fuzhou}, north}. */
  async function group() {
    const hq = await add('闽海集团总部');
    const south = await add('闽海集团华南公司', hq);
    const north = await add('闽海集团华北公司', hq);
    const xiamen = await add('闽海集团厦门分公司', south);
    const fuzhou = await add('闽海集团福州分公司', south);
    const branch = await add('闽海集团厦门湖里营业部', xiamen);
    return { hq, south, north, xiamen, fuzhou, branch };
  }

  async function fresh(account: GroupAccountEntity) {
    return h.findAccounts.get(coordinator, account.id);
  }

  it('lists descendants in tree order, a page at a time, and ancestors from the head down', async () => {
    const g = await group();
    const first = await h.hierarchy.descendants(coordinator, g.hq, 3);
    const rest = await h.hierarchy.descendants(
      coordinator,
      g.hq,
      3,
      first.pageInfo.endCursor ?? undefined,
    );
    expect([...first.edges, ...rest.edges].map((e) => e.node.id)).toEqual(
      [g.south, g.xiamen, g.branch, g.fuzhou, g.north].map((a) => a.id),
    );
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect((await h.hierarchy.ancestors(coordinator, g.branch)).map((a) => a.id)).toEqual([
      g.hq.id,
      g.south.id,
      g.xiamen.id,
    ]);
    expect(
      (await h.hierarchy.children(coordinator, g.south, 10)).edges.map((e) => e.node.id),
    ).toEqual([g.xiamen.id, g.fuzhou.id]);
    expect(g.branch.depth).toBe(4);
  });

  it('rolls counts and totals up per node', async () => {
    const g = await group();
    expect(await h.hierarchy.rollup(coordinator, g.hq)).toEqual({
      children: 2,
      descendants: 5,
      levelsBelow: 3,
      employees: 600,
      lines: 0,
      active: 0,
    });
    expect(await h.hierarchy.rollup(coordinator, g.south)).toMatchObject({
      children: 2,
      descendants: 3,
      levelsBelow: 2,
    });
    expect(await h.hierarchy.rollup(coordinator, g.branch)).toMatchObject({
      children: 0,
      descendants: 0,
      levelsBelow: 0,
    });
  });

  it('moves a subtree with everything below it, and records one event', async () => {
    const g = await group();
    await h.moveAccount.move(coordinator, g.xiamen.id, g.north.id);
    const branch = await fresh(g.branch);
    expect(branch.path).toBe(
      [g.hq, g.north, g.xiamen, g.branch].map((a) => a.accountCode).join('/'),
    );
    expect((await fresh(g.xiamen)).parentId).toBe(g.north.id);
    expect(await h.hierarchy.rollup(coordinator, await fresh(g.south))).toMatchObject({
      descendants: 1,
    });
    expect(await h.hierarchy.rollup(coordinator, await fresh(g.north))).toMatchObject({
      descendants: 2,
    });
    const events = await h.dataSource.query<{ payload: Record<string, unknown> }[]>(
      `SELECT envelope->'payload' AS payload FROM accounts.outbox
        WHERE message_key = $1 AND event_type = 'AccountHierarchyChanged'`,
      [g.xiamen.id],
    );
    expect(events.map((e) => e.payload)).toEqual([
      {
        groupAccountId: g.xiamen.id,
        previousParentId: g.south.id,
        parentId: g.north.id,
        previousGroupHeadId: g.hq.id,
        groupHeadId: g.hq.id,
        descendantsMoved: 1,
      },
    ]);
  });

  it('makes a subtree a group of its own, and moves it into another group', async () => {
    const g = await group();
    const other = await add('榕城控股集团');
    await h.moveAccount.move(coordinator, g.south.id, null);
    expect(await fresh(g.branch)).toMatchObject({
      depth: 3,
      path: [g.south, g.xiamen, g.branch].map((a) => a.accountCode).join('/'),
    });
    await h.moveAccount.move(coordinator, g.south.id, other.id);
    expect((await fresh(g.branch)).path.startsWith(`${other.accountCode}/`)).toBe(true);
    expect(await h.hierarchy.rollup(coordinator, await fresh(g.hq))).toMatchObject({
      descendants: 1,
    });
  });

  it('refuses a move under itself or anything below it, and changes nothing', async () => {
    const g = await group();
    const self = await failure(h.moveAccount.move(coordinator, g.south.id, g.south.id));
    expect(self).toMatchObject({ code: 'HIERARCHY_CYCLE', field: 'input.parentId' });
    const below = await failure(h.moveAccount.move(coordinator, g.hq.id, g.branch.id));
    expect(below).toMatchObject({ code: 'HIERARCHY_CYCLE', field: 'input.parentId' });
    expect(await fresh(g.hq)).toEqual(g.hq);
    expect((await fresh(g.branch)).path).toBe(g.branch.path);
  });

  it('never lets two opposite concurrent moves build a cycle', async () => {
    const a = await add('并发移动甲');
    const b = await add('并发移动乙');
    const results = await Promise.allSettled([
      h.moveAccount.move(coordinator, a.id, b.id),
      h.moveAccount.move(coordinator, b.id, a.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [x, y] = [await fresh(a), await fresh(b)];
    expect([x.parentId, y.parentId].filter((p) => p !== null)).toHaveLength(1);
  });

  it('refuses a move that would make the group deeper than the limit', async () => {
    let node = await add('深层集团第1级');
    const head = node;
    for (let level = 2; level <= 32; level++) node = await add(`深层集团第${level}级`, node);
    const extra = await add('另一集团');
    const child = await add('另一集团子公司', extra);
    const error = await failure(h.moveAccount.move(coordinator, extra.id, node.id));
    expect(error).toMatchObject({ code: 'HIERARCHY_TOO_DEEP', field: 'input.parentId' });
    expect((await fresh(child)).depth).toBe(2);
    expect(await h.hierarchy.rollup(coordinator, head)).toMatchObject({ levelsBelow: 31 });
  });

  it("keeps a manager's view of the hierarchy to their portfolio", async () => {
    const g = await group();
    const manager = callers.manager('E5001');
    await h.assign(g.south.id, 'E5001');
    await h.assign(g.xiamen.id, 'E5001');
    expect((await h.hierarchy.ancestors(manager, g.branch)).map((a) => a.id)).toEqual([
      g.south.id,
      g.xiamen.id,
    ]);
    expect(
      (await h.hierarchy.descendants(manager, g.south, 10)).edges.map((e) => e.node.id),
    ).toEqual([g.xiamen.id]);
    expect((await failure(h.moveAccount.move(manager, g.fuzhou.id, g.xiamen.id))).code).toBe(
      'GROUP_ACCOUNT_NOT_FOUND',
    );
  });
});

describe('industry clusters and associations', () => {
  let h: AccountsHarness;
  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  it('links a leader and its supporters, visible from both sides, with events', async () => {
    const leader = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '宁德新能源科技有限公司' }),
    );
    const a = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '宁德电池材料有限公司' }),
    );
    const b = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '宁德精密结构件有限公司' }),
    );
    const cluster = await h.clusters.createCluster(callers.coordinator, {
      name: `宁德锂电产业集群${Date.now()}`,
      industryCode: 'C',
      regionCode: '350902',
      leaderId: leader.id,
      supporterIds: [a.id, b.id],
    });
    expect(cluster).toMatchObject({ leaderAccountId: leader.id, supporterCount: 2 });
    expect((await h.clusters.membershipsOf(coordinator, leader.id)).map((m) => m.role)).toEqual([
      'LEADER',
    ]);
    expect(
      (await h.clusters.membershipsOf(coordinator, a.id)).map((m) => [m.role, m.cluster.id]),
    ).toEqual([['SUPPORTING', cluster.id]]);
    const supporters = await h.findAccounts.search(callers.coordinator, {
      first: 10,
      filter: { clusterId: cluster.id },
    });
    expect(supporters.edges).toHaveLength(3);
    await h.clusters.removeSupporters(callers.coordinator, cluster.id, [b.id]);
    const [row] = await h.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM accounts.outbox WHERE event_type = 'ClusterMembershipChanged'
          AND envelope->'payload'->>'clusterId' = $1`,
      [cluster.id],
    );
    expect(row?.n).toBe(4);

    const leaderAsSupporter = await failure(
      h.clusters.addSupporters(callers.coordinator, cluster.id, [leader.id]),
    );
    expect(leaderAsSupporter).toMatchObject({ code: 'INVALID_INPUT', field: 'input.accountIds' });
  });

  it('keeps associations with accounts as members, an account in several', async () => {
    const member = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '福州软件园企业' }),
    );
    const first = await h.associations.createAssociation(callers.coordinator, {
      name: `福建省软件行业协会${Date.now()}`,
      industryCode: 'I',
    });
    const second = await h.associations.createAssociation(callers.coordinator, {
      name: `福州市物联网协会${Date.now()}`,
    });
    await h.associations.addMembers(callers.coordinator, first.id, [member.id]);
    await h.associations.addMembers(callers.coordinator, second.id, [member.id, member.id]);
    expect(
      (await h.associations.associationsOf(coordinator, member.id)).map((a) => a.id).sort(),
    ).toEqual([first.id, second.id].sort());
    expect((await h.associations.association(callers.coordinator, second.id)).memberCount).toBe(1);
    const badRegion = await failure(
      h.associations.createAssociation(callers.coordinator, { name: '协会', regionCode: '990000' }),
    );
    expect(badRegion).toMatchObject({ code: 'REGION_UNKNOWN', field: 'input.regionCode' });
  });

  it('pages through clusters and associations in name order', async () => {
    const leader = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '分页测试龙头' }),
    );
    const suffix = Date.now();
    for (const name of [`甲分页集群${suffix}`, `乙分页集群${suffix}`]) {
      await h.clusters.createCluster(callers.coordinator, {
        name,
        industryCode: 'C',
        regionCode: '350102',
        leaderId: leader.id,
      });
      await h.associations.createAssociation(callers.coordinator, { name });
    }
    for (const list of [
      (after?: string) => h.clusters.clusters(callers.coordinator, 1, after),
      (after?: string) => h.associations.associations(callers.coordinator, 1, after),
    ]) {
      const names: string[] = [];
      let after: string | undefined;
      do {
        const page = await list(after);
        names.push(...page.edges.map((e) => e.node.name));
        after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
      } while (after);
      expect(names).toEqual([...names].sort());
      expect(names.filter((n) => n.includes(String(suffix)))).toHaveLength(2);
    }
  });
});
