import { createTestIssuer, eventually, type RunningService, type TestIssuer } from '@gap/testing';
import { freshCreditCode } from './credit-codes.js';
import { Gateway } from './testing/portfolio-book.js';
import { startGatewayOver, startOwnSubgraphs } from './testing/own-subgraphs.js';
import { registerSalesTeam } from './testing/sales-team.js';

/*
 * Issue 16's flow end to end: the services on Kafka behind the gateway. An SME account is
 * created; through the events, the bundles service learns it and its manager, and it qualifies
 * for an SME template. Its manager proposes the bundle with a 15% discount beyond policy, which
 * needs the supervisor and then the regional director; the director may not go first and the
 * manager may not approve at all. Approved, sent and accepted, it creates the subscriptions.
 * Meanwhile the account is handed over: the open proposal is an item of the handover's
 * checklist (managers service, through Kafka) until the customer accepts.
 */

const PEOPLE = {
  admin: 'A7000',
  supervisor: 'S7000',
  manager: 'E7001',
  successor: 'E7002',
  director: 'R7001',
} as const;

const PROPOSAL = `id state chain nextApproverLevel version
  approvals { approverId level }
  price { monthly { listFen netFen } }`;

interface Proposal {
  id: string;
  state: string;
  chain: string[];
  nextApproverLevel: string | null;
  version: number;
  approvals: { approverId: string; level: string }[];
}

