import { MessagingTables1763900000001 } from '@gap/messaging';
import { IdempotencyKeys1763900000790 } from '@gap/rest';
import { Partners1763900000900 } from './1763900000900-partners.js';
import { Leads1763900000920 } from './1763900000920-leads.js';
import { PartnerCredentials1763900000950 } from './1763900000950-credentials.js';
import { PartnerWebhooks1763900000960 } from './1763900000960-webhooks.js';
import { WebhookLease1763900000970 } from './1763900000970-webhook-lease.js';

export const PARTNERS_SCHEMA = 'partners';
export const PARTNERS_MIGRATIONS = [
  MessagingTables1763900000001,
  IdempotencyKeys1763900000790,
  Partners1763900000900,
  Leads1763900000920,
  PartnerCredentials1763900000950,
  PartnerWebhooks1763900000960,
  WebhookLease1763900000970,
];
