import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { SubscriptionRevenueRepository } from './subscription-revenue.repository.js';

/**
 * What the tiering service keeps of the bundles service's subscriptions: each one's monthly
 * recurring revenue, to show beside the billed revenue in a tier's explanation. It never enters
 * the value: billed revenue already holds what a subscription has billed. Events may arrive out
 * of order (a redelivery, a replay from the dead-letter topic): an end arriving before its start
 * is kept and the start does not revive the subscription; a change arriving before its start
 * keeps its amount, and the subscription counts once its start is known.
 */
@Injectable()
export class BundlesLinksService {
  constructor(private readonly revenue: SubscriptionRevenueRepository) {}

  onSubscriptionStarted(
    event: EventEnvelope<'SubscriptionStarted'>,
    tx: EntityManager,
  ): Promise<void> {
    return this.revenue.started(tx, event.payload);
  }

  onSubscriptionChanged(
    event: EventEnvelope<'SubscriptionChanged'>,
    tx: EntityManager,
  ): Promise<void> {
    return this.revenue.changed(tx, event.payload);
  }

  onSubscriptionEnded(event: EventEnvelope<'SubscriptionEnded'>, tx: EntityManager): Promise<void> {
    return this.revenue.ended(tx, event.payload);
  }
}
