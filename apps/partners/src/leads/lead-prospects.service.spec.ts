import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  activePartner,
  COORDINATOR,
  eventsOf,
  leadBody,
  leadServices,
  openLeadsTestDatabase,
  partnerCaller,
  type LeadServices,
} from '../testing/leads-harness.js';

let dataSource: DataSource;
let services: LeadServices;

beforeAll(async () => {
  dataSource = await openLeadsTestDatabase('prospects');
  services = leadServices(dataSource);
});
afterAll(() => dataSource.destroy());

describe('a new company’s lead follows its PROSPECT account', () => {
  it('is assigned to the manager the automatic assignment gives the account', async () => {
    const partnerId = await activePartner(services);
    const lead = await services.intake.submit(partnerCaller(partnerId), leadBody());
    const accountId = randomUUID();
    await dataSource.transaction(async (tx) => {
      await services.prospects.accountOpened(tx, accountId, lead.creditCode);
      await services.prospects.managerAssigned(tx, accountId, 'M5001', 'S5001');
    });
    const assigned = await services.queries.byId(COORDINATOR, lead.id);
    expect(assigned).toMatchObject({
      state: 'ASSIGNED',
      accountId,
      managerId: 'M5001',
      supervisorId: 'S5001',
    });
    expect(assigned.firstContactDueAt).not.toBeNull();
    const event = (await eventsOf(dataSource, lead.id)).at(-1);
    expect(event).toMatchObject({
      type: 'LeadAssigned',
      payload: { managerId: 'M5001', assignedBy: 'managers', groupAccountId: accountId },
    });
  });

  it('leaves a lead alone when another account gets its manager', async () => {
    const partnerId = await activePartner(services);
    const lead = await services.intake.submit(partnerCaller(partnerId), leadBody());
    const other = randomUUID();
    await dataSource.transaction(async (tx) => {
      await services.prospects.managerAssigned(tx, other, 'M5002', null);
    });
    const untouched = await services.queries.byId(COORDINATOR, lead.id);
    expect(untouched).toMatchObject({ state: 'QUALIFIED', accountId: null, version: lead.version });
  });
});
