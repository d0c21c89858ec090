import type { RestApi } from '@gap/rest';
import { DEALS_CONTROLLERS } from './deals/deals.providers.js';
import { LEADS_CONTROLLERS } from './leads/leads.providers.js';
import { TMF_CONTROLLERS } from './tmf/tmf.providers.js';
import { WEBHOOK_CONTROLLERS } from './webhooks/webhooks.providers.js';

/** The controllers of this service's REST API, for the service and for the OpenAPI document. */
export const PARTNERS_REST_API: RestApi = {
  title: 'Partners',
  version: '1',
  controllers: [
    ...LEADS_CONTROLLERS,
    ...DEALS_CONTROLLERS,
    ...WEBHOOK_CONTROLLERS,
    ...TMF_CONTROLLERS,
  ],
  tags: {
    'partners/leads':
      'A partner’s leads and referrals: submitted with an Idempotency-Key, de-duplicated against the book, followed to their outcome.',
    'partners/deals': 'Deal registrations: a partner’s claim on a prospect, with its expiry.',
    'partners/webhooks':
      'Where a partner is told what happened to its leads: signed deliveries (Standard Webhooks) and their log.',
    partyManagement:
      'TMF632 Party Management v5: the companies a partner brought, as organizations (its own leads); posting one brings a lead.',
    customerManagement:
      'TMF629 Customer Management v5: the partner’s companies that a manager took on, as customers.',
  },
};
