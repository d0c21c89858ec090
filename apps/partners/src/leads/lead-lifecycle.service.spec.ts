import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  activePartner,
  bookAccount,
  COORDINATOR,
  eventsOf,
  leadBody,
  leadServices,
  manager,
  newBrand,
  newCreditCode,
  openLeadsTestDatabase,
  partnerCaller,
  rejection,
  supervisor,
  type LeadServices,
} from '../testing/leads-harness.js';

let dataSource: DataSource;
let services: LeadServices;

beforeAll(async () => {
  dataSource = await openLeadsTestDatabase('lifecycle');
  services = leadServices(dataSource);
});
afterAll(() => dataSource.destroy());

/** A new company's lead, qualified and waiting for a manager. */
async function qualifiedLead() {
  const partnerId = await activePartner(services);
  return services.intake.submit(partnerCaller(partnerId), leadBody());
}

/** A lead assigned to `managerId` by the coordination team. */
async function assignedLead(managerId: string) {
  const lead = await qualifiedLead();
  return services.commands.assignLead(COORDINATOR, {
    leadId: lead.id,
    version: lead.version,
    managerId,
    accountId: randomUUID(),
  });
}

describe('a lead from assignment to conversion', () => {
  it('is assigned, contacted and converted, one event per step', async () => {
    const lead = await assignedLead('M3001');
    expect(lead).toMatchObject({ state: 'ASSIGNED', managerId: 'M3001' });
    expect(lead.firstContactDueAt).not.toBeNull();
    const contacted = await services.commands.recordLeadContact(manager('M3001'), {
      leadId: lead.id,
      version: lead.version,
    });
    const converted = await services.commands.convertLead(manager('M3001'), {
      leadId: lead.id,
      version: contacted.version,
    });
    expect(converted).toMatchObject({ state: 'CONVERTED' });
    expect(converted.closedAt).not.toBeNull();
    const types = (await eventsOf(dataSource, lead.id)).map((e) => e.type);
    expect(types).toEqual([
      'LeadReceived',
      'LeadQualified',
      'LeadAssigned',
      'LeadContacted',
      'LeadConverted',
    ]);
    const history = await services.leads.history(lead.id);
    expect(history.map((h) => h.toState)).toEqual([
      'RECEIVED',
      'QUALIFIED',
      'ASSIGNED',
      'CONTACTED',
      'CONVERTED',
    ]);
  });
});

describe('refusals, coded and naming the field', () => {
  it('refuses converting before the first contact', async () => {
    const lead = await assignedLead('M3002');
    const error = await rejection(
      services.commands.convertLead(manager('M3002'), { leadId: lead.id, version: lead.version }),
    );
    expect(error).toMatchObject({ code: 'LEAD_NOT_CONTACTED', kind: 'CONFLICT' });
  });

  it('hides a lead from a manager it is not assigned to', async () => {
    const lead = await assignedLead('M3003');
    const error = await rejection(
      services.commands.recordLeadContact(manager('M3999'), {
        leadId: lead.id,
        version: lead.version,
      }),
    );
    expect(error).toMatchObject({ code: 'LEAD_NOT_FOUND', field: 'input.leadId' });
  });

  it('refuses a stale version and a contact in the future', async () => {
    const lead = await assignedLead('M3004');
    const stale = await rejection(
      services.commands.recordLeadContact(manager('M3004'), { leadId: lead.id, version: 1 }),
    );
    expect(stale).toMatchObject({ code: 'LEAD_VERSION_CONFLICT', field: 'input.version' });
    const future = await rejection(
      services.commands.recordLeadContact(manager('M3004'), {
        leadId: lead.id,
        version: lead.version,
        at: new Date(Date.now() + 3_600_000),
      }),
    );
    expect(future).toMatchObject({ code: 'LEAD_CONTACT_IN_FUTURE', field: 'input.at' });
  });

  it('asks for a note when a lead is lost for OTHER, and takes one', async () => {
    const lead = await assignedLead('M3005');
    const input = { leadId: lead.id, version: lead.version, reason: 'OTHER' };
    const error = await rejection(services.commands.loseLead(manager('M3005'), input));
    expect(error).toMatchObject({ code: 'LEAD_LOST_NOTE_REQUIRED', field: 'input.note' });
    const lost = await services.commands.loseLead(manager('M3005'), {
      ...input,
      note: '客户已与集团总部统一采购',
    });
    expect(lost).toMatchObject({ state: 'LOST', lostReason: 'OTHER' });
    const event = (await eventsOf(dataSource, lead.id)).at(-1);
    expect(event).toMatchObject({ type: 'LeadLost', payload: { reason: 'OTHER' } });
    expect(JSON.stringify(event)).not.toContain('集团总部');
  });

  it('keeps duplicate reviews to the coordination team', async () => {
    const lead = await qualifiedLead();
    const error = await rejection(
      services.commands.reviewDuplicate(supervisor('S4001'), {
        leadId: lead.id,
        version: lead.version,
        decision: 'OVERRULE',
      }),
    );
    expect(error).toMatchObject({ kind: 'FORBIDDEN' });
  });
});

