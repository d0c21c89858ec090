import type { EventEnvelope, EventPayload, EventType } from '@gap/contracts';
import type { PartnerWebhookEventType } from '@gap/partners/domain';

/** What one partner is told of one event: the webhook's type and its `data`. */
export interface PartnerNotification {
  readonly partnerId: string;
  readonly type: PartnerWebhookEventType;
  readonly data: Record<string, unknown>;
}

/** The events partners hear of, each with the webhook type it is told as. */
export const NOTIFIED_EVENTS = {
  LeadReceived: 'lead.received',
  LeadQualified: 'lead.qualified',
  LeadDuplicate: 'lead.duplicate',
  LeadInConflict: 'lead.in_conflict',
  LeadAssigned: 'lead.assigned',
  LeadContacted: 'lead.contacted',
  LeadConverted: 'lead.converted',
  LeadLost: 'lead.lost',
  DealRegistered: 'deal.registered',
  DealExpired: 'deal.expired',
} as const satisfies Partial<Record<EventType, PartnerWebhookEventType>>;

export type NotifiedEvent = keyof typeof NOTIFIED_EVENTS;

interface Told {
  readonly partnerId: string;
  readonly data: Record<string, unknown>;
}

const lead = (p: { leadId: string; partnerId: string; version: number }) => ({
  leadId: p.leadId,
  version: p.version,
});

/**
 * What a partner may be told of an event about its own lead or deal: states, reason codes and
 * times. Never the manager who works it, another partner, another lead or the account's id: a
 * partner's view of the book is its own leads (a conflict says only whether the partner won).
 */
const TOLD: { readonly [T in NotifiedEvent]: (payload: EventPayload<T>) => Told } = {
  LeadReceived: (p) => ({
    partnerId: p.partnerId,
    data: { ...lead(p), kind: p.kind, dedupeOutcome: p.dedupeOutcome },
  }),
  LeadQualified: (p) => ({ partnerId: p.partnerId, data: lead(p) }),
  LeadDuplicate: (p) => ({ partnerId: p.partnerId, data: lead(p) }),
  LeadInConflict: (p) => ({
    partnerId: p.partnerId,
    data: {
      ...lead(p),
      reason: p.reason,
      reasons: p.reasons,
      won: p.winnerKind === 'PARTNER' && p.winnerPartnerId === p.partnerId,
    },
  }),
  LeadAssigned: (p) => ({
    partnerId: p.partnerId,
    data: { ...lead(p), firstContactDueAt: p.firstContactDueAt },
  }),
  LeadContacted: (p) => ({
    partnerId: p.partnerId,
    data: { ...lead(p), contactedAt: p.contactedAt },
  }),
  LeadConverted: (p) => ({
    partnerId: p.partnerId,
    data: { ...lead(p), convertedAt: p.convertedAt },
  }),
  LeadLost: (p) => ({
    partnerId: p.partnerId,
    data: { ...lead(p), reason: p.reason, lostAt: p.lostAt },
  }),
  DealRegistered: (p) => ({
    partnerId: p.partnerId,
    data: { registrationId: p.registrationId, creditCode: p.creditCode, expiresAt: p.expiresAt },
  }),
  DealExpired: (p) => ({
    partnerId: p.partnerId,
    data: { registrationId: p.registrationId, creditCode: p.creditCode, expiredAt: p.expiredAt },
  }),
};

/** The webhook one event becomes, for the partner whose lead or deal it is. */
export function partnerNotification<T extends NotifiedEvent>(
  event: EventEnvelope<T>,
): PartnerNotification {
  const tell = TOLD[event.type] as (payload: EventPayload<T>) => Told;
  const { partnerId, data } = tell(event.payload);
  return {
    partnerId,
    type: NOTIFIED_EVENTS[event.type],
    data: { ...data, occurredAt: event.occurredAt },
  };
}
