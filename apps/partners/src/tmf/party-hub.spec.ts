import { LEAD_STATES, type LeadState } from '@gap/partners/domain';
import type { LeadRecord } from '../leads/lead.model.js';
import {
  CUSTOMER_EVENT_TYPES,
  LEAD_EVENTS,
  ORGANIZATION_EVENT_TYPES,
  partyEventsOf,
} from './party-hub.js';
import { ORGANIZATION_STATUS_OF, toCustomer, toOrganization } from './party.resource.js';

const at = new Date('2026-12-03T02:00:00Z');
const lead = (state: LeadState, assigned = false) =>
  ({
    id: '6f1c2d4e-0000-4000-8000-000000000001',
    partnerId: '6f1c2d4e-0000-4000-8000-0000000000aa',
    kind: 'LEAD',
    partnerReference: 'CRM-1',
    creditCode: '91350100M000100Y43',
    companyName: '福建省福州市星辰科技有限公司',
    regionCode: '350102',
    industrySection: 'I',
    priority: 'P2',
    contactName: '林女士',
    contactPhone: '+86 591 8765 4321',
    contactEmail: null,
    state,
    receivedAt: at,
    assignedAt: assigned ? at : null,
    firstContactAt: null,
    closedAt: null,
    lostReason: null,
    managerId: assigned ? 'M5001' : null,
    accountId: assigned ? '6f1c2d4e-0000-4000-8000-0000000000bb' : null,
  }) as unknown as LeadRecord;

describe('a lead as TMF632 and TMF629 resources and events', () => {
  it('gives every lead state an organization status', () => {
    for (const state of LEAD_STATES) expect(ORGANIZATION_STATUS_OF[state]).toBeDefined();
  });

  it('never shows the partner the manager or the operator’s account', () => {
    const shown = JSON.stringify([
      toOrganization(lead('ASSIGNED', true)),
      toCustomer(lead('ASSIGNED', true)),
    ]);
    expect(shown).not.toContain('M5001');
    expect(shown).not.toContain('0000000000bb');
  });

  it('sends only events the APIs publish, an organization on every step', () => {
    const published: readonly string[] = [...ORGANIZATION_EVENT_TYPES, ...CUSTOMER_EVENT_TYPES];
    for (const step of LEAD_EVENTS) {
      const events = partyEventsOf(step, lead('ASSIGNED', true));
      expect(events.every((e) => published.includes(e.eventType))).toBe(true);
      expect(events.some((e) => e.eventType.startsWith('Organization'))).toBe(true);
    }
  });

  it('makes a customer when a manager takes the lead on and drops it when a taken-on lead is lost', () => {
    const types = (step: (typeof LEAD_EVENTS)[number], l: LeadRecord) =>
      partyEventsOf(step, l).map((e) => e.eventType);
    expect(types('LeadReceived', lead('RECEIVED'))).toEqual(['OrganizationCreateEvent']);
    expect(types('LeadAssigned', lead('ASSIGNED', true))).toContain('CustomerCreateEvent');
    expect(types('LeadConverted', lead('CONVERTED', true))).toContain('CustomerStateChangeEvent');
    expect(types('LeadLost', lead('LOST', true))).toEqual([
      'OrganizationStateChangeEvent',
      'CustomerDeleteEvent',
    ]);
    expect(types('LeadLost', lead('LOST'))).toEqual(['OrganizationStateChangeEvent']);
  });
});
