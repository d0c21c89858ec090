import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { authorize, hasRole, type Caller } from '@gap/auth';
import { COORDINATION_PERMISSIONS, type RequestCommand } from '@gap/coordination/domain';
import { DomainError, type FieldViolation } from '@gap/errors';
import { selectFields, tmfField } from '@gap/rest';
import { RequestCommandsService } from '../requests/request-commands.service.js';
import type { StoredRequest } from '../requests/request.repository.js';
import { RequestViewers } from '../requests/request-viewer.js';
import { SlaContextReader } from '../requests/sla-context.js';
import { SubmitRequestService } from '../requests/submit-request.service.js';
import type {
  TroubleTicketCreateBody,
  TroubleTicketPatchBody,
} from './dto/trouble-ticket.input.js';
import { TicketErrors } from './trouble-ticket.errors.js';
import {
  commandForStatus,
  priorityOfTicket,
  statusHistory,
  statusOf,
  TICKET_REQUEST_TYPES,
  TICKET_TYPES,
  type TmfStatus,
} from './trouble-ticket.mapping.js';
import { parseFields, parseListQuery } from './trouble-ticket.query.js';
import { TroubleTicketRepository, type TicketViewer } from './trouble-ticket.repository.js';
import { toTroubleTicket } from './trouble-ticket.resource.js';
import type { TroubleTicketListQuery } from './dto/trouble-ticket.input.js';

export type TroubleTicket = Record<string, unknown>;

/** The group account a new ticket is for: the `customer` party's id. */
function customerOf(body: TroubleTicketCreateBody, problems: FieldViolation[]): string {
  const customer = (body.relatedParty ?? []).find((p) => p['role'] === 'customer');
  const party = customer?.['partyOrPartyRole'] as Record<string, unknown> | undefined;
  const id = party?.['id'];
  if (typeof id !== 'string' || !isUUID(id)) {
    problems.push(
      tmfField(
        'relatedParty',
        'CUSTOMER_REQUIRED',
        '须有角色为 customer 的相关方，其 partyOrPartyRole.id 为集团客户编号（UUID）。',
        'A related party with role customer whose partyOrPartyRole.id is the group account (a UUID) is required.',
      ),
    );
    return '';
  }
  return id;
}

function characteristic(body: TroubleTicketCreateBody, name: string): string | null {
  const found = (body.troubleTicketCharacteristic ?? []).find((c) => c['name'] === name);
  return typeof found?.['value'] === 'string' ? found['value'] : null;
}

/**
 * The TMF621 Trouble Ticket facade over the coordination requests of type COMPLAINT and
 * BID_SUPPORT: the same use cases, the same visibility, the same refusals as the graph and the
 * workflow API, each read and change authorized under its own TMF operation first.
 */
@Injectable()
export class TroubleTicketService {
  constructor(
    private readonly tickets: TroubleTicketRepository,
    private readonly viewers: RequestViewers,
    private readonly sla: SlaContextReader,
    private readonly submitting: SubmitRequestService,
    private readonly commands: RequestCommandsService,
  ) {}

  async viewerOf(caller: Caller): Promise<TicketViewer> {
    return { ...(await this.viewers.of(caller)), partner: hasRole(caller, 'PARTNER') };
  }

  async list(
    caller: Caller,
    query: TroubleTicketListQuery,
    now: Date = new Date(),
  ): Promise<{ total: number; items: Partial<TroubleTicket>[] }> {
    authorize(COORDINATION_PERMISSIONS, 'rest.listTroubleTicket', caller);
    const request = parseListQuery(query);
    const viewer = await this.viewerOf(caller);
    const page = await this.tickets.page(
      viewer,
      request.filter,
      request.sort,
      request.offset,
      request.limit,
    );
    const items = await this.render(page.rows, now);
    return { total: page.total, items: items.map((t) => selectFields(t, request.fields)) };
  }

