import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '@gap/messaging';
import type { StoredTrial, Tx } from './trial.repository.js';

const DAY_MS = 86_400_000;

/** The trial events of the contracts, keyed by the account, in the change's transaction. */
@Injectable()
export class TrialAnnouncer {
  constructor(private readonly outbox: OutboxPublisher) {}

  private facts(trial: StoredTrial) {
    return {
      trialId: trial.id,
      groupAccountId: trial.accountId,
      subjectKind: trial.subjectKind,
      subjectCode: trial.subjectCode,
      tier: trial.tier,
      endsAt: new Date(trial.endsAt).toISOString(),
    };
  }

  async started(tx: Tx, trial: StoredTrial): Promise<void> {
    await this.outbox.record(tx, {
      type: 'TrialStarted',
      aggregateId: trial.accountId,
      payload: {
        ...this.facts(trial),
        startedAt: new Date(trial.startedAt).toISOString(),
        startedBy: trial.startedBy,
      },
    });
  }

  /** Reminder `reminder` planned for `due`: the whole days from then to the end. */
  async ending(tx: Tx, trial: StoredTrial, reminder: number, due: Date): Promise<void> {
    const daysLeft = Math.max(
      0,
      Math.round((new Date(trial.endsAt).getTime() - due.getTime()) / DAY_MS),
    );
    await this.outbox.record(tx, {
      type: 'TrialEnding',
      aggregateId: trial.accountId,
      payload: { ...this.facts(trial), reminder, daysLeft },
    });
  }

  async converted(tx: Tx, trial: StoredTrial, subscriptionIds: string[], by: string) {
    await this.outbox.record(tx, {
      type: 'TrialConverted',
      aggregateId: trial.accountId,
      payload: { ...this.facts(trial), subscriptionIds, convertedBy: by },
    });
  }

  /** The end passed (`by` null) or the manager ended it early. */
  async expired(tx: Tx, trial: StoredTrial, by: string | null): Promise<void> {
    await this.outbox.record(tx, {
      type: 'TrialExpired',
      aggregateId: trial.accountId,
      payload: { ...this.facts(trial), endedBy: by },
    });
  }
}
