import { createTestIssuer, eventually, type RunningService, type TestIssuer } from '@gap/testing';
import { freshCreditCode } from './credit-codes.js';
import { Gateway } from './testing/portfolio-book.js';
import { startGatewayOver, startOwnSubgraphs } from './testing/own-subgraphs.js';

/*
 * Issue 17's flow end to end: the four services on Kafka behind the gateway. A manager raises a
 * leased-line build for an A account through the REST edge; the coordination team triages it
 * to network and finance; only those departments' staff complete their tasks; it resolves, is
 * confirmed and closed, and the audit trail shows every step. Meanwhile the account is handed
 * over (it became A), and the open request is an item of that handover's checklist. A complaint
 * cannot close without a callback, and a dissatisfied callback reopens it.
 */

interface Answer {
  status: number;
  contentType: string | null;
  etag: string | null;
  body: Record<string, unknown>;
}

interface Task {
  id: string;
  departmentId: string;
  state: string;
}

const PEOPLE = {
  admin: 'A6000',
  supervisor: 'S6000',
  manager: 'E6001',
  keyAccountManager: 'K6001',
  coordinator: 'C6002',
  network: 'N6002',
  finance: 'F6002',
} as const;

describe('coordination requests and complaints through the gateway, over Kafka', () => {
  const running: RunningService[] = [];
  let issuer: TestIssuer;
  let gateway: Gateway;
  let origin: string;
  const tokens = {} as Record<keyof typeof PEOPLE, string>;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    tokens.admin = await issuer.token(['ADMIN'], PEOPLE.admin);
    tokens.supervisor = await issuer.token(['SUPERVISOR'], PEOPLE.supervisor);
    tokens.manager = await issuer.token(['ACCOUNT_MANAGER'], PEOPLE.manager);
    tokens.keyAccountManager = await issuer.token(['ACCOUNT_MANAGER'], PEOPLE.keyAccountManager);
    tokens.coordinator = await issuer.token(['COORDINATOR'], PEOPLE.coordinator);
    tokens.network = await issuer.token(['DEPARTMENT_STAFF'], PEOPLE.network);
    tokens.finance = await issuer.token(['DEPARTMENT_STAFF'], PEOPLE.finance);
    const own = await startOwnSubgraphs('coe2e', issuer.jwksFile, running);
    const service = await startGatewayOver(own, issuer.jwksFile, running);
    origin = service.baseUrl;
    gateway = new Gateway(`${origin}/graphql`);
    await setUpPeople();
  }, 420_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
  });

  /** The sales force, the departments' staff and the coordination team, as an admin sets them. */
  async function setUpPeople(): Promise<void> {
    for (const manager of [
      { id: PEOPLE.supervisor, grade: 'KEY_ACCOUNT', regions: ['350000'], capacity: 0 },
      { id: PEOPLE.manager, grade: 'STANDARD', regions: ['350100'] },
      { id: PEOPLE.keyAccountManager, grade: 'KEY_ACCOUNT', regions: ['350100'] },
    ]) {
      await gateway.call(
        'mutation R($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
        {
          input: {
            name: `经理 ${manager.id}`,
            industries: [],
            capacity: 1000,
            ...(manager.id === PEOPLE.supervisor ? {} : { supervisorId: PEOPLE.supervisor }),
            ...manager,
          },
        },
        tokens.admin,
      );
    }
    for (const [departmentId, employeeIds] of [
      ['NETWORK', ['N6001', PEOPLE.network]],
      ['FINANCE_PRICING', ['F6001', PEOPLE.finance]],
    ] as const) {
      await gateway.call(
        'mutation S($input: SetDepartmentMembersInput!) { setDepartmentMembers(input: $input) { id } }',
        { input: { departmentId, employeeIds } },
        tokens.admin,
      );
    }
    await gateway.call(
      'mutation T($input: SetCoordinationTeamMemberInput!) { setCoordinationTeamMember(input: $input) { employeeId } }',
      { input: { employeeId: 'C6001', role: 'LEAD' } },
      tokens.admin,
    );
  }

  async function rest(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    body?: object,
    ifMatch?: string | null,
  ): Promise<Answer> {
    const response = await fetch(`${origin}/api/v1/coordination/requests${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      etag: response.headers.get('etag'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  /**
   * A state change on the request as last answered: `If-Match` with that answer's ETag where the
   * edge gives ETags, else the version read, in the body.
   */
  function change(token: string, path: string, last: Answer, body: object = {}) {
    const versioned = last.etag ? body : { ...body, version: last.body['version'] };
    return rest(token, 'POST', path, versioned, last.etag);
  }

  async function ok(answer: Promise<Answer>): Promise<Answer> {
    const settled = await answer;
    if (settled.status >= 300) throw new Error(`${settled.status} ${JSON.stringify(settled.body)}`);
    return settled;
  }

  const tasksOf = (answer: Answer) => answer.body['tasks'] as Task[];
  const taskOf = (answer: Answer, departmentId: string) =>
    tasksOf(answer).find((t) => t.departmentId === departmentId && t.state !== 'DONE') as Task;

  /** A new account in Fuzhou, once the managers service has given it to the standard manager. */
  async function accountOfTheManager(): Promise<string> {
    const { createGroupAccount } = await gateway.call<{ createGroupAccount: { id: string } }>(
      'mutation C($input: CreateGroupAccountInput!) { createGroupAccount(input: $input) { id } }',
      {
        input: {
          name: '福州海峡光电科技有限公司',
          creditCode: freshCreditCode(),
          type: 'ENTERPRISE',
          industryCode: 'C',
          regionCode: '350102',
        },
      },
      tokens.coordinator,
    );
    const id = createGroupAccount.id;
    await eventually(
      async () => {
        const answer = await gateway.answer<{
          groupAccount: { primaryManager: { id: string } | null };
        }>(
          'query P($id: ID!) { groupAccount(id: $id) { primaryManager { id } } }',
          { id },
          tokens.coordinator,
        );
        return answer.data?.groupAccount.primaryManager?.id === PEOPLE.manager;
      },
      60_000,
      'the account’s primary manager',
    );
    return id;
  }

  /** The manager raises a request through the REST edge, once the service knows the account. */
  async function raise(groupAccountId: string, input: object): Promise<Answer> {
    return eventually(
      async () => {
        const answer = await rest(tokens.manager, 'POST', '', { groupAccountId, ...input });
        return answer.status === 201 ? answer : undefined;
      },
      60_000,
      'the coordination service to let the manager raise a request for the account',
    );
  }

  type Handover = { id: string; checklist: { key: string; state: string }[] };
  async function handoverOf(groupAccountId: string): Promise<Handover | undefined> {
    const answer = await gateway.answer<{ handovers: (Handover & { groupAccountId: string })[] }>(
      `query H($managerId: ID) {
        handovers(managerId: $managerId, openOnly: false) { id groupAccountId checklist { key state } }
      }`,
      { managerId: PEOPLE.keyAccountManager },
      tokens.supervisor,
    );
    return answer.data?.handovers.find((h) => h.groupAccountId === groupAccountId);
  }

  it('takes a leased-line build for an A account from the manager to closed, each department doing only its own task', async () => {
    const accountId = await accountOfTheManager();
    // The account becomes A: the tier flows to the coordination service (for its SLA) and makes
    // the managers service plan a handover to a key-account manager.
    await eventually(
      async () =>
        !(
          await gateway.answer(
            `mutation O($input: SetTierOverrideInput!) { setTierOverride(input: $input) { tier } }`,
            {
              input: {
                groupAccountId: accountId,
                tier: 'A',
                reason: '省级重点项目客户',
                validUntil: `${new Date().getUTCFullYear() + 1}-06-30`,
              },
            },
            tokens.supervisor,
          )
        ).errors,
      30_000,
      'the supervisor to set the account’s tier',
    );
    await eventually(() => handoverOf(accountId), 60_000, 'the handover the tier change plans');

    let request = await eventually(
      async () => {
        const answer = await raise(accountId, {
          type: 'LEASED_LINE_BUILD',
          priority: 'P2',
          title: '福州软件园专线新装 500M',
          description: '客户新园区需开通 500M 互联网专线，要求月底前开通。',
        });
        // Raised before the tier arrived, it would be on tier C's clock: raise another then.
        return answer.body['accountTier'] === 'A' ? answer : undefined;
      },
      60_000,
      'a request on the A tier’s clock',
    );
    expect(request.body).toMatchObject({
      type: 'LEASED_LINE_BUILD',
      state: 'SUBMITTED',
      raisedBy: PEOPLE.manager,
      groupAccountId: accountId,
    });
    const id = request.body['id'] as string;

    // The open request is an item of the account's handover checklist, through Kafka.
    const checklistKey = `COORDINATION_REQUEST:${id}`;
    const item = await eventually(
      async () => (await handoverOf(accountId))?.checklist.find((i) => i.key === checklistKey),
      60_000,
      'the request in the handover’s checklist',
    );
    expect(item.state).toBe('OPEN');

    request = await ok(
      change(tokens.coordinator, `/${id}/triage`, request, {
        leadDepartmentId: 'NETWORK',
        participatingDepartmentIds: ['FINANCE_PRICING'],
      }),
    );
    expect(request.body['state']).toBe('TRIAGED');
    expect(
      tasksOf(request)
        .map((t) => t.departmentId)
        .sort(),
    ).toEqual(['FINANCE_PRICING', 'NETWORK']);

    // Finance may not touch the network's task: a coded refusal, nothing changed.
    const network = taskOf(request, 'NETWORK');
    const refused = await change(tokens.finance, `/${id}/tasks/${network.id}/complete`, request, {
      note: '财务代为处理',
    });
    expect(refused.status).toBe(403);
    expect(refused.contentType).toBe('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'TASK_NOT_OF_YOUR_DEPARTMENT' });
    const unchanged = await rest(tokens.coordinator, 'GET', `/${id}`);
    expect(unchanged.body['version']).toBe(request.body['version']);

    for (const [token, departmentId, note] of [
      [tokens.network, 'NETWORK', '光缆已敷设，端口已开通'],
      [tokens.finance, 'FINANCE_PRICING', '资费方案已核定'],
    ] as const) {
      const task = taskOf(request, departmentId);
      request = await ok(change(token, `/${id}/tasks/${task.id}/accept`, request));
      request = await ok(change(token, `/${id}/tasks/${task.id}/complete`, request, { note }));
    }
    expect(tasksOf(request).map((t) => t.state)).toEqual(['DONE', 'DONE']);

    request = await ok(change(tokens.coordinator, `/${id}/resolve`, request));
    expect(request.body['state']).toBe('RESOLVED');
    // The customer confirms (a GraphQL mutation: the REST edge has no confirm route).
    const { confirmCoordinationRequest } = await gateway.call<{
      confirmCoordinationRequest: { state: string };
    }>(
      'mutation C($input: CoordinationRequestTarget!) { confirmCoordinationRequest(input: $input) { state } }',
      { input: { id } },
      tokens.coordinator,
    );
    expect(confirmCoordinationRequest.state).toBe('CONFIRMED');
    request = await rest(tokens.coordinator, 'GET', `/${id}`);
    request = await ok(change(tokens.coordinator, `/${id}/close`, request));
    expect(request.body['state']).toBe('CLOSED');

    const audit = await rest(tokens.manager, 'GET', `/${id}/audit`);
    expect(audit.status).toBe(200);
    const trail = audit.body as unknown as { actor: string; action: string }[];
    expect(trail.map((entry) => entry.actor)).toEqual([
      PEOPLE.manager,
      PEOPLE.coordinator,
      PEOPLE.network,
      PEOPLE.network,
      PEOPLE.finance,
      PEOPLE.finance,
      PEOPLE.coordinator,
      PEOPLE.coordinator,
      PEOPLE.coordinator,
    ]);
    const taskStep: unknown = expect.stringMatching(/TASK/);
    const TASK_STEPS = [taskStep, taskStep, taskStep, taskStep];
    expect(trail.map((entry) => entry.action)).toEqual([
      'SUBMIT',
      'TRIAGE',
      ...TASK_STEPS,
      'RESOLVE',
      'CONFIRM',
      'CLOSE',
    ]);

    // Closed, the request no longer holds the handover back.
    const closedItem = await eventually(
      async () => {
        const state = (await handoverOf(accountId))?.checklist.find(
          (i) => i.key === checklistKey,
        )?.state;
        return state !== undefined && state !== 'OPEN' ? state : undefined;
      },
      60_000,
      'the checklist item to close with the request',
    );
    expect(closedItem).toBe('DONE');
  }, 300_000);

  it('keeps a complaint open until a callback, and reopens it when the customer is dissatisfied', async () => {
    const accountId = await accountOfTheManager();
    let complaint = await raise(accountId, {
      type: 'COMPLAINT',
      complaintCategory: 'NETWORK_QUALITY',
      priority: 'P1',
      title: '专线频繁中断投诉',
      description: '客户反映本周专线中断三次，影响生产系统。',
    });
    const id = complaint.body['id'] as string;
    complaint = await ok(
      change(tokens.coordinator, `/${id}/triage`, complaint, { leadDepartmentId: 'NETWORK' }),
    );
    const task = taskOf(complaint, 'NETWORK');
    complaint = await ok(change(tokens.network, `/${id}/tasks/${task.id}/accept`, complaint));
    complaint = await ok(
      change(tokens.network, `/${id}/tasks/${task.id}/complete`, complaint, {
        note: '更换故障光模块',
      }),
    );
    complaint = await ok(change(tokens.coordinator, `/${id}/resolve`, complaint));

    const early = await change(tokens.coordinator, `/${id}/close`, complaint);
    expect(early.status).toBe(409);
    expect(early.contentType).toBe('application/problem+json');
    expect(early.body).toMatchObject({ code: 'COMPLAINT_CALLBACK_REQUIRED' });
    expect((await rest(tokens.coordinator, 'GET', `/${id}`)).body['state']).toBe('RESOLVED');

    complaint = await ok(
      change(tokens.coordinator, `/${id}/callback`, complaint, {
        callerId: 'C6001',
        calledAt: new Date().toISOString(),
        satisfaction: 2,
        confirmsResolution: false,
        note: '客户表示仍有间歇性中断',
      }),
    );
    expect(complaint.body['state']).toBe('IN_PROGRESS');
    expect(complaint.body['callbacks']).toEqual([
      expect.objectContaining({ satisfaction: 2, confirmsResolution: false }),
    ]);
    const reopened = await change(tokens.coordinator, `/${id}/close`, complaint);
    expect(reopened.status).toBe(409);
    const trail = (await rest(tokens.coordinator, 'GET', `/${id}/audit`)).body as unknown as {
      action: string;
    }[];
    expect(trail.map((entry) => entry.action).slice(-2)).toEqual(['RESOLVE', 'RECORD_CALLBACK']);
  }, 300_000);
});
