import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  activePartner,
  COORDINATOR,
  leadBody,
  leadServices,
  manager,
  openLeadsTestDatabase,
  partnerCaller,
  rejection,
  type LeadServices,
} from '../testing/leads-harness.js';
import { PartnerPerformanceRepository } from './partner-performance.repository.js';
import { PartnerPerformanceResolver } from './partner-performance.resolver.js';

let dataSource: DataSource;
let services: LeadServices;
let resolver: PartnerPerformanceResolver;

beforeAll(async () => {
  dataSource = await openLeadsTestDatabase('performance');
  services = leadServices(dataSource);
  resolver = new PartnerPerformanceResolver(new PartnerPerformanceRepository(dataSource));
});
afterAll(() => dataSource.destroy());

/** A partner's new-company lead, assigned by the coordination team to `managerId`. */
async function assigned(partnerId: string, managerId: string) {
  const lead = await services.intake.submit(partnerCaller(partnerId), leadBody());
  return services.commands.assignLead(COORDINATOR, {
    leadId: lead.id,
    version: lead.version,
    managerId,
    accountId: randomUUID(),
  });
}

describe("a partner's performance", () => {
  it('counts its leads, the qualified share, conversions and the time to first contact', async () => {
    const partnerId = await activePartner(services);
    const other = await activePartner(services);
    const won = await assigned(partnerId, 'M4001');
    const contacted = await services.commands.recordLeadContact(manager('M4001'), {
      leadId: won.id,
      version: won.version,
    });
    await services.commands.convertLead(manager('M4001'), {
      leadId: won.id,
      version: contacted.version,
    });
    const gone = await assigned(partnerId, 'M4002');
    await services.commands.loseLead(manager('M4002'), {
      leadId: gone.id,
      version: gone.version,
      reason: 'NO_NEED',
    });
    await services.intake.submit(partnerCaller(partnerId), leadBody());
    // Another partner's lead counts for that partner only.
    await assigned(other, 'M4003');
    // The first contact came two hours after the assignment.
    await dataSource.query(
      `UPDATE partners.lead SET first_contact_at = assigned_at + interval '2 hours' WHERE id = $1`,
      [won.id],
    );

    const figures = await resolver.performance(COORDINATOR, { id: partnerId } as never, 90);
    expect(figures).toMatchObject({
      leads: 3,
      qualified: 3,
      qualifiedShare: 1,
      converted: 1,
      conversionRate: 1 / 3,
      lost: 1,
      contacted: 1,
      duplicates: 0,
      inConflict: 0,
    });
    expect(figures.medianHoursToFirstContact).toBeCloseTo(2, 5);
    expect(figures.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const empty = await resolver.performance(COORDINATOR, { id: randomUUID() } as never, 30);
    expect(empty).toMatchObject({ leads: 0, qualifiedShare: null, conversionRate: null });
  });

  it('is read by the channel’s staff, not by a manager', async () => {
    const refused = await rejection(
      resolver.performance(manager('M4001'), { id: randomUUID() } as never, 90),
    );
    expect(refused).toMatchObject({ kind: 'FORBIDDEN' });
  });
});