describe('the coordination team’s decisions', () => {
  it('confirms a possible duplicate as the account it sounds like, routed to its manager', async () => {
    const partnerId = await activePartner(services);
    const brand = newBrand();
    const accountId = await bookAccount(dataSource, services, {
      name: `宏达${brand}有限公司`,
      primaryManagerId: 'M3010',
    });
    const lead = await services.intake.submit(
      partnerCaller(partnerId),
      leadBody({ creditCode: null, companyName: `弘达${brand}有限公司` }),
    );
    expect(lead.reviewPending).toBe(true);
    const reviewed = await services.commands.reviewDuplicate(COORDINATOR, {
      leadId: lead.id,
      version: lead.version,
      decision: 'CONFIRM',
    });
    expect(reviewed).toMatchObject({
      state: 'ASSIGNED',
      accountId,
      managerId: 'M3010',
      reviewPending: false,
    });
    const again = await rejection(
      services.commands.reviewDuplicate(COORDINATOR, {
        leadId: lead.id,
        version: reviewed.version,
        decision: 'CONFIRM',
      }),
    );
    expect(again).toMatchObject({ code: 'LEAD_NOT_IN_REVIEW' });
  });

  it('overrules a possible duplicate: a new company, a PROSPECT asked for', async () => {
    const partnerId = await activePartner(services);
    const brand = newBrand();
    await bookAccount(dataSource, services, { name: `宏达${brand}有限公司` });
    const lead = await services.intake.submit(
      partnerCaller(partnerId),
      leadBody({ creditCode: null, companyName: `弘达${brand}有限公司` }),
    );
    const reviewed = await services.commands.reviewDuplicate(COORDINATOR, {
      leadId: lead.id,
      version: lead.version,
      decision: 'OVERRULE',
    });
    expect(reviewed).toMatchObject({
      state: 'QUALIFIED',
      accountId: null,
      prospectRequested: true,
    });
    const qualified = (await eventsOf(dataSource, lead.id)).at(-1);
    expect(qualified).toMatchObject({
      type: 'LeadQualified',
      payload: { prospectRequested: true },
    });
  });

  it('loses a conflict to the partner who won it, and will not route it to a manager', async () => {
    const first = await activePartner(services);
    const second = await activePartner(services);
    const code = newCreditCode();
    await services.intake.submit(partnerCaller(first), leadBody({ creditCode: code }));
    const lead = await services.intake.submit(
      partnerCaller(second),
      leadBody({ creditCode: code }),
    );
    expect(lead.state).toBe('IN_CONFLICT');
    const routed = await rejection(
      services.commands.decideConflict(COORDINATOR, {
        leadId: lead.id,
        version: lead.version,
        decision: 'ROUTE_TO_MANAGER',
        managerId: 'M3020',
        accountId: randomUUID(),
      }),
    );
    expect(routed).toMatchObject({ code: 'LEAD_CONFLICT_WON_BY_PARTNER' });
    const lost = await services.commands.decideConflict(COORDINATOR, {
      leadId: lead.id,
      version: lead.version,
      decision: 'LOSE_TO_WINNER',
    });
    expect(lost).toMatchObject({ state: 'LOST', lostReason: 'CHANNEL_CONFLICT' });
    const own = await services.queries.ownLead(partnerCaller(second), lead.id);
    expect(own.state).toBe('LOST');
  });
});

describe('who sees which leads', () => {
  it('shows a manager the leads assigned to them and a supervisor those they routed', async () => {
    const lead = await qualifiedLead();
    const routed = await services.commands.assignLead(supervisor('S4002'), {
      leadId: lead.id,
      version: lead.version,
      managerId: 'M3030',
      accountId: randomUUID(),
    });
    expect(routed).toMatchObject({ state: 'ASSIGNED', managerId: 'M3030' });
    const mine = await services.queries.list(manager('M3030'), {}, { first: 10 });
    expect(mine.edges.map((e) => e.node.id)).toEqual([lead.id]);
    expect((await services.queries.byId(supervisor('S4002'), lead.id)).id).toBe(lead.id);
    const other = await rejection(services.queries.byId(manager('M3031'), lead.id));
    expect(other).toMatchObject({ code: 'LEAD_NOT_FOUND' });
  });
});

