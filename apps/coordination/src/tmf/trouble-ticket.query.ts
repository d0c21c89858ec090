import type { FieldViolation } from '@gap/errors';
import { DomainError } from '@gap/errors';
import { tmfFields, tmfInstant, tmfPage, tmfValues } from '@gap/rest';
import type { TroubleTicketListQuery } from './dto/trouble-ticket.input.js';
import type { TicketFilter, TicketSort } from './trouble-ticket.repository.js';
import { TICKET_ATTRIBUTES } from './trouble-ticket.resource.js';
import {
  prioritiesOfSeverity,
  PRIORITY_OF_TMF,
  SEVERITIES,
  statesOf,
  TICKET_REQUEST_TYPES,
  TICKET_TYPES,
  TMF_PRIORITIES,
  TMF_STATUSES,
  type TmfStatus,
} from './trouble-ticket.mapping.js';

const SORTS: readonly TicketSort[] = ['creationDate', '-creationDate', 'lastUpdate', '-lastUpdate'];

export interface TicketListRequest {
  readonly filter: TicketFilter;
  readonly fields: string[] | null;
  readonly sort: TicketSort;
  readonly offset: number;
  readonly limit: number;
}

/** `fields=` checked against the TroubleTicket's first-level attributes. */
export const parseFields = (value: string | undefined, problems: FieldViolation[]) =>
  tmfFields(value, TICKET_ATTRIBUTES, problems);

/** A GET /troubleTicket query as the repository takes it; every wrong parameter named. */
export function parseListQuery(q: TroubleTicketListQuery): TicketListRequest {
  const problems: FieldViolation[] = [];
  const fields = parseFields(q.fields, problems);
  const { offset, limit } = tmfPage(q, problems);
  const [sort] = tmfValues('sort', q.sort, SORTS, problems) ?? ['-creationDate'];
  const statuses = tmfValues('status', q.status, TMF_STATUSES, problems);
  const severities = tmfValues('severity', q.severity, SEVERITIES, problems);
  const tmfPriorities = tmfValues('priority', q.priority, TMF_PRIORITIES, problems);
  const ticketTypes = tmfValues('ticketType', q.ticketType, Object.keys(TICKET_TYPES), problems);
  const date = (key: keyof TroubleTicketListQuery, inclusive: boolean) =>
    tmfInstant(key, q[key], inclusive, problems);
  const filter: TicketFilter = {
    types: ticketTypes ? ticketTypes.map((t) => TICKET_TYPES[t] ?? t) : TICKET_REQUEST_TYPES,
    ...(statuses ? { statuses: statuses.map((s: TmfStatus) => statesOf(s)) } : {}),
    ...priorityFilter(severities, tmfPriorities),
    createdFrom: date('creationDate.gte', true) ?? date('creationDate.gt', false),
    createdTo: date('creationDate.lte', true) ?? date('creationDate.lt', false),
    updatedFrom: date('lastUpdate.gte', true) ?? date('lastUpdate.gt', false),
    updatedTo: date('lastUpdate.lte', true) ?? date('lastUpdate.lt', false),
  };
  if (problems.length > 0) throw DomainError.invalidInput(problems);
  return { filter, fields, sort: sort ?? '-creationDate', offset, limit };
}

/** Severity and priority both narrow the request's priority (P1…P4). */
function priorityFilter(severities: string[] | null, priorities: string[] | null) {
  if (!severities && !priorities) return {};
  const bySeverity = severities ? severities.flatMap(prioritiesOfSeverity) : null;
  const byPriority = priorities ? priorities.map((p) => PRIORITY_OF_TMF[p] ?? p) : null;
  const chosen =
    bySeverity && byPriority
      ? bySeverity.filter((p) => byPriority.includes(p))
      : (bySeverity ?? byPriority ?? []);
  return { priorities: chosen };
}
