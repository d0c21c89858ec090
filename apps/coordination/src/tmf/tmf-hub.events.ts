/** The TMF621 events the hub sends, named as the published document names them. */
export const HUB_EVENT_TYPES = [
  'TroubleTicketCreateEvent',
  'TroubleTicketStatusChangeEvent',
  'TroubleTicketResolvedEvent',
] as const;
export type HubEventType = (typeof HUB_EVENT_TYPES)[number];
