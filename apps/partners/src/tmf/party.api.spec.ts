import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  activePartner,
  COORDINATOR,
  leadBody,
  manager,
  newCreditCode,
  openLeadsTestDatabase,
  partnerCaller,
  startLeadsRest,
  type Answer,
  type TokenClaims,
} from '../testing/leads-harness.js';

let dataSource: DataSource;
let rest: Awaited<ReturnType<typeof startLeadsRest>>;

beforeAll(async () => {
  dataSource = await openLeadsTestDatabase('tmf');
  rest = await startLeadsRest(dataSource);
});
afterAll(async () => {
  await rest.close();
  await dataSource.destroy();
});

const ORGANIZATION = '/tmf-api/partyManagement/v5/organization';
const CUSTOMER = '/tmf-api/customerManagement/v5/customer';
const ALL = ['leads:write', 'leads:read', 'customers:read'];
const as = (partnerId: string, scopes = ALL): TokenClaims => ({ partnerId, scopes });
const items = (answer: Answer) => answer.body as unknown as Record<string, unknown>[];

async function countLeads(partnerId: string): Promise<number> {
  const [row] = await dataSource.query<{ n: string }[]>(
    'SELECT count(*) AS n FROM partners.lead WHERE partner_id = $1',
    [partnerId],
  );
  return Number(row?.n);
}

/** A partner with three leads: one qualified, one assigned, one converted by M5001. */
async function partnerWithLeads() {
  const partnerId = await activePartner(rest.services);
  const caller = partnerCaller(partnerId);
  const submit = () => rest.services.intake.submit(caller, leadBody());
  const qualified = await submit();
  const assign = async () => {
    const lead = await submit();
    return rest.services.commands.assignLead(COORDINATOR, {
      leadId: lead.id,
      version: lead.version,
      managerId: 'M5001',
      accountId: randomUUID(),
    });
  };
  const assigned = await assign();
  const toConvert = await assign();
  const contacted = await rest.services.commands.recordLeadContact(manager('M5001'), {
    leadId: toConvert.id,
    version: toConvert.version,
  });
  const converted = await rest.services.commands.convertLead(manager('M5001'), {
    leadId: contacted.id,
    version: contacted.version,
  });
  return { partnerId, qualified, assigned, converted };
}

