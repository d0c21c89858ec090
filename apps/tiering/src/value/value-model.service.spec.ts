import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  checkPayload,
  type EventEnvelope,
  type EventType,
  type EventPayload,
} from '@gap/contracts';
import { DomainError } from '@gap/errors';
import { DEFAULT_POLICY } from '@gap/tiering/domain';
import { openTestDataSource } from '@gap/testing';
import { TIERING_SCHEMA } from '../migrations/index.js';
import { AccountTierEntity } from '../tier-assignment/account-tier.entity.js';
import { AccountProfileRepository } from './account-profile.repository.js';
import { TieringPolicyRepository } from './tiering-policy.repository.js';
import { TieringPolicyService } from './tiering-policy.service.js';
import type { CreateTieringPolicyInput } from './tiering-policy.types.js';

function envelope<T extends EventType>(
  type: T,
  aggregateId: string,
  payload: EventPayload<T>,
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: '2024-03-15T08:00:00.000Z',
    aggregateId,
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
}

const created = (id: string, parentId: string | null = null, status = 'ACTIVE') =>
  envelope('AccountCreated', id, {
    groupAccountId: id,
    accountCode: `GA${id.replace(/\D/g, '').padEnd(8, '0').slice(0, 8)}${id.slice(0, 4)}`,
    name: '福建海峡物流集团有限公司',
    creditCode: '91350100M000100Y43',
    type: 'ENTERPRISE',
    industryCode: 'G',
    regionCode: '350102',
    status,
    parentId,
    employees: 800,
  });

describe('the account profiles the value model reads', () => {
  let dataSource: DataSource;
  const profiles = new AccountProfileRepository();

  beforeAll(async () => {
    dataSource = await openTestDataSource({
      schema: TIERING_SCHEMA,
      entities: [AccountTierEntity],
      migrations: [],
    });
  });
  afterAll(() => dataSource.destroy());

  const apply = (work: (manager: EntityManager) => Promise<void>) => dataSource.transaction(work);
  const profile = async (id: string) =>
    (
      await dataSource.query<Record<string, unknown>[]>(
        `SELECT employees, status, parent_id AS "parentId", group_head_id AS "groupHeadId",
                customer_since AS "customerSince", industry_code AS "industryCode"
           FROM tiering.account_profile WHERE group_account_id = $1`,
        [id],
      )
    )[0];

  it('records a new account once, in its group, a customer since it became active', async () => {
    const [head, member] = [randomUUID(), randomUUID()];
    await apply((m) => profiles.onAccountCreated(created(head), m));
    await apply((m) => profiles.onAccountCreated(created(member, head, 'PROSPECT'), m));
    await apply((m) => profiles.onAccountCreated(created(member, head, 'PROSPECT'), m));
    expect(await profile(head)).toMatchObject({
      groupHeadId: head,
      customerSince: '2024-03-15',
      employees: 800,
    });
    expect(await profile(member)).toMatchObject({
      groupHeadId: head,
      parentId: head,
      customerSince: null,
    });
    await apply((m) =>
      profiles.onAccountStatusChanged(
        envelope('AccountStatusChanged', member, {
          groupAccountId: member,
          from: 'PROSPECT',
          to: 'ACTIVE',
          reason: null,
        }),
        m,
      ),
    );
    expect(await profile(member)).toMatchObject({ status: 'ACTIVE', customerSince: '2024-03-15' });
  });

  it('never takes negative employees: the event breaks its contract, and the table refuses them', async () => {
    const id = randomUUID();
    const bad = { ...created(id).payload, employees: -5 };
    expect(checkPayload('AccountCreated', bad, 'receive')).toEqual([
      expect.stringContaining('payload.employees'),
    ]);
    await expect(
      apply((m) => profiles.onAccountCreated({ ...created(id), payload: bad }, m)),
    ).rejects.toThrow(/account_profile_employees_check/);
    expect(await profile(id)).toBeUndefined();
  });

  it('moves a subtree to its new group head, and follows updates and cluster leadership', async () => {
    const [oldHead, newHead, node, leaf] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await apply((m) => profiles.onAccountCreated(created(oldHead), m));
    await apply((m) => profiles.onAccountCreated(created(newHead), m));
    await apply((m) => profiles.onAccountCreated(created(node, oldHead), m));
    await apply((m) => profiles.onAccountCreated(created(leaf, node), m));
    await apply((m) =>
      profiles.onAccountHierarchyChanged(
        envelope('AccountHierarchyChanged', node, {
          groupAccountId: node,
          previousParentId: oldHead,
          parentId: newHead,
          previousGroupHeadId: oldHead,
          groupHeadId: newHead,
          descendantsMoved: 1,
        }),
        m,
      ),
    );
    expect(await profile(node)).toMatchObject({ parentId: newHead, groupHeadId: newHead });
    expect(await profile(leaf)).toMatchObject({ parentId: node, groupHeadId: newHead });

    await apply((m) =>
      profiles.onAccountUpdated(
        envelope('AccountUpdated', leaf, {
          groupAccountId: leaf,
          changed: ['employees'],
          name: 'x',
          type: 'ENTERPRISE',
          industryCode: 'I',
          regionCode: '350102',
          employees: 42,
          linesCount: null,
          foundedOn: null,
          tags: [],
          version: 2,
        }),
        m,
      ),
    );
    expect(await profile(leaf)).toMatchObject({ employees: 42, industryCode: 'I' });

    const cluster = randomUUID();
    const membership = (change: 'JOINED' | 'LEFT') =>
      envelope('ClusterMembershipChanged', newHead, {
        groupAccountId: newHead,
        clusterId: cluster,
        clusterName: '物流集群',
        role: 'LEADER',
        change,
      });
    await apply((m) => profiles.onClusterMembershipChanged(membership('JOINED'), m));
    await apply((m) => profiles.onClusterMembershipChanged(membership('JOINED'), m));
    const count = async () =>
      (
        await dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM tiering.cluster_membership WHERE cluster_id = $1',
          [cluster],
        )
      )[0]?.n;
    expect(await count()).toBe(1);
    await apply((m) => profiles.onClusterMembershipChanged(membership('LEFT'), m));
    expect(await count()).toBe(0);
  });
});

