import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import pg from 'pg';
import {
  createTestIssuer,
  eventually,
  freePort,
  startServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type RunningService,
  type TestIssuer,
} from '@gap/testing';
import { freshCreditCode } from './credit-codes.js';

interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const MAX_DEPTH = 3;
/** This run's topics on the shared test broker. */
const TOPIC_PREFIX = `e2e-${randomUUID().slice(0, 8)}.`;

describe('the platform through the gateway, with Kafka between the services', () => {
  let issuer: TestIssuer;
  let services: RunningService[] = [];
  let gateway: RunningService;
  let accounts: RunningService;
  let db: pg.Pool;
  /** The accounts this suite created (through `createGroupAccount`). */
  const ours = new Set<string>();
  let managerToken: string;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    db = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
    const common = {
      DATABASE_URL: testDatabaseUrl(),
      EVENT_TRANSPORT: 'kafka',
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      // Topics of this run alone: other suites publish to the same broker at the same time.
      KAFKA_TOPIC_PREFIX: TOPIC_PREFIX,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
    };
    const [accountsPort, tieringPort, managersPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    const starting = await Promise.allSettled([
      startServiceProcess('accounts', 'apps/accounts/src/main.ts', {
        ...common,
        PORT: String(accountsPort),
      }),
      startServiceProcess('tiering', 'apps/tiering/src/main.ts', {
        ...common,
        PORT: String(tieringPort),
      }),
      startServiceProcess('managers', 'apps/managers/src/main.ts', {
        ...common,
        PORT: String(managersPort),
      }),
    ]);
    // Whatever started is stopped in afterAll, even when another service failed to start.
    services = starting.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = starting.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    const started = services;
    accounts = started[0];
    gateway = await startServiceProcess('gateway', 'apps/gateway/src/main.ts', {
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
      ACCOUNTS_URL: `http://127.0.0.1:${accountsPort}/graphql`,
      TIERING_URL: `http://127.0.0.1:${tieringPort}/graphql`,
      MANAGERS_URL: `http://127.0.0.1:${managersPort}/graphql`,
      MAX_QUERY_DEPTH: String(MAX_DEPTH),
    });
    services.push(gateway);
    managerToken = await issuer.token(['ACCOUNT_MANAGER'], 'E2001');
    await registerManagers();
  }, 180_000);

  /**
   * The sales force of these tests, under supervisor S2000: standard managers in Fuzhou (where
   * the tests' accounts are) and Xiamen, and a key-account manager in Fuzhou.
   */
  async function registerManagers(): Promise<void> {
    const admin = await issuer.token(['ADMIN'], 'A2000');
    const managers = [
      { id: 'S2000', grade: 'KEY_ACCOUNT', regions: ['350000'], capacity: 0 },
      { id: 'E2001', grade: 'STANDARD', regions: ['350100'], supervisorId: 'S2000' },
      { id: 'E2101', grade: 'STANDARD', regions: ['350200'], supervisorId: 'S2000' },
      { id: 'E2102', grade: 'STANDARD', regions: ['350200'], supervisorId: 'S2000' },
      { id: 'K2001', grade: 'KEY_ACCOUNT', regions: ['350100'], supervisorId: 'S2000' },
    ];
    for (const manager of managers) {
      const { body } = await graphql(
        'mutation Register($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
        {
          input: {
            name: `经理 ${manager.id}`,
            industries: [],
            capacity: 1000,
            ...manager,
          },
        },
        admin,
      );
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
  }

  /**
   * The suite's accounts with none or two primary managers (none is allowed only while listed).
   * Only its own: the database is shared, and another suite's accounts may still be on their way.
   */
  async function primaryViolations(): Promise<unknown[]> {
    const result = await db.query<{ id: string; primaries: number }>(
      `SELECT g.id, count(pa.manager_id)::int AS primaries
         FROM managers.group_account g
         LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
        WHERE g.id = ANY ($1::uuid[])
        GROUP BY g.id
       HAVING count(pa.manager_id) <> 1
          AND NOT EXISTS (SELECT 1 FROM managers.unassignable_account u
                           WHERE u.group_account_id = g.id AND u.current_manager_id IS NULL)`,
      [[...ours]],
    );
    return result.rows;
  }

  afterAll(async () => {
    await Promise.all(services.map((service) => service.stop()));
    await db?.end();
  });

  async function graphql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token: string | null = managerToken,
  ): Promise<{ status: number; body: GraphQLResponse<T> }> {
    const response = await fetch(`${gateway.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse<T>;
    const created = (body.data as { createGroupAccount?: { id?: string } } | undefined)
      ?.createGroupAccount?.id;
    if (created) ours.add(created);
    return { status: response.status, body };
  }

  const CREATE = `mutation Create($input: CreateGroupAccountInput!) {
    createGroupAccount(input: $input) { id accountCode name status }
  }`;

  const validInput = () => ({
    name: '福建海峡智能装备集团有限公司',
    creditCode: freshCreditCode(),
    type: 'ENTERPRISE',
    industryCode: 'C',
    regionCode: '350102',
  });

  async function accountsWithCreditCode(creditCode: string): Promise<number> {
    const result = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM accounts.group_account WHERE credit_code = $1',
      [creditCode],
    );
    return result.rows[0]?.n ?? -1;
  }

  it('creates an account and shows its tier once the event has flowed through Kafka', async () => {
    const input = validInput();
    const created = await graphql<{
      createGroupAccount: { id: string; accountCode: string; status: string };
    }>(CREATE, { input });
    expect(created.body.errors).toBeUndefined();
    const account = created.body.data?.createGroupAccount;
    expect(account?.status).toBe('PROSPECT');
    expect(account?.accountCode).toMatch(/^GA\d{8}$/);

    const started = Date.now();
    const tier = await eventually(
      async () => {
        const result = await graphql<{ groupAccount: { name: string; tier: string | null } }>(
          'query Account($id: ID!) { groupAccount(id: $id) { name tier } }',
          { id: account?.id },
        );
        return result.body.data?.groupAccount.tier;
      },
      5_000,
      'the tier to show',
    );
    expect(tier).toBe('C');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('published the AccountCreated event to the accounts topic on the Kafka broker', async () => {
    const input = validInput();
    const created = await graphql<{ createGroupAccount: { id: string } }>(CREATE, { input });
    const id = created.body.data?.createGroupAccount.id;
    const kafka = new Kafka({ clientId: 'e2e-reader', brokers: testKafkaBrokers(), logLevel: 0 });
    const consumer = kafka.consumer({ groupId: `e2e-${randomUUID()}` });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({
      topics: [`${TOPIC_PREFIX}accounts.events.v1`],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: ({ message }) => {
        if (message.key?.toString() === id) seen.push(message.value?.toString() ?? '');
        return Promise.resolve();
      },
    });
    try {
      const value = await eventually(() => seen[0], 20_000, 'the event on Kafka');
      expect(JSON.parse(value)).toMatchObject({
        type: 'AccountCreated',
        aggregateId: id,
        payload: { creditCode: input.creditCode },
      });
    } finally {
      await consumer.disconnect();
    }
  });

  it.each([
    [
      'a wrong check character',
      { creditCode: '91350100M000100Y44' },
      'input.creditCode',
      'CREDIT_CODE_CHECK_CHARACTER',
    ],
    [
      'a credit code of 17 characters',
      { creditCode: '91350100M000100Y4' },
      'input.creditCode',
      'CREDIT_CODE_LENGTH',
    ],
    ['an over-long name', { name: '很'.repeat(201) }, 'input.name', 'TOO_LONG'],
    ['an empty name', { name: '   ' }, 'input.name', 'EMPTY'],
    ['negative employees', { employees: -1 }, 'input.employees', 'TOO_SMALL'],
    ['a future founding date', { foundedOn: '2099-01-01' }, 'input.foundedOn', 'DATE_IN_FUTURE'],
    ['an unknown industry', { industryCode: 'Z' }, 'input.industryCode', 'INDUSTRY_UNKNOWN'],
    ['an unknown region', { regionCode: '990101' }, 'input.regionCode', 'REGION_UNKNOWN'],
  ])(
    'refuses %s with a code and the field, and writes nothing',
    async (_case, change, field, reason) => {
      const input = { ...validInput(), ...change };
      const { body } = await graphql(CREATE, { input });
      const error = body.errors?.[0];
      expect(error?.extensions).toMatchObject({ category: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(error?.extensions?.['violations'] ?? error?.extensions)).toContain(
        reason,
      );
      expect(await accountsWithCreditCode(input.creditCode.slice(0, 18))).toBe(0);
    },
  );

  it('refuses an unknown input field with a code and the field, and writes nothing', async () => {
    const input = { ...validInput(), discount: 99 };
    const { body } = await graphql(CREATE, { input });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.discount',
    });
    expect(await accountsWithCreditCode(input.creditCode)).toBe(0);
  });

  it('refuses a second account with the same credit code', async () => {
    const input = validInput();
    await graphql(CREATE, { input });
    const { body } = await graphql(CREATE, { input: { ...input, name: '另一家公司' } });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'CREDIT_CODE_TAKEN',
      field: 'input.creditCode',
    });
    expect(await accountsWithCreditCode(input.creditCode)).toBe(1);
  });

  it('answers UNAUTHENTICATED when no token is sent', async () => {
    const { status, body } = await graphql(
      '{ groupAccounts(first: 1) { pageInfo { hasNextPage } } }',
      {},
      null,
    );
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['for another audience', () => issuer.token(['ADMIN'], 'E1', { audience: 'billing' })],
    ['that has expired', () => issuer.token(['ADMIN'], 'E1', { expiresInSeconds: -120 })],
    [
      'that is unsigned (alg: none)',
      () => {
        const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
        const now = Math.floor(Date.now() / 1000);
        return Promise.resolve(
          `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'E1', roles: ['ADMIN'], iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: now + 600 })}.`,
        );
      },
    ],
  ])('rejects a token %s', async (_case, token) => {
    const { status, body } = await graphql(
      '{ groupAccounts(first: 1) { pageInfo { hasNextPage } } }',
      {},
      await token(),
    );
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('lets a subgraph refuse a caller who bypasses the gateway without a token', async () => {
    const response = await fetch(`${accounts.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ groupAccounts(first: 1) { pageInfo { hasNextPage } } }' }),
    });
    expect(response.status).toBe(401);
  });

  it('rejects a query deeper than the limit before any subgraph is called', async () => {
    const subgraphCalls = async () => {
      const metrics = await (await fetch(`${accounts.baseUrl}/metrics`)).text();
      const line = metrics
        .split('\n')
        .find(
          (l) =>
            l.startsWith('http_request_duration_seconds_count') && l.includes('route="/graphql"'),
        );
      return Number(line?.split(' ').at(-1) ?? 0);
    };
    const before = await subgraphCalls();
    const { status, body } = await graphql('{ groupAccounts(first: 1) { edges { node { id } } } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_DEEP',
      reason: 'QUERY_TOO_DEEP',
    });
    expect(body.data).toBeUndefined();
    expect(await subgraphCalls()).toBe(before);
  });

  it('lets a partner see no group accounts', async () => {
    const { body } = await graphql(
      '{ groupAccounts(first: 1) { pageInfo { hasNextPage } } }',
      {},
      await issuer.token(['PARTNER'], 'P1'),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      category: 'FORBIDDEN',
    });
  });

  describe('who sees what, as the managers service assigns accounts', () => {
    const GET = 'query Get($id: ID!) { groupAccount(id: $id) { id name } }';

    /** A supervisor tries to give the account to another manager at once, through the gateway. */
    async function reassign(groupAccountId: string, managerId: string) {
      const { body } = await graphql(
        `
          mutation Assign($input: AssignPrimaryManagerInput!) {
            assignPrimaryManager(input: $input) {
              managerId
            }
          }
        `,
        { input: { groupAccountId, managerId, reason: '按区域重新分配客户' } },
        await issuer.token(['SUPERVISOR'], 'S2000'),
      );
      return body;
    }

    /** Waits until the managers service has given the account its first manager. */
    async function primaryManagerOf(groupAccountId: string, within = 10_000): Promise<string> {
      return eventually(
        async () => {
          const result = await db.query<{ managerId: string }>(
            'SELECT manager_id AS "managerId" FROM managers.primary_assignment WHERE group_account_id = $1',
            [groupAccountId],
          );
          return result.rows[0]?.managerId;
        },
        within,
        'the primary manager',
      );
    }

    it('explains a new account’s tier, and lets a supervisor override it, through the gateway', async () => {
      const created = await graphql<{ createGroupAccount: { id: string } }>(CREATE, {
        input: validInput(),
      });
      const id = created.body.data?.createGroupAccount.id;
      const TIERING = `query Tiering($id: ID!) {
        groupAccount(id: $id) {
          tier valueSegment value { lifetime }
          tierExplanation { tier decidedBy policyVersion summary }
          tierOverride { tier reason validUntil }
          tierHistory { tier reason }
        }
      }`;
      type Tiering = {
        groupAccount: {
          tier: string | null;
          valueSegment: string | null;
          value: unknown;
          tierExplanation: {
            tier: string;
            decidedBy: string;
            policyVersion: string;
            summary: string;
          };
          tierOverride: { tier: string; reason: string; validUntil: string } | null;
          tierHistory: { tier: string; reason: string }[];
        };
      };
      const before = await eventually(
        async () => {
          const result = await graphql<Tiering>(TIERING, { id });
          return result.body.data?.groupAccount.tier ? result.body : undefined;
        },
        5_000,
        'the tier to show',
      );
      expect(before.errors).toBeUndefined();
      expect(before.data?.groupAccount).toMatchObject({
        tier: 'C',
        valueSegment: null,
        value: null,
        tierExplanation: { tier: 'C', decidedBy: 'NEW_ACCOUNT_WITHOUT_VALUE_HISTORY' },
        tierOverride: null,
        tierHistory: [],
      });

      // The managers service gives the account to the Fuzhou manager, under S2000.
      expect(await primaryManagerOf(id as string)).toBe('E2001');
      const supervisor = await issuer.token(['SUPERVISOR'], 'S2000');
      const SET = `mutation Set($input: SetTierOverrideInput!) {
        setTierOverride(input: $input) { tier tierBefore inForce }
      }`;
      const refused = await graphql(
        SET,
        {
          input: { groupAccountId: id, tier: 'A', reason: 'x', validUntil: '2000-01-01' },
        },
        supervisor,
      );
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({
        code: 'INVALID_INPUT',
        violations: [
          expect.objectContaining({ field: 'input.reason', reason: 'REASON_REQUIRED' }),
          expect.objectContaining({ field: 'input.validUntil', reason: 'DATE_IN_PAST' }),
        ],
      });
      const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;
      const set = await eventually(
        async () => {
          const answer = await graphql(
            SET,
            {
              input: {
                groupAccountId: id,
                tier: 'A',
                reason: '省级战略客户',
                validUntil: nextYear,
              },
            },
            supervisor,
          );
          return answer.body.errors ? undefined : answer;
        },
        10_000,
        'the supervisor to see the account in tiering',
      );
      expect(set.body.data).toEqual({
        setTierOverride: { tier: 'A', tierBefore: 'C', inForce: true },
      });
      const after = await graphql<Tiering>(TIERING, { id });
      expect(after.body.data?.groupAccount).toMatchObject({
        tier: 'A',
        tierExplanation: { tier: 'A', decidedBy: 'OVERRIDE' },
        tierOverride: { tier: 'A', reason: '省级战略客户', validUntil: nextYear },
        tierHistory: [{ tier: 'A', reason: 'OVERRIDE' }],
      });
      expect(after.body.data?.groupAccount.tierExplanation.summary).toContain('省级战略客户');
    });

    async function createAsCoordinator(): Promise<string> {
      const token = await issuer.token(['COORDINATOR'], 'C2001');
      const created = await graphql<{ createGroupAccount: { id: string } }>(
        CREATE,
        { input: validInput() },
        token,
      );
      const id = created.body.data?.createGroupAccount.id;
      if (!id) throw new Error(JSON.stringify(created.body.errors));
      return id;
    }

    it("answers a manager asking for another manager's account as not found, through the gateway and through _entities", async () => {
      const id = await createAsCoordinator();
      const ownerId = await primaryManagerOf(id);
      const owner = await issuer.token(['ACCOUNT_MANAGER'], ownerId);
      const stranger = await issuer.token(['ACCOUNT_MANAGER'], 'E2102');
      await eventually(
        async () => (await graphql(GET, { id }, owner)).body.data ?? undefined,
        30_000,
        'the assignment',
      );

      const viaGateway = await graphql(GET, { id }, stranger);
      expect(viaGateway.body.errors?.[0]?.extensions).toMatchObject({
        code: 'GROUP_ACCOUNT_NOT_FOUND',
        category: 'NOT_FOUND',
      });

      const entities = async (token: string) => {
        const response = await fetch(`${accounts.baseUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query:
              'query ($r: [_Any!]!) { _entities(representations: $r) { ... on GroupAccount { id name } } }',
            variables: { r: [{ __typename: 'GroupAccount', id }] },
          }),
        });
        return (await response.json()) as GraphQLResponse<{ _entities: ({ id: string } | null)[] }>;
      };
      const refused = await entities(stranger);
      expect(refused.data?._entities).toEqual([null]);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'GROUP_ACCOUNT_NOT_FOUND' });
      expect((await entities(owner)).data?._entities).toEqual([expect.objectContaining({ id })]);
    });

    it('refuses to take an account from a manager still in post without a handover', async () => {
      const id = await createAsCoordinator();
      const ownerId = await primaryManagerOf(id);
      const refused = await reassign(id, 'E2101');
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'HANDOVER_REQUIRED',
        category: 'CONFLICT',
      });
      expect(refused.errors?.[0]?.message).toContain('交接');
      expect(await primaryManagerOf(id)).toBe(ownerId);
    });

    it('gives a new account a fitting manager within 5 s', async () => {
      const coordinator = await issuer.token(['COORDINATOR'], 'C2001');
      const started = Date.now();
      const id = await createAsCoordinator();
      const primary = await eventually(
        async () => {
          const { body } = await graphql<{
            groupAccount: { primaryManager: { id: string; grade: string } | null };
          }>(
            'query Primary($id: ID!) { groupAccount(id: $id) { primaryManager { id grade } } }',
            { id },
            coordinator,
          );
          return body.data?.groupAccount.primaryManager ?? undefined;
        },
        5_000,
        'the primary manager',
      );
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(primary).toEqual({ id: 'E2001', grade: 'STANDARD' });
      expect(await primaryViolations()).toEqual([]);
    });

    it('hands an account that becomes A over to the key-account manager, checklist and all', async () => {
      const id = await createAsCoordinator();
      expect(await primaryManagerOf(id)).toBe('E2001');
      const supervisor = await issuer.token(['SUPERVISOR'], 'S2000');
      const incoming = await issuer.token(['ACCOUNT_MANAGER'], 'K2001');
      await eventually(
        async () => {
          const { body } = await graphql(
            `
              mutation Set($input: SetTierOverrideInput!) {
                setTierOverride(input: $input) {
                  tier
                }
              }
            `,
            {
              input: {
                groupAccountId: id,
                tier: 'A',
                reason: '省级重点项目客户',
                validUntil: `${new Date().getUTCFullYear() + 1}-06-30`,
              },
            },
            supervisor,
          );
          return body.errors ? undefined : body;
        },
        10_000,
        'the supervisor to see the account in tiering',
      );
      type Handovers = {
        handovers: {
          id: string;
          groupAccountId: string;
          state: string;
          cause: string;
          checklist: { key: string; state: string }[];
        }[];
      };
      const HANDOVERS = `query Handovers($managerId: ID) {
        handovers(managerId: $managerId, openOnly: false) {
          id groupAccountId state cause checklist { key state }
        }
      }`;
      const handover = await eventually(
        async () => {
          const { body } = await graphql<Handovers>(HANDOVERS, { managerId: 'K2001' }, supervisor);
          return body.data?.handovers.find((h) => h.groupAccountId === id);
        },
        15_000,
        'the tier change to plan a handover',
      );
      expect(handover).toMatchObject({ state: 'PLANNED', cause: 'TIER_CHANGE' });
      expect(handover.checklist.map((item) => item.key)).toEqual([
        'CONTACTS_INTRODUCED',
        'CUSTOMER_NOTIFIED',
        'JOINT_VISIT',
      ]);
      expect(await primaryViolations()).toEqual([]);

      const act = async (query: string, variables: Record<string, unknown>) => {
        const { body } = await graphql<Record<string, { state: string }>>(
          query,
          variables,
          incoming,
        );
        return body;
      };
      const started = await act('mutation Start($id: ID!) { startHandover(id: $id) { state } }', {
        id: handover.id,
      });
      expect(started.data?.['startHandover']?.state).toBe('SHADOWING');
      // While shadowing, the incoming manager sees the account in the accounts service too.
      await eventually(
        async () => (await graphql(GET, { id }, incoming)).body.data ?? undefined,
        10_000,
        'the incoming manager to see the account',
      );
      expect(await primaryViolations()).toEqual([]);

      const COMPLETE = 'mutation Complete($id: ID!) { completeHandover(id: $id) { state } }';
      const refused = await act(COMPLETE, { id: handover.id });
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'CHECKLIST_INCOMPLETE',
        field: 'id',
      });
      expect(await primaryManagerOf(id)).toBe('E2001');

      const RESOLVE = `mutation Resolve($input: ResolveChecklistItemInput!) {
        resolveChecklistItem(input: $input) { state }
      }`;
      for (const input of [
        { key: 'CONTACTS_INTRODUCED', outcome: 'DONE' },
        { key: 'CUSTOMER_NOTIFIED', outcome: 'DONE', channel: 'PHONE' },
      ]) {
        const resolved = await act(RESOLVE, { input: { handoverId: handover.id, ...input } });
        expect(resolved.errors).toBeUndefined();
        expect(await primaryViolations()).toEqual([]);
      }
      // The incoming manager may not waive a step alone; their supervisor may.
      const waiver = {
        handoverId: handover.id,
        key: 'JOINT_VISIT',
        outcome: 'WAIVED',
        note: '客户要求下月再安排拜访',
      };
      const waivedAlone = await act(RESOLVE, { input: waiver });
      expect(waivedAlone.errors?.[0]?.extensions).toMatchObject({ code: 'WAIVER_NOT_ALLOWED' });
      const waived = await graphql(RESOLVE, { input: waiver }, supervisor);
      expect(waived.body.errors).toBeUndefined();

      // An A account is shadowed for 14 days before it changes hands.
      const tooEarly = await act(COMPLETE, { id: handover.id });
      expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'SHADOW_PERIOD_NOT_OVER' });
      expect(await primaryManagerOf(id)).toBe('E2001');
      await db.query(
        `UPDATE managers.handover SET started_at = started_at - interval '14 days' WHERE id = $1`,
        [handover.id],
      );
      const completed = await act(COMPLETE, { id: handover.id });
      expect(completed.data?.['completeHandover']?.state).toBe('COMPLETED');
      expect(await primaryManagerOf(id)).toBe('K2001');
      expect(await primaryViolations()).toEqual([]);
    });

    it('lets exactly one of two concurrent handovers of an account through', async () => {
      const id = await createAsCoordinator();
      await primaryManagerOf(id);
      const supervisor = await issuer.token(['SUPERVISOR'], 'S2000');
      const plan = (toManagerId: string) =>
        graphql(
          `
            mutation Plan($input: PlanHandoverInput!) {
              planHandover(input: $input) {
                id
              }
            }
          `,
          { input: { groupAccountId: id, toManagerId, reason: '区域调整，重新分配' } },
          supervisor,
        );
      const outcomes = await Promise.all([plan('E2101'), plan('E2102')]);
      expect(outcomes.filter((o) => !o.body.errors)).toHaveLength(1);
      expect(outcomes.find((o) => o.body.errors)?.body.errors?.[0]?.extensions).toMatchObject({
        code: 'ACCOUNT_IN_HANDOVER',
        field: 'input.groupAccountId',
      });
      expect(await primaryViolations()).toEqual([]);
    });

    it("keeps a contact's phone and e-mail out of every service's log", async () => {
      const id = await createAsCoordinator();
      const { body } = await graphql<{ addContact: { mobile: string } }>(
        `
          mutation Add($input: AddContactInput!) {
            addContact(input: $input) {
              id
              mobile
            }
          }
        `,
        {
          input: {
            groupAccountId: id,
            name: '郑晓燕',
            mobile: '139 5021 7788',
            email: 'zheng.xy@minhai-log.cn',
            preferredChannel: 'EMAIL',
          },
        },
        await issuer.token(['COORDINATOR'], 'C2001'),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.addContact.mobile).toBe('+86 139****7788');
      const logs = services.map((service) => service.output()).join('\n');
      for (const secret of ['13950217788', '7788', 'zheng.xy']) expect(logs).not.toContain(secret);
    });
  });
});
