import { randomUUID } from 'node:crypto';
import { creditCodeCheckCharacter } from '@gap/accounts/domain';
import type { Gateway } from './gateway-client.js';
import type { SeedHooks } from './seed.js';

/** The demo partner whose system the newcomer plays: the Fuzhou agent. */
export const DEMO_PARTNER_CODE = 'AG-FZ-MINXIN';
const DEMO_CLIENT_NAME = '演示对接系统';
const SCOPES = ['LEADS_WRITE', 'LEADS_READ', 'WEBHOOKS_MANAGE', 'CUSTOMERS_READ'];

export interface DemoPartnerClient {
  readonly partnerName: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/**
 * The demo partner's OAuth client with a secret to print: issued on the first start, given a
 * fresh secret on every later one (a secret is shown only once; the previous one keeps working
 * through the overlap window). Null when the demo partner is not there.
 */
export async function demoPartnerClient(admin: Gateway): Promise<DemoPartnerClient | null> {
  const found = await admin.call<{
    partners: { edges: { node: { id: string; name: string; code: string } }[] };
  }>(
    'the demo partner',
    'query P($filter: PartnerFilter) { partners(first: 1, filter: $filter) { edges { node { id name code } } } }',
    { filter: { search: DEMO_PARTNER_CODE } },
    { idempotent: true },
  );
  const partner = found.partners.edges.find((e) => e.node.code === DEMO_PARTNER_CODE)?.node;
  if (!partner) return null;
  const { partnerClients } = await admin.call<{
    partnerClients: { clientId: string; name: string; status: string }[];
  }>(
    'its clients',
    'query C($partnerId: ID!) { partnerClients(partnerId: $partnerId) { clientId name status } }',
    { partnerId: partner.id },
    { idempotent: true },
  );
  const existing = partnerClients.find((c) => c.name === DEMO_CLIENT_NAME && c.status === 'ACTIVE');
  type Issued = { client: { clientId: string }; clientSecret: string };
  const issued = existing
    ? (
        await admin.call<{ rotatePartnerClientSecret: Issued }>(
          'a fresh secret for the demo client',
          `mutation R($clientId: String!) {
             rotatePartnerClientSecret(clientId: $clientId) { client { clientId } clientSecret } }`,
          { clientId: existing.clientId },
        )
      ).rotatePartnerClientSecret
    : (
        await admin.call<{ issuePartnerClient: Issued }>(
          'the demo client',
          `mutation I($input: IssuePartnerClientInput!) {
             issuePartnerClient(input: $input) { client { clientId } clientSecret } }`,
          { input: { partnerId: partner.id, name: DEMO_CLIENT_NAME, scopes: SCOPES } },
        )
      ).issuePartnerClient;
  return {
    partnerName: partner.name,
    clientId: issued.client.clientId,
    clientSecret: issued.clientSecret,
  };
}

/** A partner's access token from the gateway's token endpoint (client credentials). */
export async function partnerToken(origin: string, client: DemoPartnerClient): Promise<string> {
  const basic = Buffer.from(
    `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`,
  ).toString('base64');
  const response = await fetch(`${origin}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'leads:write leads:read webhooks:manage customers:read',
    }).toString(),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) {
    throw new Error(`Seeding: no partner token (${response.status} ${JSON.stringify(answer)})`);
  }
  return String(answer['access_token']);
}

/** A valid credit code for a demo company of Fuzhou (350102), from a serial number. */
function demoCreditCode(serial: number): string {
  const body = `91350102MA${String(serial).padStart(7, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

/**
 * The demo partner's first leads, submitted through the integration API as its system would:
 * two new companies (one becomes a PROSPECT account with a manager, through the events), one
 * without a credit code (it waits for the coordination team), the same new company again under
 * another name (its duplicate), and a referral for a company the book already has (a channel
 * conflict the account's manager wins).
 */
export async function seedPartnerLeads(
  origin: string,
  admin: Gateway,
  client: DemoPartnerClient,
  hooks: SeedHooks,
): Promise<void> {
  const token = await partnerToken(origin, client);
  const { groupAccounts } = await admin.call<{
    groupAccounts: { edges: { node: { creditCode: string; name: string } }[] };
  }>(
    'a demo account in Fuzhou',
    '{ groupAccounts(first: 1, filter: { regionCode: "3501" }) { edges { node { creditCode name } } } }',
    {},
    { idempotent: true },
  );
  const known = groupAccounts.edges[0]?.node;
  const leads: object[] = [
    {
      kind: 'LEAD',
      partnerReference: 'MX-2026-0001',
      creditCode: demoCreditCode(1),
      companyName: '星辰数据科技（福州）有限公司',
      regionCode: '350102',
      industrySection: 'I',
      priority: 'P1',
      contactName: '王晓东',
      contactPhone: '+86 591 8765 4321',
    },
    {
      kind: 'LEAD',
      partnerReference: 'MX-2026-0002',
      creditCode: demoCreditCode(2),
      companyName: '福州闽江冷链物流有限公司',
      regionCode: '350104',
      industrySection: 'G',
      priority: 'P2',
    },
    {
      kind: 'LEAD',
      partnerReference: 'MX-2026-0003',
      companyName: '福州榕城精密机械厂',
      regionCode: '350111',
      industrySection: 'C',
      priority: 'P3',
    },
    {
      kind: 'LEAD',
      partnerReference: 'MX-2026-0004',
      companyName: '福建省星辰数据科技股份有限公司',
      regionCode: '350102',
      industrySection: 'I',
    },
    ...(known
      ? [
          {
            kind: 'REFERRAL',
            partnerReference: 'MX-2026-0005',
            creditCode: known.creditCode,
            companyName: known.name,
            regionCode: '350102',
            industrySection: 'C',
          },
        ]
      : []),
  ];
  const step = hooks.step('partner leads', leads.length);
  for (const lead of leads) {
    const response = await fetch(`${origin}/api/v1/partners/leads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(lead),
    });
    if (!response.ok) {
      throw new Error(`Seeding a partner lead failed: ${response.status} ${await response.text()}`);
    }
    step.advance();
  }
  step.done();
}
