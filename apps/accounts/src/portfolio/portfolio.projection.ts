import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { PortfolioStore } from '@gap/portfolio';

export const ACCOUNTS_CONSUMER_GROUP = 'accounts';

/** Feeds the portfolio read model from the managers service's topic. */
@Injectable()
export class PortfolioProjection implements OnModuleInit {
  private readonly store = new PortfolioStore('accounts');

  constructor(private readonly messaging: MessagingService) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: ACCOUNTS_CONSUMER_GROUP,
      handlers: {
        ManagerAssigned: (event, manager) => this.store.onManagerAssigned(event, manager),
        TeamChanged: (event, manager) => this.store.onTeamChanged(event, manager),
        AccountUnassignable: (event, manager) => this.store.onAccountUnassignable(event, manager),
      },
    });
  }
}
