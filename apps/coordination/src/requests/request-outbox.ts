import type { EventPayload } from '@gap/contracts';
import type {
  RequestEvent,
  RequestEventPayloads,
  RequestEventType,
} from '@gap/coordination/domain';
import type { PendingEvent } from '@gap/messaging';

/** Each event the domain derives has the shape its shared contract declares; checked here. */
type Unlike = {
  [T in RequestEventType]: RequestEventPayloads[T] extends EventPayload<T> ? never : T;
}[RequestEventType];
const contractsMatch: [Unlike] extends [never] ? true : never = true;
void contractsMatch;

/** The domain's events of one request as outbox rows, keyed by the request's account. */
export function pendingEvents(accountId: string, events: readonly RequestEvent[]): PendingEvent[] {
  return events.map((event) => ({
    type: event.type,
    aggregateId: accountId,
    payload: event.payload,
  }));
}
