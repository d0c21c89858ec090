import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { PortfolioStore } from '@gap/portfolio';
import { AccountTierRepository } from './account-tier.repository.js';

export const COORDINATION_CONSUMER_GROUP = 'coordination';

/**
 * What the coordination service learns of the accounts: their tier from tiering (for the SLA
 * targets) and who is accountable for them from managers (for who sees their requests). One
 * consumer group for every type, so each event is applied once, in its account's order.
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  readonly portfolio = new PortfolioStore('coordination');

  constructor(
    private readonly messaging: MessagingService,
    private readonly tiers: AccountTierRepository,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: COORDINATION_CONSUMER_GROUP,
      handlers: {
        TierAssigned: (event, tx) =>
          this.tiers.setTier(
            tx,
            event.payload.groupAccountId,
            event.payload.tier,
            event.occurredAt,
          ),
        TierChanged: (event, tx) =>
          this.tiers.setTier(
            tx,
            event.payload.groupAccountId,
            event.payload.tier,
            event.occurredAt,
          ),
        ManagerAssigned: (event, tx) => this.portfolio.onManagerAssigned(event, tx),
        TeamChanged: (event, tx) => this.portfolio.onTeamChanged(event, tx),
        AccountUnassignable: (event, tx) => this.portfolio.onAccountUnassignable(event, tx),
      },
    });
  }
}
