/** What partners are told of their leads and deals, as webhook event types. */
export const PARTNER_WEBHOOK_EVENT_TYPES = [
  'lead.received',
  'lead.qualified',
  'lead.duplicate',
  'lead.in_conflict',
  'lead.assigned',
  'lead.contacted',
  'lead.converted',
  'lead.lost',
  'deal.registered',
  'deal.expired',
] as const;

export type PartnerWebhookEventType = (typeof PARTNER_WEBHOOK_EVENT_TYPES)[number];

export function isPartnerWebhookEventType(value: unknown): value is PartnerWebhookEventType {
  return (PARTNER_WEBHOOK_EVENT_TYPES as readonly unknown[]).includes(value);
}

/** Whether an endpoint subscribed to `types` (none: every type) hears of `eventType`. */
export function endpointHears(types: readonly string[], eventType: string): boolean {
  return types.length === 0 || types.includes(eventType);
}
