import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '@gap/messaging';
import type { LeadRecord, StoredConflict } from './lead.model.js';
import { LeadRepository, type Tx } from './lead.repository.js';
import type { LeadStep, LeadSteps } from './lead-steps.js';

/** What a use case decided beyond the domain's lead, kept with the stored lead. */
export interface LeadExtras {
  readonly prospectRequested?: boolean;
  readonly conflict?: StoredConflict | null;
  readonly dueAt?: Date | null;
  readonly reviewPending?: boolean;
  readonly supervisorId?: string | null;
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/**
 * What a lead's steps cause beyond the lead itself, in its transaction: one history row and one
 * event per step, keyed by the lead. Events carry ids, codes and states, never the person.
 */
@Injectable()
export class LeadEffects {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly leads: LeadRepository,
  ) {}

  async received(tx: Tx, lead: LeadRecord): Promise<void> {
    await this.leads.addHistory(tx, [
      {
        leadId: lead.id,
        event: 'LeadReceived',
        from: null,
        to: 'RECEIVED',
        actor: lead.partnerId,
        figures: { dedupeOutcome: lead.dedupeOutcome, score: lead.dedupeScore },
        at: lead.receivedAt,
      },
    ]);
    await this.outbox.record(tx, {
      type: 'LeadReceived',
      aggregateId: lead.id,
      payload: {
        leadId: lead.id,
        partnerId: lead.partnerId,
        groupAccountId: null,
        version: lead.version,
        kind: lead.kind,
        priority: lead.priority,
        creditCode: lead.creditCode,
        regionCode: lead.regionCode,
        industrySection: lead.industrySection,
        dedupeOutcome: lead.dedupeOutcome,
        receivedAt: lead.receivedAt.toISOString(),
      },
    });
  }

  /** Saves the lead after the use case's steps, with their history rows and events. */
  async commit(tx: Tx, record: LeadRecord, run: LeadSteps, by: string, extras: LeadExtras) {
    await this.leads.save(tx, record, {
      lead: run.lead,
      storedConflict: extras.conflict,
      reviewPending: extras.reviewPending,
      prospectRequested: extras.prospectRequested,
      supervisorId: extras.supervisorId,
      firstContactDueAt: extras.dueAt,
    });
    await this.steps(
      tx,
      record,
      run.steps,
      by,
      record.version + 1,
      {
        prospectRequested: extras.prospectRequested ?? record.prospectRequested,
        conflict: extras.conflict ?? record.storedConflict,
        dueAt: extras.dueAt ?? record.firstContactDueAt,
      },
      run.now,
    );
  }

  /** The steps taken on `record` (as it was read), saved at `version`. */
  private async steps(
    tx: Tx,
    record: LeadRecord,
    steps: readonly LeadStep[],
    by: string,
    version: number,
    extra: { prospectRequested: boolean; conflict: StoredConflict | null; dueAt: Date | null },
    now: Date,
  ): Promise<void> {
    await this.leads.addHistory(
      tx,
      steps.map((s) => ({
        leadId: record.id,
        event: s.event,
        from: s.from,
        to: s.lead.state,
        actor: by,
        figures: { command: s.command.kind },
        at: now,
      })),
    );
    for (const { event, lead, from } of steps) {
      const base = {
        leadId: record.id,
        partnerId: record.partnerId,
        groupAccountId: lead.accountId,
        version,
      };
      const managerId = lead.managerId ?? by;
      switch (event) {
        case 'LeadQualified':
          await this.outbox.record(tx, {
            type: event,
            aggregateId: record.id,
            payload: {
              ...base,
              prospectRequested: extra.prospectRequested && lead.accountId === null,
              creditCode: record.creditCode,
              companyName: extra.prospectRequested ? record.companyName : null,
              regionCode: record.regionCode,
              industrySection: record.industrySection,
              qualifiedBy: by,
            },
          });
          break;
        case 'LeadDuplicate':
          await this.outbox.record(tx, {
            type: event,
            aggregateId: record.id,
            payload: {
              ...base,
              duplicateOfKind: lead.duplicateOf?.kind ?? 'LEAD',
              duplicateOfId: lead.duplicateOf?.id ?? '',
              decidedBy: by,
            },
          });
          break;
        case 'LeadInConflict': {
          const winner = lead.conflict?.winner;
          await this.outbox.record(tx, {
            type: event,
            aggregateId: record.id,
            payload: {
              ...base,
              reason: lead.conflict?.reason ?? '',
              reasons: [...(extra.conflict?.reasons ?? [])],
              winnerKind: winner?.kind ?? 'MANAGER',
              winnerManagerId: winner?.kind === 'MANAGER' ? winner.managerId : null,
              winnerPartnerId: winner?.kind === 'PARTNER' ? winner.partnerId : null,
            },
          });
          break;
        }
        case 'LeadAssigned':
          await this.outbox.record(tx, {
            type: event,
            aggregateId: record.id,
            payload: { ...base, managerId, assignedBy: by, firstContactDueAt: iso(extra.dueAt) },
          });
          break;
        case 'LeadContacted':
          await this.outbox.record(tx, {
            type: event,
            aggregateId: record.id,
            payload: { ...base, managerId, contactedAt: iso(lead.firstContactAt) ?? '' },
          });
          break;
        case 'LeadConverted':
          await this.outbox.record(tx, {
            type: event,
            aggregateId: record.id,
            payload: { ...base, managerId, convertedAt: iso(lead.closedAt) ?? '' },
          });
          break;
        case 'LeadLost':
          await this.outbox.record(tx, {
            type: event,
            aggregateId: record.id,
            payload: {
              ...base,
              fromState: from,
              reason: lead.lostReason ?? '',
              lostAt: iso(lead.closedAt) ?? '',
            },
          });
          break;
      }
    }
  }
}
