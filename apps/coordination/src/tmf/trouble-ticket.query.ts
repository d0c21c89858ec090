import type { FieldViolation } from '@gap/errors';
import { DomainError } from '@gap/errors';
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
import { TicketErrors } from './trouble-ticket.errors.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const SORTS: readonly TicketSort[] = ['creationDate', '-creationDate', 'lastUpdate', '-lastUpdate'];

export interface TicketListRequest {
  readonly filter: TicketFilter;
  readonly fields: string[] | null;
  readonly sort: TicketSort;
  readonly offset: number;
  readonly limit: number;
}

const list = (value: string | undefined) =>
  value === undefined
    ? null
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');

function oneOf<T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
  problems: FieldViolation[],
): T[] | null {
  const values = list(value);
  if (!values) return null;
  const wrong = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (wrong !== undefined) {
    problems.push(
      TicketErrors.field(
        field,
        'NOT_ONE_OF',
        `${field} 不接受 ${wrong}，可选：${allowed.join('、')}。`,
        `${field} does not take ${wrong}; one of ${allowed.join(', ')}.`,
      ),
    );
  }
  return values as T[];
}

/** `fields=` checked against the TroubleTicket's first-level attributes. */
export function parseFields(value: string | undefined, problems: FieldViolation[]) {
  return oneOf('fields', value, TICKET_ATTRIBUTES, problems);
}

function integer(
  field: string,
  value: string | undefined,
  min: number,
  max: number,
  problems: FieldViolation[],
) {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    problems.push(
      TicketErrors.field(
        field,
        'OUT_OF_RANGE',
        `${field} 须为 ${min} 到 ${max} 的整数。`,
        `${field} must be a whole number from ${min} to ${max}.`,
      ),
    );
  }
  return n;
}

function instant(
  field: string,
  value: string | undefined,
  inclusive: boolean,
  problems: FieldViolation[],
) {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    problems.push(
      TicketErrors.field(
        field,
        'NOT_A_DATE_TIME',
        `${field} 不是 ISO 8601 时间。`,
        `${field} is not an ISO 8601 date-time.`,
      ),
    );
  }
  return { at, inclusive };
}

/** A GET /troubleTicket query as the repository takes it; every wrong parameter named. */
export function parseListQuery(q: TroubleTicketListQuery): TicketListRequest {
  const problems: FieldViolation[] = [];
  const fields = parseFields(q.fields, problems);
  const offset = integer('offset', q.offset, 0, 1_000_000, problems) ?? 0;
  const limit = integer('limit', q.limit, 1, MAX_LIMIT, problems) ?? DEFAULT_LIMIT;
  const [sort] = oneOf('sort', q.sort, SORTS, problems) ?? ['-creationDate'];
  const statuses = oneOf('status', q.status, TMF_STATUSES, problems);
  const severities = oneOf('severity', q.severity, SEVERITIES, problems);
  const tmfPriorities = oneOf('priority', q.priority, TMF_PRIORITIES, problems);
  const ticketTypes = oneOf('ticketType', q.ticketType, Object.keys(TICKET_TYPES), problems);
  const date = (key: keyof TroubleTicketListQuery, inclusive: boolean) =>
    instant(key, q[key], inclusive, problems);
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
