import type { LeadRecord } from '../leads/lead.model.js';
import type { NotifiedEvent } from '../webhooks/partner-notifications.js';
import {
  CUSTOMER_STATUS_OF,
  TMF629_BASE,
  TMF632_BASE,
  toCustomer,
  toOrganization,
} from './party.resource.js';

/** TMF632's organization events, named as the published document names them. */
export const ORGANIZATION_EVENT_TYPES = [
  'OrganizationCreateEvent',
  'OrganizationAttributeValueChangeEvent',
  'OrganizationStateChangeEvent',
] as const;

/** TMF629's customer events, named as the published document names them. */
export const CUSTOMER_EVENT_TYPES = [
  'CustomerCreateEvent',
  'CustomerAttributeValueChangeEvent',
  'CustomerStateChangeEvent',
  'CustomerDeleteEvent',
] as const;

/** The two APIs whose listeners a partner registers, each with its base and its events. */
export const PARTY_HUB_APIS = {
  partyManagement: { base: TMF632_BASE, events: ORGANIZATION_EVENT_TYPES },
  customerManagement: { base: TMF629_BASE, events: CUSTOMER_EVENT_TYPES },
} as const;
export type PartyHubApi = keyof typeof PARTY_HUB_APIS;

export type LeadEvent = Extract<NotifiedEvent, `Lead${string}`>;

/** The lead events the hubs follow. */
export const LEAD_EVENTS: readonly LeadEvent[] = [
  'LeadReceived',
  'LeadQualified',
  'LeadDuplicate',
  'LeadInConflict',
  'LeadAssigned',
  'LeadContacted',
  'LeadConverted',
  'LeadLost',
];

/** One TMF event a lead event makes: its type and the resource under its name. */
export interface PartyEvent {
  readonly eventType: string;
  readonly resource: Record<string, Record<string, unknown>>;
}

/**
 * What a lead's step tells the partner's TMF listeners, with the lead as it now stands: its
 * organization was created, changed state (qualified, a duplicate, lost) or changed otherwise;
 * it became a customer when a manager took it on, which changes on contact, changes state on
 * conversion and goes when a taken-on lead is lost.
 */
export function partyEventsOf(step: LeadEvent, lead: LeadRecord): PartyEvent[] {
  const organization = { organization: toOrganization(lead) };
  const customer = () => ({ customer: toCustomer(lead) });
  const of = (eventType: string, resource: PartyEvent['resource']) => ({ eventType, resource });
  switch (step) {
    case 'LeadReceived':
      return [of('OrganizationCreateEvent', organization)];
    case 'LeadQualified':
    case 'LeadDuplicate':
      return [of('OrganizationStateChangeEvent', organization)];
    case 'LeadLost':
      return [
        of('OrganizationStateChangeEvent', organization),
        ...(lead.assignedAt !== null ? [of('CustomerDeleteEvent', customer())] : []),
      ];
    case 'LeadInConflict':
      return [of('OrganizationAttributeValueChangeEvent', organization)];
    case 'LeadAssigned':
      return [
        of('OrganizationAttributeValueChangeEvent', organization),
        ...(CUSTOMER_STATUS_OF[lead.state] ? [of('CustomerCreateEvent', customer())] : []),
      ];
    case 'LeadContacted':
      return [
        of('OrganizationAttributeValueChangeEvent', organization),
        of('CustomerAttributeValueChangeEvent', customer()),
      ];
    case 'LeadConverted':
      return [
        of('OrganizationAttributeValueChangeEvent', organization),
        of('CustomerStateChangeEvent', customer()),
      ];
  }
}