describe('TMF632 organizations of a partner', () => {
  it('lists the partner’s own companies with id, href, @type, paging headers and filters', async () => {
    const { partnerId, qualified, assigned, converted } = await partnerWithLeads();
    const all = await rest.call('GET', ORGANIZATION, as(partnerId));
    expect(all.status).toBe(200);
    expect(all.headers.get('x-total-count')).toBe('3');
    expect(all.headers.get('x-result-count')).toBe('3');
    expect(items(all).map((o) => o['id'])).toEqual([converted.id, assigned.id, qualified.id]);
    expect(items(all)[2]).toMatchObject({
      id: qualified.id,
      href: `${ORGANIZATION}/${qualified.id}`,
      '@type': 'Organization',
      name: qualified.companyName,
      status: 'validated',
      organizationIdentification: [
        expect.objectContaining({
          identificationType: 'USCC',
          identificationId: qualified.creditCode,
        }),
      ],
    });

    const page = await rest.call(
      'GET',
      `${ORGANIZATION}?offset=1&limit=1&fields=name`,
      as(partnerId),
    );
    expect(page.headers.get('x-total-count')).toBe('3');
    expect(page.headers.get('x-result-count')).toBe('1');
    expect(items(page)).toEqual([
      {
        id: assigned.id,
        href: `${ORGANIZATION}/${assigned.id}`,
        '@type': 'Organization',
        name: assigned.companyName,
      },
    ]);
    const beyond = await rest.call('GET', `${ORGANIZATION}?offset=10`, as(partnerId));
    expect(items(beyond)).toEqual([]);
    expect(beyond.headers.get('x-total-count')).toBe('3');

    const named = await rest.call(
      'GET',
      `${ORGANIZATION}?name=${encodeURIComponent(assigned.companyName)}`,
      as(partnerId),
    );
    expect(items(named).map((o) => o['id'])).toEqual([assigned.id]);
    const byCode = await rest.call(
      'GET',
      `${ORGANIZATION}?organizationIdentification.identificationId=${qualified.creditCode}`,
      as(partnerId),
    );
    expect(items(byCode).map((o) => o['id'])).toEqual([qualified.id]);
    const closed = await rest.call('GET', `${ORGANIZATION}?status=closed`, as(partnerId));
    expect(closed.headers.get('x-total-count')).toBe('0');
  });

  it('finds one by id with fields, and not another partner’s (404, as an unknown id)', async () => {
    const { partnerId, qualified } = await partnerWithLeads();
    const other = await activePartner(rest.services);
    const one = await rest.call(
      'GET',
      `${ORGANIZATION}/${qualified.id}?fields=status`,
      as(partnerId),
    );
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: qualified.id,
      href: `${ORGANIZATION}/${qualified.id}`,
      '@type': 'Organization',
      status: 'validated',
    });
    for (const id of [qualified.id, randomUUID(), 'not-a-uuid']) {
      const missing = await rest.call('GET', `${ORGANIZATION}/${id}`, as(other));
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ '@type': 'Error', code: 'ORGANIZATION_NOT_FOUND' });
    }
    expect(items(await rest.call('GET', ORGANIZATION, as(other)))).toEqual([]);
  });

  it('answers a wrong query parameter as a TMF Error naming it', async () => {
    const partnerId = await activePartner(rest.services);
    for (const [query, field] of [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['offset=-1', 'offset'],
      ['status=active', 'status'],
      ['fields=secret', 'fields'],
    ]) {
      const answer = await rest.call('GET', `${ORGANIZATION}?${query}`, as(partnerId));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ '@type': 'Error', status: '400' });
      expect(String(answer.body['message'])).toContain(field);
    }
    const unknown = await rest.call('GET', `${ORGANIZATION}?password=1`, as(partnerId));
    expect(unknown.status).toBe(400);
    const problem = await rest.call('GET', `${ORGANIZATION}?limit=0`, as(partnerId), {
      headers: { accept: 'application/problem+json' },
    });
    expect(problem.headers.get('content-type')).toContain('application/problem+json');
  });

  it('takes a posted organization as the partner’s lead, and the same company again as the first', async () => {
    const partnerId = await activePartner(rest.services);
    const creditCode = newCreditCode();
    const body = {
      '@type': 'Organization',
      name: '福建省福州市庚辛壬癸科技有限公司',
      isLegalEntity: true,
      organizationIdentification: [
        {
          '@type': 'OrganizationIdentification',
          identificationType: 'USCC',
          identificationId: creditCode,
        },
      ],
      partyCharacteristic: [
        {
          name: 'regionCode',
          value: '350102',
          valueType: 'string',
          '@type': 'StringCharacteristic',
        },
        { name: 'industrySection', value: 'I' },
        { name: 'priority', value: 'P1' },
      ],
      contactMedium: [{ '@type': 'PhoneContactMedium', phoneNumber: '+86 591 8765 4321' }],
      externalReference: [{ id: 'CRM-TMF-1' }],
    };
    const created = await rest.call('POST', ORGANIZATION, as(partnerId), { body });
    expect(created.status).toBe(201);
    const id = String(created.body['id']);
    expect(created.headers.get('location')).toBe(`${ORGANIZATION}/${id}`);
    expect(created.body).toMatchObject({
      '@type': 'Organization',
      name: body.name,
      status: 'validated',
      externalReference: [expect.objectContaining({ id: 'CRM-TMF-1' })],
    });
    const lead = await rest.call('GET', `/leads/${id}`, as(partnerId));
    expect(lead.body).toMatchObject({ creditCode, priority: 'P1', regionCode: '350102' });
    const again = await rest.call('POST', ORGANIZATION, as(partnerId), { body });
    expect(again.body['id']).toBe(id);
    expect(await countLeads(partnerId)).toBe(1);
  });

  it('refuses a bad organization naming its TMF field, writing nothing', async () => {
    const partnerId = await activePartner(rest.services);
    const base = {
      '@type': 'Organization',
      name: '福建省福州市甲乙丙丁科技有限公司',
      partyCharacteristic: [
        { name: 'regionCode', value: '350102' },
        { name: 'industrySection', value: 'I' },
      ],
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, '@type': 'Individual' }, '@type'],
      [{ ...base, name: undefined }, 'name'],
      [
        { ...base, partyCharacteristic: [{ name: 'industrySection', value: 'I' }] },
        'partyCharacteristic.regionCode',
      ],
      [
        {
          ...base,
          partyCharacteristic: [...base.partyCharacteristic, { name: 'ownerId', value: 'M1' }],
        },
        'partyCharacteristic',
      ],
      [
        {
          ...base,
          organizationIdentification: [
            { identificationType: 'USCC', identificationId: '91350100M000100Y44' },
          ],
        },
        'organizationIdentification.identificationId',
      ],
      [{ ...base, managerId: 'M5001' }, 'managerId'],
    ];
    for (const [body, field] of cases) {
      const answer = await rest.call('POST', ORGANIZATION, as(partnerId), { body });
      expect([answer.status, field]).toEqual([400, field]);
      expect(answer.body).toMatchObject({ '@type': 'Error', status: '400' });
      expect(String(answer.body['message'])).toContain(field);
    }
    const noScope = await rest.call('POST', ORGANIZATION, as(partnerId, ['customers:read']), {
      body: base,
    });
    expect(noScope.status).toBe(403);
    expect(await countLeads(partnerId)).toBe(0);
  });
});

