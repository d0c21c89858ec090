import { createHash } from 'node:crypto';

/** The TMF621 events the hub sends, named as the published document names them. */
export const HUB_EVENT_TYPES = [
  'TroubleTicketCreateEvent',
  'TroubleTicketStatusChangeEvent',
  'TroubleTicketResolvedEvent',
] as const;
export type HubEventType = (typeof HUB_EVENT_TYPES)[number];

/**
 * Whether a listener's `query` lets an event through: `eventType=A,B` names the events it
 * wants; no query wants every event.
 */
export function hubWants(query: string | null, eventType: HubEventType): boolean {
  if (!query) return true;
  const wanted = new URLSearchParams(query).get('eventType');
  return wanted === null || wanted.split(',').some((name) => name.trim() === eventType);
}

/** The query's problems: only `eventType`, naming known events, is understood. */
export function hubQueryProblem(query: string): string | null {
  const params = new URLSearchParams(query);
  for (const [key, value] of params) {
    if (key !== 'eventType') return `unknown parameter ${key}`;
    const unknown = value
      .split(',')
      .find((v) => !(HUB_EVENT_TYPES as readonly string[]).includes(v.trim()));
    if (unknown !== undefined) return `unknown event ${unknown}`;
  }
  return null;
}

/** A TMF Event (TMF621 v5 `Event`) carrying the ticket as it is now. */
export function hubEvent(
  eventType: HubEventType,
  source: { id: string; occurredAt: string; correlationId: string },
  troubleTicket: Record<string, unknown>,
): Record<string, unknown> {
  return {
    '@type': eventType,
    '@baseType': 'Event',
    eventId: eventIdOf(source.id, eventType),
    eventType,
    eventTime: new Date().toISOString(),
    timeOccurred: source.occurredAt,
    correlationId: source.correlationId,
    domain: 'coordination',
    title: eventType,
    event: { troubleTicket },
  };
}

/** A UUID (version 5 layout) from text: the same event for the same listener is one job. */
export function uuidOf(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

function eventIdOf(sourceEventId: string, eventType: HubEventType): string {
  return uuidOf(`${sourceEventId}|${eventType}`);
}
