import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import type { LostReason, PartnersOperation } from '@gap/partners/domain';
import type {
  AssignLeadInput,
  DecideConflictInput,
  LoseLeadInput,
  RecordLeadContactInput,
  ReviewDuplicateInput,
  LeadVersionInput,
} from './dto/lead.input.js';
import { isWithinReach, partnerOf, staffAccess } from './lead-access.js';
import { LeadEffects, type LeadExtras } from './lead.effects.js';
import { LeadErrors } from './lead.errors.js';
import { domainLead, type LeadRecord } from './lead.model.js';
import { LeadRepository, type Tx } from './lead.repository.js';
import { LeadRouting } from './lead-routing.service.js';
import { LeadSteps } from './lead-steps.js';

/**
 * The operator's people working partners' leads: coordinators review possible duplicates and
 * decide conflicts, coordinators and supervisors route, managers contact, convert or lose.
 * Each use case checks the caller's reach, then the version, then lets the state machine
 * decide, and writes the lead, its history and its events in one transaction.
 */
@Injectable()
export class LeadCommandsService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly routing: LeadRouting,
    private readonly effects: LeadEffects,
  ) {}

  /** A possible duplicate confirmed (as the candidate chosen, the best by default) or overruled. */
  reviewDuplicate(caller: Caller, input: ReviewDuplicateInput, now = new Date()) {
    return this.change(caller, 'reviewDuplicate', input, now, async (tx, lead, run) => {
      if (lead.state === 'DUPLICATE' && input.decision === 'OVERRULE') {
        run.apply({ kind: 'OVERRULE_DUPLICATE' });
        return { prospectRequested: run.lead.accountId === null };
      }
      if (!lead.reviewPending) throw LeadErrors.notInReview(lead.id);
      if (input.decision === 'OVERRULE') {
        return { ...(await this.routing.route(tx, lead, run, null)), reviewPending: false };
      }
      const chosen = input.candidateId
        ? lead.candidates.find((c) => c.id === input.candidateId)
        : lead.candidates[0];
      if (chosen === undefined) throw LeadErrors.candidateUnknown(input.candidateId ?? '');
      return { ...(await this.routing.route(tx, lead, run, chosen)), reviewPending: false };
    });
  }

  /**
   * A conflict decided: the lead is lost to its winner, or (when a manager won it) routed to
   * the manager who works the company.
   */
  decideConflict(caller: Caller, input: DecideConflictInput, now = new Date()) {
    return this.change(caller, 'decideConflict', input, now, (_tx, lead, run) => {
      if (lead.state !== 'IN_CONFLICT') throw LeadErrors.notInConflict(lead.id);
      if (input.decision === 'LOSE_TO_WINNER') {
        run.apply({ kind: 'LOSE', reason: 'CHANNEL_CONFLICT', note: input.note ?? null });
        return Promise.resolve({});
      }
      const winner = lead.conflict?.winner;
      const managerId = input.managerId ?? (winner?.kind === 'MANAGER' ? winner.managerId : null);
      if (!managerId) throw LeadErrors.managerRequired();
      run.apply({ kind: 'ASSIGN', managerId, accountId: input.accountId ?? lead.accountId ?? '' });
      return Promise.resolve({ dueAt: this.routing.dueAt(run.lead) });
    });
  }

  assignLead(caller: Caller, input: AssignLeadInput, now = new Date()) {
    return this.change(caller, 'assignLead', input, now, (_tx, lead, run) => {
      run.apply({
        kind: 'ASSIGN',
        managerId: input.managerId,
        accountId: input.accountId ?? lead.accountId ?? '',
      });
      // A supervisor routes within their team: the lead stays within their reach.
      const supervisorId = run.actor.role === 'SUPERVISOR' ? caller.subject : lead.supervisorId;
      return Promise.resolve({ dueAt: this.routing.dueAt(run.lead), supervisorId });
    });
  }

  recordLeadContact(caller: Caller, input: RecordLeadContactInput, now = new Date()) {
    return this.change(caller, 'recordLeadContact', input, now, (_tx, _lead, run) => {
      run.apply({ kind: 'RECORD_CONTACT', at: input.at ?? now });
      return Promise.resolve({});
    });
  }

  convertLead(caller: Caller, input: LeadVersionInput, now = new Date()) {
    return this.change(caller, 'convertLead', input, now, (_tx, _lead, run) => {
      run.apply({ kind: 'CONVERT' });
      return Promise.resolve({});
    });
  }

  loseLead(caller: Caller, input: LoseLeadInput, now = new Date()) {
    return this.change(caller, 'loseLead', input, now, (_tx, _lead, run) => {
      run.apply({ kind: 'LOSE', reason: input.reason as LostReason, note: input.note ?? null });
      return Promise.resolve({});
    });
  }

  /**
   * The lead's own partner takes it back while it is open (TMF632's DELETE of its
   * organization): lost as withdrawn, out of any review queue, the partner told like any loss.
   * Another partner's lead is not found.
   */
  withdrawLead(caller: Caller, leadId: string, now = new Date()): Promise<LeadRecord> {
    const partnerId = partnerOf(caller, 'leads:write');
    return this.leads.transaction(async (tx) => {
      const lead = await this.leads.lock(tx, leadId);
      if (lead === null || lead.partnerId !== partnerId) throw LeadErrors.notFound(leadId);
      const run = new LeadSteps(domainLead(lead), { id: partnerId, role: 'PARTNER' }, now);
      run.apply({ kind: 'WITHDRAW' });
      await this.effects.commit(tx, lead, run, caller.subject, { reviewPending: false });
      const saved = await this.leads.find(lead.id, tx);
      if (saved === null) throw LeadErrors.notFound(lead.id);
      return saved;
    });
  }

  private async change(
    caller: Caller,
    operation: PartnersOperation,
    input: LeadVersionInput,
    now: Date,
    work: (tx: Tx, lead: LeadRecord, run: LeadSteps) => Promise<LeadExtras>,
  ): Promise<LeadRecord> {
    const { reach, actor } = staffAccess(caller, operation);
    // A lead nobody works yet belongs to no team: a supervisor may route it to theirs.
    const unassignedToo = operation === 'assignLead' && reach.kind === 'TEAM';
    return this.leads.transaction(async (tx) => {
      const lead = await this.leads.lock(tx, input.leadId);
      const reached =
        lead !== null && (isWithinReach(reach, lead) || (unassignedToo && lead.managerId === null));
      if (lead === null || !reached) {
        throw LeadErrors.notFound(input.leadId, 'input.leadId');
      }
      if (lead.version !== input.version) {
        throw LeadErrors.staleVersion(lead.id, input.version, lead.version);
      }
      const run = new LeadSteps(domainLead(lead), actor, now);
      const extras = await work(tx, lead, run);
      await this.effects.commit(tx, lead, run, caller.subject, extras);
      const saved = await this.leads.find(lead.id, tx);
      if (saved === null) throw LeadErrors.notFound(lead.id, 'input.leadId');
      return saved;
    });
  }
}
