import { Injectable } from '@nestjs/common';
import { firstContactDueAt, judgeChannelConflict, type Lead } from '@gap/partners/domain';
import { LeadsPolicy } from './lead-access.js';
import { LeadCandidatesRepository } from './lead-candidates.repository.js';
import type { LeadRecord, StoredCandidate, StoredConflict } from './lead.model.js';
import { LeadRepository, type Tx } from './lead.repository.js';
import type { LeadSteps } from './lead-steps.js';

/** What routing decided beyond the domain's lead: kept with the stored lead. */
export interface Routed {
  readonly prospectRequested: boolean;
  readonly conflict: StoredConflict | null;
  readonly dueAt: Date | null;
}

/**
 * Where a received lead goes once it is known what company it is: a new company is qualified
 * and a PROSPECT account asked for; the same company as an account or another partner's lead
 * is judged for channel conflict (an account's manager wins it to work it); a partner's second
 * lead for a company it already brought is its duplicate.
 */
@Injectable()
export class LeadRouting {
  constructor(
    private readonly leads: LeadRepository,
    private readonly candidates: LeadCandidatesRepository,
    private readonly policy: LeadsPolicy,
  ) {}

  async route(
    tx: Tx,
    record: LeadRecord,
    run: LeadSteps,
    chosen: StoredCandidate | null,
  ): Promise<Routed> {
    if (chosen === null) {
      run.apply({ kind: 'QUALIFY', accountId: null });
      return { prospectRequested: true, conflict: null, dueAt: null };
    }
    let accountId: string | null = chosen.kind === 'ACCOUNT' ? chosen.id : null;
    let prospectRequested = false;
    if (chosen.kind === 'LEAD') {
      const other = await this.leads.find(chosen.id, tx);
      if (other === null || other.partnerId === record.partnerId) {
        run.apply({ kind: 'MARK_DUPLICATE', duplicateOf: { kind: 'LEAD', id: chosen.id } });
        return { prospectRequested: false, conflict: null, dueAt: null };
      }
      accountId = other.accountId;
    }
    const conflict = await this.judge(tx, record, accountId, chosen, run.now);
    if (conflict === null) {
      run.apply({ kind: 'QUALIFY', accountId });
      return { prospectRequested, conflict: null, dueAt: this.dueAt(run.lead) };
    }
    if (accountId !== null) run.apply({ kind: 'QUALIFY', accountId });
    run.apply({
      kind: 'RAISE_CONFLICT',
      conflict: { reason: conflict.reason, winner: conflict.winner },
    });
    const winner = conflict.winner;
    if (winner.kind === 'MANAGER' && winner.managerId !== null && accountId !== null) {
      // The account's primary manager works the company: the lead is routed to them.
      run.apply({ kind: 'ASSIGN', managerId: winner.managerId, accountId });
    }
    prospectRequested = false;
    return { prospectRequested, conflict, dueAt: this.dueAt(run.lead) };
  }

  dueAt(lead: Lead): Date | null {
    return firstContactDueAt(lead, this.policy.current());
  }

  private async judge(
    tx: Tx,
    record: LeadRecord,
    accountId: string | null,
    chosen: StoredCandidate,
    now: Date,
  ): Promise<StoredConflict | null> {
    const account = accountId ? await this.candidates.account(tx, accountId) : null;
    const registrations = accountId
      ? await this.candidates.registrations(tx, accountId, record.creditCode)
      : [];
    const otherLeads = await this.candidates.otherOpenLeads(
      tx,
      record.id,
      accountId,
      record.creditCode,
      chosen.kind === 'LEAD' ? chosen.id : null,
    );
    const outcome = judgeChannelConflict(
      {
        partnerId: record.partnerId,
        receivedAt: record.receivedAt,
        account,
        registrations,
        otherLeads,
        now,
      },
      this.policy.current(),
    );
    if (outcome.kind === 'NO_CONFLICT') return null;
    return {
      reason: outcome.reason,
      winner: outcome.winner,
      reasons: outcome.reasons.map((r) => r.code),
    };
  }
}
