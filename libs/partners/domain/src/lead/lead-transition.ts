import { isReasonLongEnough, reason, type Figures } from '@gap/i18n';
import {
  CLOSED_LEAD_STATES,
  LOST_REASONS,
  type Lead,
  type LeadActor,
  type LeadCommand,
  type LeadCommandKind,
  type LeadEventName,
  type LeadRefusal,
  type LeadRefusalCode,
  type LeadState,
  type LeadTransition,
} from './lead-model.js';

/** The states each command may run in. */
export const LEAD_COMMAND_STATES: Readonly<Record<LeadCommandKind, readonly LeadState[]>> = {
  QUALIFY: ['RECEIVED'],
  MARK_DUPLICATE: ['RECEIVED'],
  RAISE_CONFLICT: ['RECEIVED', 'QUALIFIED'],
  OVERRULE_DUPLICATE: ['DUPLICATE'],
  ASSIGN: ['QUALIFIED', 'IN_CONFLICT', 'ASSIGNED'],
  RECORD_CONTACT: ['ASSIGNED'],
  CONVERT: ['CONTACTED'],
  LOSE: ['QUALIFIED', 'IN_CONFLICT', 'ASSIGNED', 'CONTACTED'],
  WITHDRAW: ['RECEIVED', 'QUALIFIED', 'IN_CONFLICT', 'ASSIGNED', 'CONTACTED'],
};

type Who = 'ROUTING' | 'COORDINATOR' | 'ASSIGNEE' | 'ASSIGNEE_OR_ROUTING' | 'OWN_PARTNER';

/**
 * Who may give each command. Intake and coordinators route (qualify, mark, raise conflicts,
 * assign; supervisors assign too); only a coordinator overrules a duplicate; the assigned
 * manager (or a supervisor over them) works the lead; a lead is lost by whoever holds it,
 * and withdrawn only by its own partner.
 */
export const LEAD_COMMAND_ACTORS: Readonly<Record<LeadCommandKind, Who>> = {
  QUALIFY: 'ROUTING',
  MARK_DUPLICATE: 'ROUTING',
  RAISE_CONFLICT: 'ROUTING',
  OVERRULE_DUPLICATE: 'COORDINATOR',
  ASSIGN: 'ROUTING',
  RECORD_CONTACT: 'ASSIGNEE',
  CONVERT: 'ASSIGNEE',
  LOSE: 'ASSIGNEE_OR_ROUTING',
  WITHDRAW: 'OWN_PARTNER',
};

const EVENTS: Readonly<Record<LeadCommandKind, LeadEventName>> = {
  QUALIFY: 'LeadQualified',
  MARK_DUPLICATE: 'LeadDuplicate',
  RAISE_CONFLICT: 'LeadInConflict',
  OVERRULE_DUPLICATE: 'LeadQualified',
  ASSIGN: 'LeadAssigned',
  RECORD_CONTACT: 'LeadContacted',
  CONVERT: 'LeadConverted',
  LOSE: 'LeadLost',
  WITHDRAW: 'LeadLost',
};

function refusal(
  code: LeadRefusalCode,
  lead: Lead,
  command: LeadCommand,
  figures: Figures = {},
): LeadRefusal {
  return reason(code, { leadId: lead.id, state: lead.state, command: command.kind, ...figures });
}

function isRouting(actor: LeadActor, command: LeadCommand): boolean {
  if (actor.role === 'SYSTEM' || actor.role === 'COORDINATOR') return true;
  return command.kind === 'ASSIGN' && actor.role === 'SUPERVISOR';
}

function isAssignee(actor: LeadActor, lead: Lead): boolean {
  return actor.role === 'SUPERVISOR' || (actor.role === 'MANAGER' && actor.id === lead.managerId);
}

function actorRefusal(lead: Lead, command: LeadCommand, actor: LeadActor): LeadRefusal | null {
  switch (LEAD_COMMAND_ACTORS[command.kind]) {
    case 'ROUTING':
      return isRouting(actor, command) ? null : refusal('LEAD_ROUTING_ONLY', lead, command);
    case 'COORDINATOR':
      return actor.role === 'COORDINATOR' ? null : refusal('LEAD_COORDINATOR_ONLY', lead, command);
    case 'ASSIGNEE':
      return isAssignee(actor, lead) ? null : refusal('LEAD_NOT_YOURS', lead, command);
    case 'OWN_PARTNER':
      return actor.role === 'PARTNER' && actor.id === lead.partnerId
        ? null
        : refusal('LEAD_PARTNER_ONLY', lead, command);
    case 'ASSIGNEE_OR_ROUTING': {
      // Before assignment nobody works the lead: only routing may close it.
      const mayWork = lead.managerId !== null && isAssignee(actor, lead);
      return mayWork || isRouting(actor, command) ? null : refusal('LEAD_NOT_YOURS', lead, command);
    }
  }
}