describe('tiering policies', () => {
  let dataSource: DataSource;
  let policies: TieringPolicyService;
  let store: TieringPolicyRepository;
  const admin = { subject: 'A1', roles: ['ADMIN' as const] };

  beforeAll(async () => {
    dataSource = await openTestDataSource({
      schema: TIERING_SCHEMA,
      entities: [AccountTierEntity],
      migrations: [],
    });
    store = new TieringPolicyRepository(dataSource);
    policies = new TieringPolicyService(store);
  });
  afterAll(() => dataSource.destroy());

  const input = (overrides: Partial<CreateTieringPolicyInput> = {}): CreateTieringPolicyInput => ({
    ...DEFAULT_POLICY,
    version: `v-${randomUUID().slice(0, 8)}`,
    walletPerEmployee: [{ industryCode: 'C', perEmployee: 1500 }],
    groupFloor: { A: 'B', B: null },
    makeCurrent: true,
    ...overrides,
  });

  it('starts with the default policy and makes a new version current', async () => {
    expect((await store.current()).cutoffs).toEqual(DEFAULT_POLICY.cutoffs);
    const created = await policies.create(admin, input({ hysteresisMargin: 0.03 }));
    expect(created).toMatchObject({ isCurrent: true, hysteresisMargin: 0.03, createdBy: 'A1' });
    expect((await store.current()).version).toBe(created.version);
    const listed = await policies.list(admin);
    expect(listed.filter((p) => p.isCurrent).map((p) => p.version)).toEqual([created.version]);
  });

  it('refuses cut-offs that do not add up, naming the field, and changes nothing', async () => {
    const before = await store.current();
    const error = await policies
      .create(admin, input({ cutoffs: { A: 0.8, B: 0.15, C: 0.1 } }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'CUTOFFS_DO_NOT_ADD_UP', field: 'input.cutoffs' });
    expect(await store.current()).toEqual(before);
  });

  it('never edits a version, and lets only admins add one', async () => {
    const first = input();
    await policies.create(admin, { ...first, makeCurrent: false });
    await expect(policies.create(admin, { ...first, makeCurrent: false })).rejects.toMatchObject({
      code: 'POLICY_VERSION_TAKEN',
      field: 'input.version',
    });
    await expect(
      policies.create({ subject: 'S1', roles: ['SUPERVISOR'] }, input()),
    ).rejects.toMatchObject({ kind: 'FORBIDDEN' });
  });
});
