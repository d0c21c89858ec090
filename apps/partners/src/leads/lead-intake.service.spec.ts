import type { DataSource } from 'typeorm';
import {
  activePartner,
  bookAccount,
  COORDINATOR,
  eventsOf,
  leadBody,
  leadServices,
  newBrand,
  newCreditCode,
  openLeadsTestDatabase,
  partnerCaller,
  rejection,
  type LeadServices,
} from '../testing/leads-harness.js';

let dataSource: DataSource;
let services: LeadServices;

beforeAll(async () => {
  dataSource = await openLeadsTestDatabase('intake');
  services = leadServices(dataSource);
});
afterAll(() => dataSource.destroy());

async function submitAs(partnerId: string, overrides: Parameters<typeof leadBody>[0] = {}) {
  return services.intake.submit(partnerCaller(partnerId), leadBody(overrides));
}

describe('a new company', () => {
  it('is qualified and asks for a PROSPECT account, its events free of the contact person', async () => {
    const partnerId = await activePartner(services);
    const lead = await submitAs(partnerId, { contactEmail: 'lin@example.cn' });
    expect(lead).toMatchObject({ state: 'QUALIFIED', dedupeOutcome: 'NEW', accountId: null });
    const events = await eventsOf(dataSource, lead.id);
    expect(events.map((e) => e.type)).toEqual(['LeadReceived', 'LeadQualified']);
    expect(events[1]?.payload).toMatchObject({
      prospectRequested: true,
      creditCode: lead.creditCode,
      companyName: lead.companyName,
      regionCode: '350102',
    });
    const text = JSON.stringify(events);
    for (const personal of ['林女士', '8765', 'lin@example.cn'])
      expect(text).not.toContain(personal);
  });
});

describe('de-duplication against the book', () => {
  it('matches an account by its credit code and routes the lead to its primary manager', async () => {
    const partnerId = await activePartner(services);
    const code = newCreditCode();
    const accountId = await bookAccount(dataSource, services, {
      name: `福州${newBrand()}贸易有限公司`,
      creditCode: code,
      primaryManagerId: 'M2001',
      tier: 'B',
    });
    const lead = await submitAs(partnerId, { creditCode: code });
    expect(lead).toMatchObject({
      dedupeOutcome: 'MATCH',
      state: 'ASSIGNED',
      accountId,
      managerId: 'M2001',
      conflict: { reason: 'ACCOUNT_OWNED_BY_MANAGER', winner: { kind: 'MANAGER' } },
    });
    expect(lead.candidates[0]).toMatchObject({ kind: 'ACCOUNT', id: accountId, score: 1 });
    expect(lead.candidates[0]?.evidence).toContain('CREDIT_CODE_EQUAL');
    expect(lead.firstContactDueAt?.getTime()).toBe(
      (lead.assignedAt?.getTime() ?? 0) + 24 * 3_600_000,
    );
    const types = (await eventsOf(dataSource, lead.id)).map((e) => e.type);
    expect(types).toEqual(['LeadReceived', 'LeadQualified', 'LeadInConflict', 'LeadAssigned']);
  });

  it('finds the same company under another region prefix, bracket style and legal form', async () => {
    const partnerId = await activePartner(services);
    const brand = newBrand();
    const accountId = await bookAccount(dataSource, services, {
      name: `福建省福州市${brand}科技有限公司`,
    });
    const lead = await submitAs(partnerId, {
      creditCode: null,
      companyName: `福建${brand}科技（股份有限公司）`,
    });
    expect(lead).toMatchObject({ dedupeOutcome: 'MATCH', state: 'QUALIFIED', accountId });
    expect(lead.candidates[0]?.evidence).toContain('NAME_EQUAL_AFTER_NORMALISATION');
    const qualified = (await eventsOf(dataSource, lead.id))[1];
    expect(qualified?.payload).toMatchObject({
      prospectRequested: false,
      groupAccountId: accountId,
    });
  });

  it('sends a name with its city in brackets after it to review rather than taking it as new', async () => {
    const partnerId = await activePartner(services);
    const brand = newBrand();
    const accountId = await bookAccount(dataSource, services, {
      name: `福建省福州市${brand}科技有限公司`,
    });
    const lead = await submitAs(partnerId, {
      creditCode: null,
      companyName: `${brand}科技（福州）有限公司`,
    });
    expect(lead.dedupeOutcome).not.toBe('NEW');
    expect(lead.candidates[0]).toMatchObject({ kind: 'ACCOUNT', id: accountId });
  });

  it('puts a name that only sounds the same in the coordinators’ review queue', async () => {
    const partnerId = await activePartner(services);
    const brand = newBrand();
    const accountId = await bookAccount(dataSource, services, { name: `宏达${brand}有限公司` });
    const lead = await submitAs(partnerId, {
      creditCode: null,
      companyName: `弘达${brand}有限公司`,
    });
    expect(lead).toMatchObject({ dedupeOutcome: 'POSSIBLE_DUPLICATE', state: 'RECEIVED' });
    expect(lead.reviewPending).toBe(true);
    expect(lead.candidates[0]).toMatchObject({ kind: 'ACCOUNT', id: accountId });
    expect(lead.candidates[0]?.evidence).toContain('PINYIN_EQUAL');
    const queue = await services.queries.reviewQueue(COORDINATOR, { first: 100 });
    expect(queue.edges.map((e) => e.node.id)).toContain(lead.id);
    expect((await eventsOf(dataSource, lead.id)).map((e) => e.type)).toEqual(['LeadReceived']);
  });

  it('sends a namesake with another credit code to review, never to a match', async () => {
    const partnerId = await activePartner(services);
    const brand = newBrand();
    await bookAccount(dataSource, services, {
      name: `福建省${brand}科技有限公司`,
      creditCode: newCreditCode(),
    });
    const lead = await submitAs(partnerId, { companyName: `${brand}科技有限公司` });
    expect(lead).toMatchObject({ dedupeOutcome: 'POSSIBLE_DUPLICATE', reviewPending: true });
    expect(lead.candidates[0]?.evidence).toContain('CREDIT_CODE_DIFFERENT');
  });
});