function stateRefusal(lead: Lead, command: LeadCommand): LeadRefusal | null {
  if (LEAD_COMMAND_STATES[command.kind].includes(lead.state)) return null;
  if (CLOSED_LEAD_STATES.includes(lead.state)) return refusal('LEAD_CLOSED', lead, command);
  if (command.kind === 'CONVERT' && lead.state === 'ASSIGNED') {
    return refusal('LEAD_NOT_CONTACTED', lead, command);
  }
  return refusal('LEAD_WRONG_STATE', lead, command, {
    allowed: LEAD_COMMAND_STATES[command.kind].join(', '),
  });
}

/** Closes or moves the lead; pure: the actor and the time come in. */
function apply(
  lead: Lead,
  command: LeadCommand,
  now: Date,
): { lead: Lead } | { refusal: LeadRefusal } {
  const fail = (code: LeadRefusalCode, figures: Figures = {}) => ({
    refusal: refusal(code, lead, command, figures),
  });
  switch (command.kind) {
    case 'QUALIFY':
      return { lead: { ...lead, state: 'QUALIFIED', accountId: command.accountId } };
    case 'MARK_DUPLICATE':
      if (command.duplicateOf.id.trim() === '')
        return fail('LEAD_ID_REQUIRED', { field: 'duplicateOf' });
      return { lead: { ...lead, state: 'DUPLICATE', duplicateOf: command.duplicateOf } };
    case 'RAISE_CONFLICT':
      return { lead: { ...lead, state: 'IN_CONFLICT', conflict: command.conflict } };
    case 'OVERRULE_DUPLICATE':
      return { lead: { ...lead, state: 'QUALIFIED', duplicateOf: null } };
    case 'ASSIGN': {
      if (command.managerId.trim() === '') return fail('LEAD_ID_REQUIRED', { field: 'managerId' });
      if (command.accountId.trim() === '') return fail('LEAD_ID_REQUIRED', { field: 'accountId' });
      if (lead.state === 'ASSIGNED' && lead.managerId === command.managerId) {
        return fail('LEAD_ALREADY_ASSIGNED_TO_MANAGER', { managerId: command.managerId });
      }
      if (lead.accountId !== null && lead.accountId !== command.accountId) {
        return fail('LEAD_ACCOUNT_MISMATCH', {
          accountId: lead.accountId,
          given: command.accountId,
        });
      }
      const winner = lead.state === 'IN_CONFLICT' ? lead.conflict?.winner : undefined;
      if (winner?.kind === 'PARTNER') {
        return fail('LEAD_CONFLICT_WON_BY_PARTNER', { partnerId: winner.partnerId });
      }
      return {
        lead: {
          ...lead,
          state: 'ASSIGNED',
          managerId: command.managerId,
          accountId: command.accountId,
          assignedAt: lead.assignedAt ?? now,
        },
      };
    }
    case 'RECORD_CONTACT': {
      const at = command.at.getTime();
      if (lead.assignedAt !== null && at < lead.assignedAt.getTime()) {
        return fail('LEAD_CONTACT_BEFORE_ASSIGNMENT', {
          assignedAt: lead.assignedAt.toISOString(),
        });
      }
      if (at > now.getTime())
        return fail('LEAD_CONTACT_IN_FUTURE', { at: command.at.toISOString() });
      return { lead: { ...lead, state: 'CONTACTED', firstContactAt: command.at } };
    }
    case 'CONVERT':
      return { lead: { ...lead, state: 'CONVERTED', closedAt: now } };
    case 'LOSE': {
      if (!LOST_REASONS.includes(command.reason)) {
        return fail('LEAD_LOST_REASON_UNKNOWN', { reason: String(command.reason) });
      }
      // A conflict is lost to its winner, and only a conflict is lost that way; a withdrawal is
      // the partner's own step.
      const conflictLoss = command.reason === 'CHANNEL_CONFLICT';
      if (
        conflictLoss !== (lead.state === 'IN_CONFLICT') ||
        command.reason === 'WITHDRAWN_BY_PARTNER'
      ) {
        return fail('LEAD_LOST_REASON_NOT_APPLICABLE', { reason: command.reason });
      }
      const note = command.note?.trim() || null;
      if (command.reason === 'OTHER' && !isReasonLongEnough(note)) {
        return fail('LEAD_LOST_NOTE_REQUIRED', { field: 'note' });
      }
      return {
        lead: { ...lead, state: 'LOST', closedAt: now, lostReason: command.reason, lostNote: note },
      };
    }
    case 'WITHDRAW':
      return {
        lead: {
          ...lead,
          state: 'LOST',
          closedAt: now,
          lostReason: 'WITHDRAWN_BY_PARTNER',
          lostNote: null,
        },
      };
  }
}

/**
 * The lead after `command`, with the event to publish; or the refusal, coded with the lead,
 * its state and the command, and nothing changed.
 */
export function transitionLead(
  lead: Lead,
  command: LeadCommand,
  actor: LeadActor,
  now: Date,
): LeadTransition {
  const refused = actorRefusal(lead, command, actor) ?? stateRefusal(lead, command);
  if (refused) return { ok: false, refusal: refused };
  const result = apply(lead, command, now);
  if ('refusal' in result) return { ok: false, refusal: result.refusal };
  return { ok: true, lead: result.lead, event: EVENTS[command.kind] };
}