describe('TMF632 changes and withdrawals of a partner’s organization', () => {
  it('changes whom to call by merge patch, and refuses to change the company', async () => {
    const partnerId = await activePartner(rest.services);
    const lead = await rest.services.intake.submit(partnerCaller(partnerId), leadBody());
    const path = `${ORGANIZATION}/${lead.id}`;
    const read = await rest.call('GET', path, as(partnerId));
    const patched = await rest.call('PATCH', path, as(partnerId), {
      body: {
        name: read.body['name'],
        partyCharacteristic: [
          ...(read.body['partyCharacteristic'] as { name: string }[]).filter(
            (c) => c.name !== 'contactName',
          ),
          { name: 'contactName', value: '陈先生' },
        ],
        contactMedium: [{ '@type': 'EmailContactMedium', emailAddress: 'chen@example.cn' }],
      },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body['contactMedium']).toEqual([
      expect.objectContaining({ '@type': 'EmailContactMedium', emailAddress: 'chen@example.cn' }),
    ]);
    const stored = await rest.call('GET', `/leads/${lead.id}`, as(partnerId));
    expect(stored.body).toMatchObject({ version: lead.version + 1 });
    const [row] = await dataSource.query<{ contact_name: string; contact_phone: string | null }[]>(
      'SELECT contact_name, contact_phone FROM partners.lead WHERE id = $1',
      [lead.id],
    );
    expect(row).toEqual({ contact_name: '陈先生', contact_phone: null });

    const renamed = await rest.call('PATCH', path, as(partnerId), { body: { name: '别的公司' } });
    expect(renamed.status).toBe(409);
    expect(renamed.body).toMatchObject({ code: 'ORGANIZATION_ATTRIBUTE_FIXED' });
    expect(String(renamed.body['message'])).toContain('name');
    const moved = await rest.call('PATCH', path, as(partnerId), {
      body: { partyCharacteristic: [{ name: 'regionCode', value: '350203' }] },
    });
    expect(moved.status).toBe(409);
    expect(String(moved.body['message'])).toContain('partyCharacteristic.regionCode');
    const badPhone = await rest.call('PATCH', path, as(partnerId), {
      body: { contactMedium: [{ '@type': 'PhoneContactMedium', phoneNumber: 'call me' }] },
    });
    expect(badPhone.status).toBe(400);
    expect(String(badPhone.body['message'])).toContain('contactMedium.phoneNumber');
    const other = await activePartner(rest.services);
    expect((await rest.call('PATCH', path, as(other), { body: {} })).status).toBe(404);
  });

  it('withdraws an open organization: its lead is lost as withdrawn, once', async () => {
    const partnerId = await activePartner(rest.services);
    const lead = await rest.services.intake.submit(partnerCaller(partnerId), leadBody());
    const path = `${ORGANIZATION}/${lead.id}`;
    const other = await activePartner(rest.services);
    expect((await rest.call('DELETE', path, as(other))).status).toBe(404);
    expect((await rest.call('DELETE', path, as(partnerId, ['customers:read']))).status).toBe(403);

    const withdrawn = await rest.call('DELETE', path, as(partnerId));
    expect(withdrawn.status).toBe(204);
    const stored = await rest.call('GET', `/leads/${lead.id}`, as(partnerId));
    expect(stored.body).toMatchObject({ state: 'LOST', lostReason: 'WITHDRAWN_BY_PARTNER' });
    const organization = await rest.call('GET', path, as(partnerId));
    expect(organization.body).toMatchObject({ status: 'closed' });

    const again = await rest.call('DELETE', path, as(partnerId));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ '@type': 'Error', code: 'LEAD_CLOSED' });
    const patched = await rest.call('PATCH', path, as(partnerId), { body: {} });
    expect(patched.status).toBe(409);
  });
});