describe('a bundle from qualification to subscriptions through the gateway, over Kafka', () => {
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
    tokens.successor = await issuer.token(['ACCOUNT_MANAGER'], PEOPLE.successor);
    tokens.director = await issuer.token(['SUPERVISOR'], PEOPLE.director);
    const own = await startOwnSubgraphs('bue2e', issuer.jwksFile, running);
    const service = await startGatewayOver(own, issuer.jwksFile, running);
    origin = service.baseUrl;
    gateway = new Gateway(`${origin}/graphql`);
    await setUpPeople();
    await setUpCatalogue();
  }, 420_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
  });

  async function setUpPeople(): Promise<void> {
    await registerSalesTeam(
      gateway,
      tokens.admin,
      { id: PEOPLE.supervisor, grade: 'KEY_ACCOUNT', regions: ['350000'], capacity: 0 },
      [
        { id: PEOPLE.manager, grade: 'STANDARD', regions: ['350100'], capacity: 1000 },
        { id: PEOPLE.successor, grade: 'STANDARD', regions: ['350200'], capacity: 1000 },
      ],
    );
    for (const [subject, level, regionPrefix] of [
      [PEOPLE.supervisor, 'SUPERVISOR', null],
      [PEOPLE.director, 'REGIONAL_DIRECTOR', '35'],
    ] as const) {
      await gateway.call(
        'mutation A($input: SetBundleApproverInput!) { setBundleApprover(input: $input) { subject } }',
        { input: { subject, level, regionPrefix, active: true } },
        tokens.admin,
      );
    }
  }

  /** A leased line and fixed lines, and an SME template of the two, as an admin puts them on sale. */
  async function setUpCatalogue(): Promise<void> {
    const products = [
      {
        code: 'DIA',
        nameZh: '互联网专线',
        nameEn: 'Dedicated internet access',
        family: 'LEASED_LINE',
        unit: '条',
        monthlyListFen: '120000',
        oneTimeFeeFen: '300000',
        taxCategory: 'VALUE_ADDED_TELECOM',
        attributes: [
          {
            name: 'bandwidthMbps',
            nameZh: '带宽',
            nameEn: 'Bandwidth',
            kind: 'INTEGER',
            min: 10,
            max: 10000,
            step: 10,
            unit: 'Mbps',
            default: '100',
          },
        ],
        priceBands: [{ attribute: 'bandwidthMbps', from: 100, monthlyListFen: '600000' }],
        surcharges: [],
      },
      {
        code: 'FIXED_LINE',
        nameZh: '固定电话',
        nameEn: 'Fixed line',
        family: 'FIXED_LINE',
        unit: '线',
        monthlyListFen: '2500',
        oneTimeFeeFen: '10000',
        taxCategory: 'BASIC_TELECOM',
        attributes: [],
        priceBands: [],
        surcharges: [],
      },
    ];
    for (const input of products) {
      await gateway.call(
        'mutation P($input: SaveProductInput!) { saveBundleProduct(input: $input) { version } }',
        { input },
        tokens.admin,
      );
      await gateway.call(
        'mutation L($input: CatalogueLifecycleInput!) { setBundleProductLifecycle(input: $input) { code } }',
        { input: { code: input.code, version: 1, lifecycle: 'ACTIVE' } },
        tokens.admin,
      );
    }
    await gateway.call(
      'mutation T($input: SaveBundleTemplateInput!) { saveBundleTemplate(input: $input) { version } }',
      {
        input: {
          code: 'SME_E2E',
          nameZh: '中小企业专线固话套餐',
          nameEn: 'SME line and voice',
          kind: 'SME',
          core: { productCode: 'DIA', minQuantity: 1, maxQuantity: 1 },
          modules: [{ productCode: 'FIXED_LINE', minQuantity: 1, maxQuantity: 50 }],
          rules: [],
          bundleDiscountBp: 800,
          eligibility: { tiers: ['B', 'C'], employeesMax: 300 },
        },
      },
      tokens.admin,
    );
    await gateway.call(
      'mutation L($input: CatalogueLifecycleInput!) { setBundleTemplateLifecycle(input: $input) { code } }',
      { input: { code: 'SME_E2E', version: 1, lifecycle: 'ACTIVE' } },
      tokens.admin,
    );
  }

  async function act(token: string, mutation: string, inputType: string, input: object) {
    const answer = await gateway.answer<Record<string, Proposal>>(
      `mutation M($input: ${inputType}!) { ${mutation}(input: $input) { ${PROPOSAL} } }`,
      { input },
      token,
    );
    return { proposal: answer.data?.[mutation], codes: (answer.errors ?? []).map(codeOf) };
  }

  const codeOf = (error: { extensions?: Record<string, unknown> }) =>
    String(error.extensions?.['code']);

  async function checklistItem(accountId: string, key: string) {
    const answer = await gateway.answer<{
      handovers: { groupAccountId: string; checklist: { key: string; state: string }[] }[];
    }>(
      `query H($managerId: ID) {
        handovers(managerId: $managerId, openOnly: false) { groupAccountId checklist { key state } }
      }`,
      { managerId: PEOPLE.manager },
      tokens.supervisor,
    );
    return answer.data?.handovers
      .find((h) => h.groupAccountId === accountId)
      ?.checklist.find((item) => item.key === key);
  }

  it('qualifies an account, takes a deep discount through two approvals and creates subscriptions on acceptance', async () => {
    const { createGroupAccount } = await gateway.call<{ createGroupAccount: { id: string } }>(
      'mutation C($input: CreateGroupAccountInput!) { createGroupAccount(input: $input) { id } }',
      {
        input: {
          name: '福州闽江小微电子有限公司',
          creditCode: freshCreditCode(),
          type: 'SME',
          industryCode: 'C',
          regionCode: '350102',
          employees: 80,
        },
      },
      tokens.admin,
    );
    const accountId = createGroupAccount.id;
    // A new account is a prospect; the customer signs, and only customers qualify for bundles.
    await gateway.call(
      'mutation S($input: ChangeGroupAccountStatusInput!) { changeGroupAccountStatus(input: $input) { status } }',
      { input: { id: accountId, version: 1, status: 'ACTIVE', reason: '客户已签约入网' } },
      tokens.admin,
    );

    // The bundles service learns the account and who manages it from the events: the manager
    // sees it qualify, through GraphQL and through the REST edge alike.
    const qualified = await eventually(
      async () => {
        const answer = await gateway.answer<{
          groupAccount: { qualifiedBundles: { templateCode: string; eligible: boolean }[] };
        }>(
          'query Q($id: ID!) { groupAccount(id: $id) { qualifiedBundles { templateCode eligible } } }',
          { id: accountId },
          tokens.manager,
        );
        const sme = answer.data?.groupAccount.qualifiedBundles.find(
          (q) => q.templateCode === 'SME_E2E',
        );
        return sme?.eligible ? sme : undefined;
      },
      90_000,
      'the account to qualify for the SME bundle in its manager’s eyes',
    );
    expect(qualified).toEqual({ templateCode: 'SME_E2E', eligible: true });
    const rest = await fetch(`${origin}/api/v1/bundles/qualification?accountId=${accountId}`, {
      headers: { authorization: `Bearer ${tokens.manager}` },
    });
    expect(rest.status).toBe(200);
    const restBody = (await rest.json()) as {
      bundles: { templateCode: string; eligible: boolean }[];
    };
    expect(restBody.bundles).toContainEqual(
      expect.objectContaining({ templateCode: 'SME_E2E', eligible: true }),
    );

    const drafted = await act(tokens.manager, 'draftBundleProposal', 'BundleConfigurationInput', {
      groupAccountId: accountId,
      templateCode: 'SME_E2E',
      lines: [
        { productCode: 'DIA', quantity: 1, attributes: [{ name: 'bandwidthMbps', value: '100' }] },
        { productCode: 'FIXED_LINE', quantity: 10, attributes: [] },
      ],
      manualDiscount: { percentBp: 1500 },
    });
    expect(drafted.codes).toEqual([]);
    const id = drafted.proposal!.id;
    const submitted = await act(tokens.manager, 'submitBundleProposal', 'BundleProposalTarget', {
      id,
    });
    expect(submitted.proposal).toMatchObject({
      state: 'SUBMITTED',
      chain: ['SUPERVISOR', 'REGIONAL_DIRECTOR'],
      nextApproverLevel: 'SUPERVISOR',
    });

    // The account is handed over meanwhile: the proposal waiting for approval is on the
    // handover's checklist, learnt from the bundles service's events.
    await gateway.call(
      'mutation H($input: PlanHandoverInput!) { planHandover(input: $input) { id } }',
      {
        input: {
          groupAccountId: accountId,
          toManagerId: PEOPLE.successor,
          reason: '区域调整，重新分配',
        },
      },
      tokens.supervisor,
    );
    const key = `BUNDLE_PROPOSAL:${id}`;
    const open = await eventually(
      () => checklistItem(accountId, key),
      60_000,
      'the proposal in the handover’s checklist',
    );
    expect(open.state).toBe('OPEN');

    // Nobody approves their own proposal; the director may not go before the supervisor.
    const own = await act(tokens.manager, 'approveBundleProposal', 'BundleProposalTarget', { id });
    expect(own.codes).not.toEqual([]);
    expect(own.proposal).toBeUndefined();
    const early = await act(tokens.director, 'approveBundleProposal', 'BundleProposalTarget', {
      id,
    });
    expect(early.codes).toEqual(['NOT_NEXT_APPROVER']);

    const first = await act(tokens.supervisor, 'approveBundleProposal', 'BundleProposalTarget', {
      id,
    });
    expect(first.proposal).toMatchObject({
      state: 'SUBMITTED',
      nextApproverLevel: 'REGIONAL_DIRECTOR',
    });
    const second = await act(tokens.director, 'approveBundleProposal', 'BundleProposalTarget', {
      id,
    });
    expect(second.proposal?.state).toBe('APPROVED');
    expect(second.proposal?.approvals).toEqual([
      { approverId: PEOPLE.supervisor, level: 'SUPERVISOR' },
      { approverId: PEOPLE.director, level: 'REGIONAL_DIRECTOR' },
    ]);

    const sent = await act(tokens.manager, 'sendBundleProposal', 'BundleProposalTarget', { id });
    expect(sent.proposal?.state).toBe('SENT');
    const accepted = await act(tokens.manager, 'acceptBundleProposal', 'BundleProposalTarget', {
      id,
    });
    expect(accepted.proposal?.state).toBe('ACCEPTED');

    const { groupAccount } = await gateway.call<{
      groupAccount: { subscriptions: { productCode: string; quantity: number }[] };
    }>(
      'query S($id: ID!) { groupAccount(id: $id) { subscriptions { productCode quantity } } }',
      { id: accountId },
      tokens.manager,
    );
    expect(
      groupAccount.subscriptions
        .map((s) => [s.productCode, s.quantity])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['DIA', 1],
      ['FIXED_LINE', 10],
    ]);

    // Accepted, the proposal no longer holds the handover back.
    const done = await eventually(
      async () => {
        const state = (await checklistItem(accountId, key))?.state;
        return state !== undefined && state !== 'OPEN' ? state : undefined;
      },
      60_000,
      'the checklist item to close with the acceptance',
    );
    expect(done).toBe('DONE');
  }, 300_000);
});
