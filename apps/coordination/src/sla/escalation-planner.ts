import type { EntityManager } from 'typeorm';
import type { SlaClock } from '@gap/coordination/domain';

/** A request's clocks as its change has just saved them. */
export interface SavedClocks {
  readonly response: SlaClock | null;
  readonly resolution: SlaClock | null;
}

/**
 * The port between a request's changes and the escalation ladder: after every change of a
 * request (submitted, triaged, paused, resumed, resolved, reopened…), inside the same
 * transaction, the request feature asks the ladder to plan its steps again from the request's
 * clocks as they now stand (given by the change, or read). The escalation feature binds it to
 * its durable scheduler.
 */
export abstract class EscalationPlanner {
  abstract replan(manager: EntityManager, requestId: string, clocks?: SavedClocks): Promise<void>;
}

/**
 * Plans the ladder of every open request again: after an admin changes the calendar, which
 * moves due times without any request changing. The escalation feature binds it.
 */
export abstract class OpenRequestsReplanner {
  abstract replanOpenRequests(): Promise<number>;
}