describe('the coordination team’s lists', () => {
  it('lists leads in conflict for coordinators only, and one partner’s leads', async () => {
    const first = await activePartner(services);
    const second = await activePartner(services);
    const code = newCreditCode();
    await services.intake.submit(partnerCaller(first), leadBody({ creditCode: code }));
    const lead = await services.intake.submit(
      partnerCaller(second),
      leadBody({ creditCode: code }),
    );
    const conflicts = await services.queries.conflicts(COORDINATOR, { first: 100 });
    expect(conflicts.edges.map((e) => e.node.id)).toContain(lead.id);
    expect(conflicts.edges.every((e) => e.node.state === 'IN_CONFLICT')).toBe(true);
    const refused = await rejection(services.queries.conflicts(manager('M3040'), { first: 10 }));
    expect(refused).toMatchObject({ kind: 'FORBIDDEN' });
    const ofPartner = await services.queries.ofPartner(COORDINATOR, second, { first: 10 });
    expect(ofPartner.edges.map((e) => e.node.id)).toEqual([lead.id]);
  });

  it('shows deal registrations to coordinators, and to a manager only on accounts of their leads', async () => {
    const partnerId = await activePartner(services);
    const code = newCreditCode();
    const accountId = await bookAccount(dataSource, services, {
      name: `${newBrand()}电子有限公司`,
      creditCode: code,
    });
    const deal = await services.deals.register(partnerCaller(partnerId), { creditCode: code });
    const all = await services.deals.staffList(COORDINATOR, { partnerId }, { first: 10 });
    expect(all.edges.map((e) => e.node.id)).toEqual([deal.id]);
    const before = await services.deals.staffList(manager('M3050'), { partnerId }, { first: 10 });
    expect(before.edges).toHaveLength(0);
    const lead = await services.intake.submit(
      partnerCaller(partnerId),
      leadBody({ creditCode: code }),
    );
    await services.commands.assignLead(COORDINATOR, {
      leadId: lead.id,
      version: lead.version,
      managerId: 'M3050',
      accountId,
    });
    const after = await services.deals.staffList(manager('M3050'), { partnerId }, { first: 10 });
    expect(after.edges.map((e) => e.node.id)).toEqual([deal.id]);
  });

  it('expires a lapsed registration once, with DealExpired, and frees the company for others', async () => {
    const holder = await activePartner(services);
    const other = await activePartner(services);
    const code = newCreditCode();
    const deal = await services.deals.register(partnerCaller(holder), { creditCode: code });
    expect(await services.deals.expireDue()).toBe(0);
    await dataSource.query(
      `UPDATE partners.deal_registration SET registered_at = now() - interval '2 days',
         expires_at = now() - interval '1 minute' WHERE id = $1`,
      [deal.id],
    );
    // Two sweeps at once (two instances): one expires it, the other finds nothing left.
    const swept = await Promise.all([services.deals.expireDue(), services.deals.expireDue()]);
    expect(swept.sort()).toEqual([0, 1]);
    expect(await services.deals.expireDue()).toBe(0);
    const events = await eventsOf(dataSource, deal.id);
    expect(events.map((e) => e.type)).toEqual(['DealRegistered', 'DealExpired']);
    expect(events[1]?.payload).toMatchObject({
      registrationId: deal.id,
      partnerId: holder,
      creditCode: code,
    });
    const taken = await services.deals.register(partnerCaller(other), { creditCode: code });
    expect(taken.partnerId).toBe(other);
  });

  it('expires a lapsed registration when its company is registered again, announced once', async () => {
    const holder = await activePartner(services);
    const code = newCreditCode();
    const deal = await services.deals.register(partnerCaller(holder), { creditCode: code });
    await dataSource.query(
      `UPDATE partners.deal_registration SET registered_at = now() - interval '2 days',
         expires_at = now() - interval '1 minute' WHERE id = $1`,
      [deal.id],
    );
    const again = await services.deals.register(partnerCaller(holder), { creditCode: code });
    expect(again.id).not.toBe(deal.id);
    expect(await services.deals.expireDue()).toBe(0);
    expect((await eventsOf(dataSource, deal.id)).map((e) => e.type)).toEqual([
      'DealRegistered',
      'DealExpired',
    ]);
  });
});