describe('channel conflict', () => {
  it('keeps a tier-A account the operator serves directly for its manager', async () => {
    const partnerId = await activePartner(services);
    const code = newCreditCode();
    await bookAccount(dataSource, services, {
      name: `${newBrand()}集团有限公司`,
      creditCode: code,
      primaryManagerId: 'M2002',
      tier: 'A',
    });
    const lead = await submitAs(partnerId, { creditCode: code });
    expect(lead.storedConflict).toEqual({
      reason: 'TIER_A_DIRECT_PROTECTED',
      winner: { kind: 'MANAGER', managerId: 'M2002' },
      reasons: ['TIER_A_DIRECT_PROTECTED', 'ACCOUNT_OWNED_BY_MANAGER'],
    });
    expect(lead).toMatchObject({ state: 'ASSIGNED', managerId: 'M2002' });
  });

  it('gives a company to the partner who brought it first', async () => {
    const first = await activePartner(services);
    const second = await activePartner(services);
    const code = newCreditCode();
    const earlier = await submitAs(first, { creditCode: code });
    const later = await submitAs(second, { creditCode: code, companyName: `另一个${newBrand()}` });
    expect(later).toMatchObject({
      state: 'IN_CONFLICT',
      conflict: {
        reason: 'EARLIER_LEAD_OF_OTHER_PARTNER',
        winner: { kind: 'PARTNER', partnerId: first },
      },
    });
    const conflictEvent = (await eventsOf(dataSource, later.id)).at(-1);
    expect(conflictEvent).toMatchObject({
      type: 'LeadInConflict',
      payload: { winnerKind: 'PARTNER', winnerPartnerId: first },
    });
    expect(earlier.state).toBe('QUALIFIED');
  });

  it('holds an account for the partner that registered a deal on it', async () => {
    const holder = await activePartner(services);
    const other = await activePartner(services);
    const code = newCreditCode();
    const accountId = await bookAccount(dataSource, services, {
      name: `${newBrand()}物流有限公司`,
      creditCode: code,
    });
    const deal = await services.deals.register(partnerCaller(holder), { creditCode: code });
    expect(deal).toMatchObject({ groupAccountId: accountId, status: 'ACTIVE' });
    const lead = await submitAs(other, { creditCode: code });
    expect(lead).toMatchObject({
      state: 'IN_CONFLICT',
      conflict: {
        reason: 'REGISTERED_BY_OTHER_PARTNER',
        winner: { kind: 'PARTNER', partnerId: holder },
      },
    });
    const refused = await rejection(
      services.deals.register(partnerCaller(other), { creditCode: code }),
    );
    expect(refused).toMatchObject({
      code: 'DEAL_REGISTERED_BY_OTHER_PARTNER',
      field: 'creditCode',
    });
  });
});