describe('TMF629 customers of a partner', () => {
  it('lists the companies a manager took on, prospective until converted', async () => {
    const { partnerId, qualified, assigned, converted } = await partnerWithLeads();
    const all = await rest.call('GET', CUSTOMER, as(partnerId));
    expect(all.status).toBe(200);
    expect(all.headers.get('x-total-count')).toBe('2');
    expect(items(all).map((c) => [c['id'], c['status']])).toEqual([
      [converted.id, 'approved'],
      [assigned.id, 'prospective'],
    ]);
    expect(items(all)[0]).toMatchObject({
      href: `${CUSTOMER}/${converted.id}`,
      '@type': 'Customer',
      name: converted.companyName,
      engagedParty: { id: converted.id, '@referredType': 'Organization' },
    });
    expect(JSON.stringify(all.body)).not.toContain('M5001');
    const approved = await rest.call(
      'GET',
      `${CUSTOMER}?status=approved&fields=status`,
      as(partnerId),
    );
    expect(items(approved)).toEqual([
      {
        id: converted.id,
        href: `${CUSTOMER}/${converted.id}`,
        '@type': 'Customer',
        status: 'approved',
      },
    ]);
    const party = await rest.call(
      'GET',
      `${CUSTOMER}?engagedParty.id=${assigned.id}`,
      as(partnerId),
    );
    expect(items(party).map((c) => c['id'])).toEqual([assigned.id]);
    const notYet = await rest.call('GET', `${CUSTOMER}/${qualified.id}`, as(partnerId));
    expect(notYet.status).toBe(404);
    expect(notYet.body).toMatchObject({ code: 'CUSTOMER_NOT_FOUND' });
  });

  it('needs customers:read and hides another partner’s customer', async () => {
    const { partnerId, assigned } = await partnerWithLeads();
    const other = await activePartner(rest.services);
    expect((await rest.call('GET', `${CUSTOMER}/${assigned.id}`, as(other))).status).toBe(404);
    const scoped = await rest.call('GET', CUSTOMER, as(partnerId, ['leads:read']));
    expect(scoped.status).toBe(403);
    expect(scoped.body).toMatchObject({ '@type': 'Error', code: 'PARTNER_SCOPE_MISSING' });
    const staff = await rest.call('GET', CUSTOMER, { roles: ['COORDINATOR'] });
    expect(staff.status).toBe(403);
  });
});
