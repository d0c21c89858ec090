import { randomUUID } from 'node:crypto';
import { ACCOUNTS_PERMISSIONS } from '@gap/accounts/domain';
import { BUNDLES_PERMISSIONS } from '@gap/bundles/domain';
import { COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import { ROLES, type Permissions, type Role, type Scope } from '@gap/authz';
import { MANAGERS_PERMISSIONS } from '@gap/managers/domain';
import { PARTNERS_PERMISSIONS } from '@gap/partners/domain';
import { TIERING_PERMISSIONS } from '@gap/tiering/domain';
import {
  createTestIssuer,
  startServiceProcess,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type RunningService,
  type TestIssuer,
} from '@gap/testing';
import { freshCreditCode } from '../credit-codes.js';
import { PARTNER_FIELDS } from '../hostile-input/partners-bases.js';
import { startOwnSubgraphs } from '../testing/own-subgraphs.js';
import { argumentsFor } from './arguments.js';
import {
  documentFor,
  platformOperations,
  readSupergraph,
  type Operation,
  type Service,
} from './operations.js';

/*
 * The permission matrices as the platform enforces them, operation by operation. For every
 * operation of the graph and of the REST edge, each role its matrix leaves out is refused with
 * a coded FORBIDDEN, and its widest role is not. The services check the role first, before
 * reading anything, so fresh ids do: a refusal cannot come from a missing account.
 *
 * Root fields and REST calls go through the gateway as a client sends them. Entity lookups
 * (`_entities.GroupAccount`) and the fields a service adds to another's entity
 * (`GroupAccount.tier`) go straight to the subgraph that resolves them, as the gateway does:
 * through the gateway the owner's own check would answer first.
 *
 * What a refusal looks like (the design this test holds the services to): a role the matrix
 * leaves out gets FORBIDDEN, whatever it asks for. A role the matrix lets in, acting on
 * something outside its scope, gets FORBIDDEN when it changes something (a supervisor
 * offboarding another team's manager); when it only reads, the thing is hidden (NOT_FOUND, or
 * left out of a list), so that a caller cannot learn what exists outside their scope.
 */

const MATRICES: Record<Service, Permissions<string>> = {
  accounts: ACCOUNTS_PERMISSIONS,
  tiering: TIERING_PERMISSIONS,
  managers: MANAGERS_PERMISSIONS,
  coordination: COORDINATION_PERMISSIONS,
  bundles: BUNDLES_PERMISSIONS,
  partners: PARTNERS_PERMISSIONS,
};
const WIDTH: Record<Scope, number> = { OWN_PORTFOLIO: 0, OWN_TEAM: 1, REGION: 2, ALL: 3 };
/** Answers that say a call did not reach the use case's decision at all. */
const NOT_LET_THROUGH = [
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'INTERNAL_SERVER_ERROR',
  // The arguments are the hostile-input bases, which every edge check accepts: a refusal of
  // their shape means the input type and its checks disagree (a field with no rule is one).
  'INVALID_INPUT',
];
/** A REST call of each operation: a GET by default, else a method and a valid body. */
interface RestCall {
  readonly path: string;
  readonly method?: 'POST' | 'PATCH' | 'DELETE';
  readonly body?: object;
  readonly headers?: Readonly<Record<string, string>>;
}
const requestPath = () => `/api/v1/coordination/requests/${randomUUID()}`;
const taskPath = (action: string) => `${requestPath()}/tasks/${randomUUID()}/${action}`;
const post = (path: string, body: object = {}): RestCall => ({ path, method: 'POST', body });
/** A request's transition: `If-Match` names the first version of the (fresh) request in `path`. */
const change = (path: string, body: object = {}): RestCall => ({
  ...post(path, body),
  headers: { 'if-match': `"${/requests\/([^/]+)/.exec(path)?.[1] ?? ''}.1"` },
});
/** A partner's POST: the integration API asks for an `Idempotency-Key` on each. */
const idempotent = (call: RestCall): RestCall => ({
  ...call,
  headers: { ...call.headers, 'idempotency-key': randomUUID() },
});
const TMF621 = '/tmf-api/troubleTicket/v5';
const TMF632 = '/tmf-api/partyManagement/v5';
const TMF629 = '/tmf-api/customerManagement/v5';
const REST_PATHS: Readonly<Record<string, () => RestCall>> = {
  'rest.listGroupAccounts': () => ({ path: '/api/v1/accounts?first=1' }),
  'rest.getGroupAccount': () => ({ path: `/api/v1/accounts/${randomUUID()}` }),
  'rest.exportPortfolio': () => ({
    path: `/api/v1/accounts/portfolio/export?nameContains=${randomUUID()}`,
  }),
  'rest.listCoordinationRequests': () => ({ path: '/api/v1/coordination/requests?first=1' }),
  'rest.getCoordinationRequest': () => ({ path: requestPath() }),
  'rest.getCoordinationRequestAudit': () => ({ path: `${requestPath()}/audit` }),
  'rest.submitCoordinationRequest': () =>
    post('/api/v1/coordination/requests', {
      groupAccountId: randomUUID(),
      type: 'OTHER',
      priority: 'P3',
      title: '权限检查',
      description: '权限检查',
    }),
  'rest.triageCoordinationRequest': () =>
    change(`${requestPath()}/triage`, {
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: [],
    }),
  'rest.acceptCoordinationTask': () => change(taskPath('accept')),
  'rest.completeCoordinationTask': () => change(taskPath('complete'), { note: '完成' }),
  'rest.declineCoordinationTask': () => change(taskPath('decline'), { reason: '不适用' }),
  'rest.resolveCoordinationRequest': () => change(`${requestPath()}/resolve`),
  'rest.recordComplaintCallback': () =>
    change(`${requestPath()}/callback`, {
      callerId: 'C3003',
      calledAt: new Date().toISOString(),
      satisfaction: 4,
      confirmsResolution: true,
    }),
  'rest.closeCoordinationRequest': () => change(`${requestPath()}/close`),
  'rest.reopenCoordinationRequest': () => change(`${requestPath()}/reopen`, { reason: '未解决' }),
  'rest.cancelCoordinationRequest': () => change(`${requestPath()}/cancel`, { reason: '撤回' }),
  'rest.listDepartmentTasks': () => ({ path: '/api/v1/coordination/queues/department-tasks' }),
  'rest.listBreachingRequests': () => ({
    path: '/api/v1/coordination/queues/breaching?withinHours=4',
  }),
  'rest.listUnassignedRequests': () => ({ path: '/api/v1/coordination/queues/unassigned' }),
  'rest.listTroubleTicket': () => ({ path: `${TMF621}/troubleTicket?limit=1` }),
  'rest.retrieveTroubleTicket': () => ({ path: `${TMF621}/troubleTicket/${randomUUID()}` }),
  'rest.createTroubleTicket': () =>
    post(`${TMF621}/troubleTicket`, {
      '@type': 'TroubleTicket',
      description: '权限检查',
      severity: 'Minor',
      ticketType: 'technicalSupport',
      relatedParty: [{ role: 'customer', partyOrPartyRole: { id: randomUUID() } }],
    }),
  'rest.patchTroubleTicket': () => ({
    path: `${TMF621}/troubleTicket/${randomUUID()}`,
    method: 'PATCH',
    body: { status: 'cancelled', statusChangeReason: '权限检查' },
  }),
  'rest.createHub': () =>
    post(`${TMF621}/hub`, {
      callback: 'http://127.0.0.1:9/listener',
      query: 'eventType=TroubleTicketResolvedEvent',
    }),
  'rest.hubGet': () => ({ path: `${TMF621}/hub/${randomUUID()}` }),
  'rest.hubDelete': () => ({ path: `${TMF621}/hub/${randomUUID()}`, method: 'DELETE' }),
  'rest.getBundleQualification': () => ({
    path: `/api/v1/bundles/qualification?accountId=${randomUUID()}`,
  }),
  'rest.listBundleProposals': () => ({
    path: `/api/v1/bundles/proposals?accountId=${randomUUID()}`,
  }),
  'rest.getBundleProposal': () => ({ path: `/api/v1/bundles/proposals/${randomUUID()}` }),
  'rest.draftBundleProposal': () =>
    post('/api/v1/bundles/proposals', {
      groupAccountId: randomUUID(),
      templateCode: 'SME_BUSINESS',
      lines: [{ productCode: 'DIA', quantity: 1, attributes: [] }],
    }),
  'rest.submitBundleProposal': () => post(`/api/v1/bundles/proposals/${randomUUID()}/submit`),
  'rest.approveBundleProposal': () => post(`/api/v1/bundles/proposals/${randomUUID()}/approve`),
  'rest.rejectBundleProposal': () =>
    post(`/api/v1/bundles/proposals/${randomUUID()}/reject`, { comment: '权限检查' }),
  'rest.sendBundleProposal': () => post(`/api/v1/bundles/proposals/${randomUUID()}/send`),
  'rest.acceptBundleProposal': () => post(`/api/v1/bundles/proposals/${randomUUID()}/accept`),
  'rest.declineBundleProposal': () => post(`/api/v1/bundles/proposals/${randomUUID()}/decline`),
  'rest.submitPartnerLead': () =>
    idempotent(
      post('/api/v1/partners/leads', {
        kind: 'LEAD',
        creditCode: freshCreditCode(),
        companyName: '厦门鹭岛权限检查科技有限公司',
        regionCode: '350203',
        industrySection: 'G',
      }),
    ),
  'rest.listPartnerLeads': () => ({ path: '/api/v1/partners/leads?first=1' }),
  'rest.getPartnerLead': () => ({ path: `/api/v1/partners/leads/${randomUUID()}` }),
  'rest.registerPartnerDeal': () =>
    idempotent(post('/api/v1/partners/deals', { creditCode: freshCreditCode() })),
  'rest.listPartnerDeals': () => ({ path: '/api/v1/partners/deals?first=1' }),
  'rest.createPartnerWebhook': () =>
    idempotent(
      post('/api/v1/partners/webhooks', {
        url: 'https://crm.partner.example.cn/hooks/leads',
        eventTypes: ['lead.received'],
      }),
    ),
  'rest.listPartnerWebhooks': () => ({ path: '/api/v1/partners/webhooks' }),
  'rest.deletePartnerWebhook': () => ({
    path: `/api/v1/partners/webhooks/${randomUUID()}`,
    method: 'DELETE',
  }),
  'rest.listPartnerWebhookDeliveries': () => ({
    path: `/api/v1/partners/webhooks/${randomUUID()}/deliveries`,
  }),
  'rest.replayPartnerWebhookDelivery': () =>
    idempotent(post(`/api/v1/partners/webhooks/${randomUUID()}/deliveries/msg_0001/replay`)),
  'rest.rotatePartnerWebhookSecret': () =>
    idempotent(post(`/api/v1/partners/webhooks/${randomUUID()}/rotate-secret`)),
  'rest.listOrganization': () => ({ path: `${TMF632}/organization?limit=1` }),
  'rest.retrieveOrganization': () => ({ path: `${TMF632}/organization/${randomUUID()}` }),
  'rest.createOrganization': () =>
    post(`${TMF632}/organization`, {
      '@type': 'Organization',
      name: '厦门鹭岛权限检查信息有限公司',
      organizationIdentification: [
        { identificationType: 'USCC', identificationId: freshCreditCode() },
      ],
      partyCharacteristic: [
        { name: 'regionCode', value: '350203' },
        { name: 'industrySection', value: 'G' },
      ],
    }),
  'rest.patchOrganization': () => ({
    path: `${TMF632}/organization/${randomUUID()}`,
    method: 'PATCH',
    body: { partyCharacteristic: [{ name: 'contactName', value: '权限检查' }] },
  }),
  'rest.deleteOrganization': () => ({
    path: `${TMF632}/organization/${randomUUID()}`,
    method: 'DELETE',
  }),
  'rest.listCustomer': () => ({ path: `${TMF629}/customer?limit=1` }),
  'rest.retrieveCustomer': () => ({ path: `${TMF629}/customer/${randomUUID()}` }),
  ...Object.fromEntries(
    [
      ['Party', TMF632],
      ['Customer', TMF629],
    ].flatMap(([name, base]) => [
      [
        `rest.create${name}Hub`,
        () => post(`${base}/hub`, { callback: 'https://crm.partner.example.cn/tmf/listener' }),
      ],
      [`rest.retrieve${name}Hub`, () => ({ path: `${base}/hub/${randomUUID()}` })],
      [
        `rest.delete${name}Hub`,
        () => ({ path: `${base}/hub/${randomUUID()}`, method: 'DELETE' as const }),
      ],
    ]),
  ),
};

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The role that reaches furthest (an admin among equals): the one to let through. */
function widestRole(grants: Readonly<Partial<Record<Role, Scope>>>): Role | undefined {
  const granted = ROLES.filter((role) => grants[role] !== undefined);
  return granted.sort(
    (a, b) =>
      WIDTH[grants[b]!] - WIDTH[grants[a]!] || Number(b === 'ADMIN') - Number(a === 'ADMIN'),
  )[0];
}

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('who may run what: the permission matrices, enforced', () => {
  const supergraph = readSupergraph();
  const operations = platformOperations(supergraph);
  const suffix = randomUUID().slice(0, 5).toUpperCase();
  const subjectOf: Record<Role, string> = {
    ACCOUNT_MANAGER: `E7${suffix}`,
    SUPERVISOR: `S7${suffix}`,
    COORDINATOR: `C7${suffix}`,
    DEPARTMENT_STAFF: `D7${suffix}`,
    PARTNER: `P7${suffix}`,
    ADMIN: `A7${suffix}`,
  };
  const tokens = {} as Record<Role, string>;
  const subgraphs = {} as Record<Service, RunningService>;
  const running: RunningService[] = [];
  let gateway: RunningService;
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await createTestIssuer();
    for (const role of ROLES) tokens[role] = await issuer.token([role], subjectOf[role]);
    // Its own database: the calls let through really run (as an admin), and must not
    // disturb the data of the suites running beside it.
    const own = await startOwnSubgraphs('authz', issuer.jwksFile, running);
    Object.assign(subgraphs, own.byName);
    gateway = await startServiceProcess(
      'gateway',
      'apps/gateway/src/main.ts',
      {
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_AUDIENCE: TEST_AUDIENCE,
        AUTH_JWKS_FILE: issuer.jwksFile,
        ACCOUNTS_URL: `${subgraphs.accounts.baseUrl}/graphql`,
        TIERING_URL: `${subgraphs.tiering.baseUrl}/graphql`,
        MANAGERS_URL: `${subgraphs.managers.baseUrl}/graphql`,
        COORDINATION_URL: `${subgraphs.coordination.baseUrl}/graphql`,
        BUNDLES_URL: `${subgraphs.bundles.baseUrl}/graphql`,
        PARTNERS_URL: `${subgraphs.partners.baseUrl}/graphql`,
      },
      180_000,
    );
    running.push(gateway);
    // A partner acts for an organisation of the register, with every scope a client may have.
    const registered = await graphql(
      `${gateway.baseUrl}/graphql`,
      'mutation R($input: RegisterPartnerInput!) { registerPartner(input: $input) { id } }',
      { input: { ...PARTNER_FIELDS, code: `AG-${suffix}` } },
      tokens.ADMIN,
    );
    const partnerId = (registered.data as { registerPartner: { id: string } } | undefined)
      ?.registerPartner.id;
    if (!partnerId) throw new Error(`no partner: ${JSON.stringify(registered.errors)}`);
    tokens.PARTNER = await issuer.token(['PARTNER'], subjectOf.PARTNER, {
      partnerId,
      scopes: ['leads:write', 'leads:read', 'webhooks:manage', 'customers:read'],
    });
  }, 600_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
  });

  async function graphql(url: string, query: string, variables: unknown, token: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse;
  }

  /** The codes of what came back: GraphQL error codes, or a REST problem's code. */
  async function codesOf(operation: Operation, token: string): Promise<string[]> {
    if (operation.kind === 'rest') {
      const call = REST_PATHS[operation.name]?.();
      if (!call) throw new Error(`no REST path for ${operation.name}: add it to REST_PATHS`);
      const response = await fetch(`${gateway.baseUrl}${call.path}`, {
        method: call.method ?? 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          // A TM Forum path answers a TMF Error unless asked for the problem, which has the category.
          accept: 'application/json, application/problem+json',
          ...(call.body ? { 'content-type': 'application/json' } : {}),
          ...call.headers,
        },
        ...(call.body ? { body: JSON.stringify(call.body) } : {}),
      });
      // A success may be a CSV export rather than JSON: only a refusal's body is read.
      if (response.ok) {
        await response.body?.cancel();
        return [];
      }
      const body = (await response.json()) as { code?: string; category?: string };
      return [body.category ?? body.code ?? String(response.status)];
    }
    const variables = argumentsFor(operation);
    const query = documentFor(supergraph, operation, variables);
    const direct = operation.kind === 'entity' || operation.kind === 'field';
    const url = `${direct ? subgraphs[operation.service].baseUrl : gateway.baseUrl}/graphql`;
    const body = await graphql(url, query, variables, token);
    return (body.errors ?? []).map((e) => e.extensions?.code ?? e.message);
  }

  it.each(operations.map((op) => [op.name, op]))(
    '%s: refuses every role its matrix leaves out with FORBIDDEN, and lets its widest role through',
    async (_name, operation) => {
      const grants = MATRICES[operation.service][operation.name] ?? {};
      const allowed = widestRole(grants);
      const offenders: string[] = [];
      for (const role of ROLES.filter((r) => grants[r] === undefined)) {
        const codes = await codesOf(operation, tokens[role]);
        if (!codes.includes('FORBIDDEN'))
          offenders.push(`${role} (not in the matrix) got [${codes.join(', ')}]`);
      }
      if (allowed) {
        const codes = await codesOf(operation, tokens[allowed]);
        const stopped = codes.filter((code) => NOT_LET_THROUGH.includes(code));
        if (stopped.length > 0)
          offenders.push(`${allowed} (in the matrix) got [${codes.join(', ')}]`);
      } else {
        offenders.push('no role may run it: the matrix does not list it');
      }
      expect(offenders).toEqual([]);
    },
    120_000,
  );

  describe('a supervisor acting outside their team', () => {
    // One manager of their own team per test, so that neither test sees the other's change.
    const ownToOffboard = `M7A${suffix}`;
    const ownToRebalance = `M7C${suffix}`;
    const foreign = `M7B${suffix}`;
    const otherSupervisor = `S7B${suffix}`;

    beforeAll(async () => {
      const register = async (id: string, supervisorId: string | undefined, capacity: number) => {
        const input = {
          id,
          name: `经理 ${id}`,
          grade: 'STANDARD',
          regions: ['350200'],
          industries: [],
          capacity,
          ...(supervisorId ? { supervisorId } : {}),
        };
        const body = await graphql(
          `${gateway.baseUrl}/graphql`,
          'mutation R($input: RegisterAccountManagerInput!) { registerAccountManager(input: $input) { id } }',
          { input },
          tokens.ADMIN,
        );
        if (body.errors) throw new Error(JSON.stringify(body.errors));
      };
      await register(subjectOf.SUPERVISOR, undefined, 0);
      await register(otherSupervisor, undefined, 0);
      await register(ownToOffboard, subjectOf.SUPERVISOR, 100);
      await register(ownToRebalance, subjectOf.SUPERVISOR, 100);
      await register(foreign, otherSupervisor, 100);
    });

    async function asSupervisor(query: string, variables: unknown): Promise<string[]> {
      const body = await graphql(`${gateway.baseUrl}/graphql`, query, variables, tokens.SUPERVISOR);
      return (body.errors ?? []).map((e) => e.extensions?.code ?? e.message);
    }

    const OFFBOARD =
      'mutation O($input: OffboardManagerInput!) { offboardAccountManager(input: $input) { __typename } }';
    const REBALANCE =
      'mutation P($scope: RebalanceScopeInput) { previewRebalance(scope: $scope) { __typename } }';

    it('gets a coded FORBIDDEN when offboarding a manager of another team, and not for their own', async () => {
      const lastDay = inDays(30);
      expect(await asSupervisor(OFFBOARD, { input: { managerId: foreign, lastDay } })).toContain(
        'FORBIDDEN',
      );
      expect(
        await asSupervisor(OFFBOARD, { input: { managerId: ownToOffboard, lastDay } }),
      ).not.toContain('FORBIDDEN');
    });

    it('gets a coded FORBIDDEN when rebalancing a manager of another team, and not for their own', async () => {
      const scope = (managerId: string) => ({ managerIds: [managerId], misfitOnly: false });
      expect(await asSupervisor(REBALANCE, { scope: scope(foreign) })).toContain('FORBIDDEN');
      expect(await asSupervisor(REBALANCE, { scope: scope(ownToRebalance) })).not.toContain(
        'FORBIDDEN',
      );
    });
  });
});