  async get(
    caller: Caller,
    id: string,
    fields?: string,
    now: Date = new Date(),
  ): Promise<Partial<TroubleTicket>> {
    authorize(COORDINATION_PERMISSIONS, 'rest.retrieveTroubleTicket', caller);
    const problems: FieldViolation[] = [];
    const selected = parseFields(fields, problems);
    if (problems.length > 0) throw DomainError.invalidInput(problems);
    const [ticket] = await this.render([await this.visible(caller, id)], now);
    if (!ticket) throw TicketErrors.notFound(id);
    return selectFields(ticket, selected);
  }

  /**
   * Raises a request: `ticketType` gives its type, `priority` (else `severity`) its priority,
   * `name` its title (else the description's first line), the `customer` party its account,
   * the `complaintCategory` characteristic a complaint's category (OTHER when left out).
   */
  async create(caller: Caller, body: TroubleTicketCreateBody): Promise<string> {
    authorize(COORDINATION_PERMISSIONS, 'rest.createTroubleTicket', caller);
    const problems: FieldViolation[] = [];
    const groupAccountId = customerOf(body, problems);
    if (problems.length > 0) throw DomainError.invalidInput(problems);
    const type = TICKET_TYPES[body.ticketType] ?? body.ticketType;
    const title = (body.name ?? body.description.split('\n')[0] ?? '').trim().slice(0, 200);
    return this.submitting.submit(
      caller,
      {
        groupAccountId,
        type,
        priority: priorityOfTicket(body.severity, body.priority),
        title,
        description: body.description,
        complaintCategory:
          type === 'COMPLAINT' ? (characteristic(body, 'complaintCategory') ?? 'OTHER') : null,
      },
      'rest.createTroubleTicket',
    );
  }

  /** A merge patch of `status` (and `statusChangeReason`): the request's matching transition. */
  async patch(caller: Caller, id: string, body: TroubleTicketPatchBody): Promise<void> {
    authorize(COORDINATION_PERMISSIONS, 'rest.patchTroubleTicket', caller);
    const stored = await this.visible(caller, id);
    if (!body.status) return;
    const target = body.status as TmfStatus;
    const plan = commandForStatus(stored.body.request, target, body.statusChangeReason ?? '');
    if (plan.kind === 'UNCHANGED') return;
    if (plan.kind === 'UNSUPPORTED') {
      throw TicketErrors.statusUnsupported(statusOf(stored.body.request), target);
    }
    await this.run(caller, id, plan.command);
  }

  private async run(caller: Caller, id: string, command: RequestCommand): Promise<void> {
    const c = this.commands;
    switch (command.kind) {
      case 'WAIT_FOR_CUSTOMER':
        await c.waitForCustomer(caller, { id });
        return;
      case 'CUSTOMER_RESPONDED':
        await c.customerResponded(caller, { id });
        return;
      case 'RESOLVE':
        await c.resolve(caller, { id });
        return;
      case 'CLOSE':
        await c.close(caller, { id });
        return;
      case 'REOPEN':
        await c.reopen(caller, { id, reason: command.reason });
        return;
      case 'REJECT':
        await c.reject(caller, { id, reason: command.reason });
        return;
      case 'CANCEL':
        await c.cancel(caller, { id, reason: command.reason });
        return;
      case 'TRIAGE':
      case 'ASSIGN_DEPARTMENTS':
      case 'TASK':
      case 'CONFIRM':
      case 'RECORD_CALLBACK':
        throw new Error(`No status of a ticket maps to ${command.kind}.`);
    }
  }

  private async visible(caller: Caller, id: string): Promise<StoredRequest> {
    const stored = isUUID(id)
      ? await this.tickets.byId(await this.viewerOf(caller), id, TICKET_REQUEST_TYPES)
      : null;
    if (!stored) throw TicketErrors.notFound(id);
    return stored;
  }

  /** The requests as tickets, with their status histories read in one query. */
  async render(rows: readonly StoredRequest[], now: Date): Promise<TroubleTicket[]> {
    const calendar = await this.sla.calendar();
    const versions = await this.tickets.versions(rows.map((r) => r.id));
    return rows.map((row) =>
      toTroubleTicket(
        row,
        statusHistory(
          versions.filter((v) => v.requestId === row.id).map((v) => ({ at: v.at, ticket: v })),
        ),
        now,
        calendar,
      ),
    );
  }
}
