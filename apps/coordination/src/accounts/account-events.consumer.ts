import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import type { AccountTier } from '@gap/coordination/domain';
import { MessagingService } from '@gap/messaging';
import { PortfolioStore } from '@gap/portfolio';
import { AccountTierRepository } from './account-tier.repository.js';
import { TierRetargeter } from './tier-retargeter.js';

export const COORDINATION_CONSUMER_GROUP = 'coordination';

/**
 * What the coordination service learns of the accounts: their tier from tiering (for the SLA
 * targets: a change re-targets the account's open clocks from that moment) and who is
 * accountable for them from managers (for who sees their requests). One consumer group for
 * every type, so each event is applied once, in its account's order.
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  readonly portfolio = new PortfolioStore('coordination');

  constructor(
    private readonly messaging: MessagingService,
    private readonly tiers: AccountTierRepository,
    private readonly retargeter: TierRetargeter,
  ) {}

  /** The tier in force, and the open requests' clocks under it from when tiering changed it. */
  async onTier(
    event: EventEnvelope<'TierAssigned'> | EventEnvelope<'TierChanged'>,
    tx: EntityManager,
  ): Promise<void> {
    const { groupAccountId, tier } = event.payload;
    if (await this.tiers.setTier(tx, groupAccountId, tier, event.occurredAt)) {
      await this.retargeter.retarget(
        tx,
        groupAccountId,
        tier as AccountTier,
        new Date(event.occurredAt),
      );
    }
  }

  onModuleInit(): void {
    this.messaging.consume({
      groupId: COORDINATION_CONSUMER_GROUP,
      handlers: {
        TierAssigned: (event, tx) => this.onTier(event, tx),
        TierChanged: (event, tx) => this.onTier(event, tx),
        ManagerAssigned: (event, tx) => this.portfolio.onManagerAssigned(event, tx),
        TeamChanged: (event, tx) => this.portfolio.onTeamChanged(event, tx),
        AccountUnassignable: (event, tx) => this.portfolio.onAccountUnassignable(event, tx),
      },
    });
  }
}