describe('a partner submitting again', () => {
  it('gets its open lead for the same company back, one lead and one LeadReceived', async () => {
    const partnerId = await activePartner(services);
    const body = leadBody();
    const [a, b] = await Promise.all([
      services.intake.submit(partnerCaller(partnerId), body),
      services.intake.submit(partnerCaller(partnerId), body),
    ]);
    const again = await services.intake.submit(partnerCaller(partnerId), {
      ...body,
      priority: 'P1',
    });
    expect(new Set([a.id, b.id, again.id]).size).toBe(1);
    const [{ count }] = await dataSource.query<{ count: string }[]>(
      'SELECT count(*) FROM partners.lead WHERE partner_id = $1',
      [partnerId],
    );
    expect(Number(count)).toBe(1);
    const received = (await eventsOf(dataSource, a.id)).filter((e) => e.type === 'LeadReceived');
    expect(received).toHaveLength(1);
  });

  it('finds its own earlier lead under another name as its duplicate', async () => {
    const partnerId = await activePartner(services);
    const brand = newBrand();
    const first = await submitAs(partnerId, {
      creditCode: null,
      companyName: `福建省福州市${brand}有限公司`,
    });
    const second = await submitAs(partnerId, {
      creditCode: null,
      companyName: `福建${brand}(有限责任公司)`,
    });
    expect(second).toMatchObject({
      state: 'DUPLICATE',
      duplicateOf: { kind: 'LEAD', id: first.id },
    });
  });
});

describe('what a partner may submit and see', () => {
  it('refuses a malformed credit code, naming the field, and writes nothing', async () => {
    const partnerId = await activePartner(services);
    const error = await rejection(submitAs(partnerId, { creditCode: '91350100M000100Y44' }));
    expect(error).toMatchObject({ kind: 'INVALID_INPUT', field: 'creditCode' });
    const page = await services.queries.ownLeads(partnerCaller(partnerId), null, { first: 10 });
    expect(page.edges).toHaveLength(0);
  });

  it('refuses a region outside the partner’s coverage, a suspended partner and a missing scope', async () => {
    const partnerId = await activePartner(services);
    expect(await rejection(submitAs(partnerId, { regionCode: '110101' }))).toMatchObject({
      kind: 'INVALID_INPUT',
      field: 'regionCode',
    });
    const readOnly = services.intake.submit(partnerCaller(partnerId, ['leads:read']), leadBody());
    expect(await rejection(readOnly)).toMatchObject({ code: 'PARTNER_SCOPE_MISSING' });
    const partner = await services.partners.changeStatus(
      { subject: 'A0001', roles: ['ADMIN'] },
      { id: partnerId, version: 1, status: 'SUSPENDED', reason: '合同审查中暂停' },
    );
    expect(partner.status).toBe('SUSPENDED');
    expect(await rejection(submitAs(partnerId))).toMatchObject({ code: 'PARTNER_NOT_ACTIVE' });
  });

  it('answers another partner’s lead as not found and lists only its own', async () => {
    const mine = await activePartner(services);
    const theirs = await activePartner(services);
    const own = await submitAs(mine);
    const other = await submitAs(theirs);
    const error = await rejection(services.queries.ownLead(partnerCaller(mine), other.id));
    expect(error).toMatchObject({ kind: 'NOT_FOUND', code: 'LEAD_NOT_FOUND' });
    const page = await services.queries.ownLeads(partnerCaller(mine), null, { first: 10 });
    expect(page.edges.map((e) => e.node.id)).toEqual([own.id]);
  });
});
