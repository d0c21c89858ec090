import { ACCOUNTS_EVENTS, ACCOUNTS_TOPIC, type AccountsEventMap } from './accounts.events.js';
import { BUNDLES_EVENTS, BUNDLES_TOPIC, type BundlesEventMap } from './bundles.events.js';
import {
  COORDINATION_EVENTS,
  COORDINATION_TOPIC,
  type CoordinationEventMap,
} from './coordination.events.js';
import type { EventDefinitions } from './event-definition.js';
import { MANAGERS_EVENTS, MANAGERS_TOPIC, type ManagersEventMap } from './managers.events.js';
import { PARTNERS_EVENTS, PARTNERS_TOPIC, type PartnersEventMap } from './partners.events.js';
import { TIERING_EVENTS, TIERING_TOPIC, type TieringEventMap } from './tiering.events.js';

export type EventMap = AccountsEventMap &
  TieringEventMap &
  ManagersEventMap &
  CoordinationEventMap &
  BundlesEventMap &
  PartnersEventMap;
export type EventType = keyof EventMap;
export type EventPayload<T extends EventType> = EventMap[T];

export const EVENT_CATALOG: EventDefinitions<EventMap> = {
  ...ACCOUNTS_EVENTS,
  ...TIERING_EVENTS,
  ...MANAGERS_EVENTS,
  ...COORDINATION_EVENTS,
  ...BUNDLES_EVENTS,
  ...PARTNERS_EVENTS,
};

/** Every topic a service produces to, one per producing service. */
export const TOPICS = {
  accounts: ACCOUNTS_TOPIC,
  tiering: TIERING_TOPIC,
  managers: MANAGERS_TOPIC,
  coordination: COORDINATION_TOPIC,
  bundles: BUNDLES_TOPIC,
  partners: PARTNERS_TOPIC,
} as const;
export type ProducingService = keyof typeof TOPICS;

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOG, type);
}
