import type { Priority, RequestCommand, RequestState, RequestType } from '@gap/coordination/domain';

/**
 * How a coordination request reads as a TM Forum TMF621 v5 TroubleTicket and back. Pure: the
 * facade's controller and the hub's events both go through it, and it is tested on its own.
 */

/** TMF621 v5 `TroubleTicketStatusType`, as the published document lists it. */
export const TMF_STATUSES = [
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'cancelled',
  'closed',
  'resolved',
] as const;
export type TmfStatus = (typeof TMF_STATUSES)[number];

/** The request types the facade serves: complaints and bid/technical support (投标支撑). */
export const TICKET_TYPES: Readonly<Record<string, RequestType>> = {
  complaint: 'COMPLAINT',
  technicalSupport: 'BID_SUPPORT',
};
export const TICKET_REQUEST_TYPES: readonly RequestType[] = Object.values(TICKET_TYPES);

export function ticketTypeOf(type: RequestType): string {
  return Object.keys(TICKET_TYPES).find((key) => TICKET_TYPES[key] === type) ?? type;
}

/** TMF severities (the document's own examples) and priorities, against P1…P4. */
export const SEVERITIES = ['Critical', 'Major', 'Minor'] as const;
export const TMF_PRIORITIES = ['Critical', 'High', 'Medium', 'Low'] as const;
export const PRIORITY_OF_TMF: Readonly<Record<string, Priority>> = {
  Critical: 'P1',
  High: 'P2',
  Medium: 'P3',
  Low: 'P4',
};
const PRIORITY_OF_SEVERITY: Readonly<Record<string, Priority>> = {
  Critical: 'P1',
  Major: 'P2',
  Minor: 'P3',
};

export function tmfPriorityOf(priority: Priority): string {
  return Object.keys(PRIORITY_OF_TMF).find((k) => PRIORITY_OF_TMF[k] === priority) ?? 'Low';
}

/** Severity follows priority as the complaint rules set it (P1 critical, P2 major, else minor). */
export function severityOf(priority: Priority): string {
  return priority === 'P1' ? 'Critical' : priority === 'P2' ? 'Major' : 'Minor';
}

export function prioritiesOfSeverity(severity: string): Priority[] {
  return severity === 'Critical' ? ['P1'] : severity === 'Major' ? ['P2'] : ['P3', 'P4'];
}

/** A new ticket's priority: the `priority` given, else the one its severity implies. */
export function priorityOfTicket(severity: string, priority?: string | null): Priority {
  return (
    (priority ? PRIORITY_OF_TMF[priority] : undefined) ?? PRIORITY_OF_SEVERITY[severity] ?? 'P3'
  );
}

/** What the TMF status is made of: the request's state and whether it waits for the customer. */
export interface TicketState {
  readonly state: RequestState;
  readonly waitingForCustomer: boolean;
}

/**
 * SUBMITTED is acknowledged; TRIAGED and IN_PROGRESS are in progress; any of the three waiting
 * for the customer is pending; RESOLVED and CONFIRMED (the customer agreed) are resolved;
 * CLOSED, REJECTED and CANCELLED are themselves. `held` has no counterpart: the platform does
 * not park a request on a third party.
 */
export function statusOf(ticket: TicketState): TmfStatus {
  switch (ticket.state) {
    case 'SUBMITTED':
      return ticket.waitingForCustomer ? 'pending' : 'acknowledged';
    case 'TRIAGED':
    case 'IN_PROGRESS':
      return ticket.waitingForCustomer ? 'pending' : 'inProgress';
    case 'RESOLVED':
    case 'CONFIRMED':
      return 'resolved';
    case 'CLOSED':
      return 'closed';
    case 'REJECTED':
      return 'rejected';
    case 'CANCELLED':
      return 'cancelled';
  }
}

/** The (state, waiting) pairs a TMF status stands for: what a `status=` filter selects. */
export function statesOf(status: TmfStatus): { states: RequestState[]; waiting: boolean | null } {
  switch (status) {
    case 'acknowledged':
      return { states: ['SUBMITTED'], waiting: false };
    case 'inProgress':
      return { states: ['TRIAGED', 'IN_PROGRESS'], waiting: false };
    case 'pending':
      return { states: ['SUBMITTED', 'TRIAGED', 'IN_PROGRESS'], waiting: true };
    case 'held':
      return { states: [], waiting: null };
    case 'resolved':
      return { states: ['RESOLVED', 'CONFIRMED'], waiting: null };
    case 'closed':
      return { states: ['CLOSED'], waiting: null };
    case 'rejected':
      return { states: ['REJECTED'], waiting: null };
    case 'cancelled':
      return { states: ['CANCELLED'], waiting: null };
  }
}

export type StatusChangePlan =
  | { readonly kind: 'UNCHANGED' }
  | { readonly kind: 'COMMAND'; readonly command: RequestCommand }
  | { readonly kind: 'UNSUPPORTED'; readonly code: 'TROUBLE_TICKET_STATUS_UNSUPPORTED' };

/**
 * The domain command a PATCH of `status` asks for. The domain's state machine still decides:
 * a command it refuses (wrong state, not your role, a complaint without its callback) comes
 * back as its own coded refusal. A target with no command (back to acknowledged, held, in
 * progress before the coordination team has routed it) is unsupported.
 */
export function commandForStatus(
  current: TicketState,
  target: TmfStatus,
  reason: string,
): StatusChangePlan {
  const from = statusOf(current);
  if (from === target) return { kind: 'UNCHANGED' };
  const command = (c: RequestCommand): StatusChangePlan => ({ kind: 'COMMAND', command: c });
  switch (target) {
    case 'pending':
      return command({ kind: 'WAIT_FOR_CUSTOMER' });
    case 'acknowledged':
      return from === 'pending' && current.state === 'SUBMITTED'
        ? command({ kind: 'CUSTOMER_RESPONDED' })
        : { kind: 'UNSUPPORTED', code: 'TROUBLE_TICKET_STATUS_UNSUPPORTED' };
    case 'inProgress':
      if (from === 'pending' && current.state !== 'SUBMITTED') {
        return command({ kind: 'CUSTOMER_RESPONDED' });
      }
      if (from === 'resolved' || from === 'closed') return command({ kind: 'REOPEN', reason });
      return { kind: 'UNSUPPORTED', code: 'TROUBLE_TICKET_STATUS_UNSUPPORTED' };
    case 'resolved':
      return command({ kind: 'RESOLVE' });
    case 'closed':
      return command({ kind: 'CLOSE' });
    case 'rejected':
      return command({ kind: 'REJECT', reason });
    case 'cancelled':
      return command({ kind: 'CANCEL', reason });
    case 'held':
      return { kind: 'UNSUPPORTED', code: 'TROUBLE_TICKET_STATUS_UNSUPPORTED' };
  }
}

/** One entry of `statusChangeHistory`, from two consecutive versions of the request. */
export interface StatusChange {
  readonly status: TmfStatus;
  readonly statusChangeDate: Date;
}

/**
 * The status history from the audit trail (oldest first): an entry wherever the TMF status
 * differs from the one before, the first one at submission.
 */
export function statusHistory(
  versions: readonly { readonly at: Date; readonly ticket: TicketState }[],
): StatusChange[] {
  const history: StatusChange[] = [];
  for (const version of versions) {
    const status = statusOf(version.ticket);
    if (history.at(-1)?.status !== status) {
      history.push({ status, statusChangeDate: version.at });
    }
  }
  return history;
}
