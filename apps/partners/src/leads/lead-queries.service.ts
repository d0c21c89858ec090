import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { isWithinReach, partnerOf, staffAccess } from './lead-access.js';
import { LeadErrors } from './lead.errors.js';
import type { LeadRecord } from './lead.model.js';
import {
  LeadRepository,
  type LeadListFilter,
  type LeadPosition,
  type LeadReach,
} from './lead.repository.js';

interface PageRequest {
  readonly first: number;
  readonly after?: string | null;
}

function positionOf(cursor: string): LeadPosition {
  const [at, id] = decodeCursor(cursor);
  if (typeof at !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    // A cursor of another list (or edited by hand) would otherwise fail in SQL.
    throw DomainError.invalidInput([
      { field: 'after', reason: 'cursor', message: 'after is not a cursor this API gave out.' },
    ]);
  }
  return [at, id];
}

const cursorOf = (lead: LeadRecord) => [lead.receivedAt.toISOString(), lead.id];

/**
 * Reading leads: a partner its own (through the integration API), the operator's people
 * within their reach (through the graph). A lead out of reach is not found, never forbidden.
 */
@Injectable()
export class LeadQueriesService {
  constructor(private readonly leads: LeadRepository) {}

  async ownLead(caller: Caller, id: string): Promise<LeadRecord> {
    const partnerId = partnerOf(caller, 'leads:read');
    return this.within({ kind: 'PARTNER', partnerId }, id, 'id');
  }

  async ownLeads(
    caller: Caller,
    states: readonly string[] | null,
    page: PageRequest,
  ): Promise<Connection<LeadRecord>> {
    const partnerId = partnerOf(caller, 'leads:read');
    return this.page({ kind: 'PARTNER', partnerId }, { states }, page);
  }

  async byId(caller: Caller, id: string): Promise<LeadRecord> {
    return this.within(staffAccess(caller, 'lead').reach, id, 'id');
  }

  async list(
    caller: Caller,
    filter: LeadListFilter,
    page: PageRequest,
  ): Promise<Connection<LeadRecord>> {
    return this.page(staffAccess(caller, 'leads').reach, filter, page);
  }

  /** One partner's leads within the caller's reach, newest first. */
  async ofPartner(
    caller: Caller,
    partnerId: string,
    page: PageRequest,
  ): Promise<Connection<LeadRecord>> {
    return this.page(staffAccess(caller, 'partnerLeads').reach, { partnerId }, page);
  }

  /** Leads in channel conflict waiting for the coordination team's decision, newest first. */
  async conflicts(caller: Caller, page: PageRequest): Promise<Connection<LeadRecord>> {
    const { reach } = staffAccess(caller, 'leadConflicts');
    return this.page(reach, { states: ['IN_CONFLICT'] }, page);
  }

  /** The leads of one group account within the caller's reach, newest first (100 at most). */
  async ofAccount(caller: Caller, groupAccountId: string): Promise<LeadRecord[]> {
    const { reach } = staffAccess(caller, 'GroupAccount.leads');
    return this.leads.list(reach, { groupAccountId }, 100, null);
  }

  /** Possible duplicates waiting for the coordination team, oldest first. */
  async reviewQueue(caller: Caller, page: PageRequest): Promise<Connection<LeadRecord>> {
    staffAccess(caller, 'leadsReviewQueue');
    const after = page.after ? positionOf(page.after) : null;
    const rows = await this.leads.reviewQueue(page.first + 1, after);
    return toConnection(rows, page.first, cursorOf);
  }

  private async within(reach: LeadReach, id: string, field: string): Promise<LeadRecord> {
    const lead = await this.leads.find(id);
    if (lead === null || !isWithinReach(reach, lead)) throw LeadErrors.notFound(id, field);
    return lead;
  }

  private async page(
    reach: LeadReach,
    filter: LeadListFilter,
    page: PageRequest,
  ): Promise<Connection<LeadRecord>> {
    const after = page.after ? positionOf(page.after) : null;
    const rows = await this.leads.list(reach, filter, page.first + 1, after);
    return toConnection(rows, page.first, cursorOf);
  }
}
