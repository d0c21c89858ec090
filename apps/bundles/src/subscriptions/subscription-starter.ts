import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { todayInChina } from '@gap/calendar';
import type { AttributeValues, PriceBreakdown } from '@gap/bundles/domain';
import { OutboxPublisher } from '@gap/messaging';
import { SubscriptionRepository, type Tx } from './subscription.repository.js';

/** What a sale that starts subscriptions says: whose, from what, at which price. */
export interface Sale {
  readonly accountId: string;
  readonly proposalId: string | null;
  readonly trialId: string | null;
  readonly price: PriceBreakdown;
  /** The configured attributes of each price line, by the line's index. */
  readonly attributes: (index: number) => AttributeValues;
  readonly by: string;
}

/**
 * Starts one subscription per priced line, its product version and price locked as sold, with
 * its first price line and a SubscriptionStarted event, in the caller's transaction. An
 * accepted proposal and a converted trial both sell through here.
 */
@Injectable()
export class SubscriptionStarter {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly outbox: OutboxPublisher,
  ) {}

  async start(tx: Tx, sale: Sale, now: Date): Promise<string[]> {
    const startsOn = todayInChina(now);
    const ids: string[] = [];
    for (const line of sale.price.lines) {
      const id = randomUUID();
      await this.subscriptions.insert(tx, {
        id,
        accountId: sale.accountId,
        proposalId: sale.proposalId,
        trialId: sale.trialId,
        attributes: sale.attributes(line.index),
        startsOn,
        tier: sale.price.tier,
        line,
        by: sale.by,
      });
      await this.outbox.record(tx, {
        type: 'SubscriptionStarted',
        aggregateId: sale.accountId,
        payload: {
          subscriptionId: id,
          groupAccountId: sale.accountId,
          proposalId: sale.proposalId,
          productCode: line.productCode,
          productVersion: line.productVersion,
          quantity: line.quantity,
          monthlyNetFen: String(line.monthly.netFen),
          startsOn,
        },
      });
      ids.push(id);
    }
    return ids;
  }
}
