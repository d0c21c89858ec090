import { Injectable } from '@nestjs/common';
import { authorize, hasRole, type Caller } from '@gap/auth';
import {
  DEFAULT_PARTNERS_POLICY,
  PARTNERS_PERMISSIONS,
  type LeadActor,
  type PartnersOperation,
  type PartnersPolicy,
  type PartnerScope,
} from '@gap/partners/domain';
import { LeadErrors } from './lead.errors.js';
import type { LeadRecord } from './lead.model.js';
import type { LeadReach } from './lead.repository.js';

/** The partners' business choices in force (thresholds, windows, first-contact hours). */
@Injectable()
export class LeadsPolicy {
  current(): PartnersPolicy {
    return DEFAULT_PARTNERS_POLICY;
  }
}

/**
 * The partner a PARTNER caller acts for, if its token grants `scope`; a coded FORBIDDEN
 * otherwise (staff reach leads through the graph, not the integration API).
 */
export function partnerOf(caller: Caller, scope: PartnerScope): string {
  if (!hasRole(caller, 'PARTNER') || !caller.partnerId) throw LeadErrors.notAPartner();
  if (!caller.scopes?.includes(scope)) throw LeadErrors.scopeMissing(scope);
  return caller.partnerId;
}

/** Who the caller is to the state machine: the widest role they hold for the operation. */
function actorOf(caller: Caller): LeadActor {
  const role = hasRole(caller, 'COORDINATOR')
    ? 'COORDINATOR'
    : hasRole(caller, 'SUPERVISOR')
      ? 'SUPERVISOR'
      : 'MANAGER';
  return { id: caller.subject, role };
}

/**
 * The operator's people: how far the operation reaches for the caller (a manager the leads
 * assigned to them, a supervisor also those they routed to their team, the coordination team
 * and admins all), and who they are to the state machine.
 */
export function staffAccess(
  caller: Caller,
  operation: PartnersOperation,
): { reach: LeadReach; actor: LeadActor } {
  const scope = authorize(PARTNERS_PERMISSIONS, operation, caller);
  const actor = actorOf(caller);
  switch (scope) {
    case 'ALL':
    case 'REGION':
      return { reach: { kind: 'ALL' }, actor };
    case 'OWN_TEAM':
      return { reach: { kind: 'TEAM', subject: caller.subject }, actor };
    case 'OWN_PORTFOLIO':
      return { reach: { kind: 'MANAGER', subject: caller.subject }, actor };
  }
}

export function isWithinReach(reach: LeadReach, lead: LeadRecord): boolean {
  switch (reach.kind) {
    case 'ALL':
      return true;
    case 'PARTNER':
      return lead.partnerId === reach.partnerId;
    case 'MANAGER':
      return lead.managerId === reach.subject;
    case 'TEAM':
      return lead.managerId === reach.subject || lead.supervisorId === reach.subject;
  }
}
