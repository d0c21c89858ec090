import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { PortfolioStore } from '@gap/portfolio';
import { AccountProfileRepository } from '../value/account-profile.repository.js';
import { TierAssignmentService } from './tier-assignment.service.js';

export const TIERING_CONSUMER_GROUP = 'tiering';

/** What the tiering service learns from the accounts service, and who sees which account. */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  private readonly portfolio = new PortfolioStore('tiering');

  constructor(
    private readonly messaging: MessagingService,
    private readonly tiers: TierAssignmentService,
    private readonly profiles: AccountProfileRepository,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: TIERING_CONSUMER_GROUP,
      handlers: {
        AccountCreated: async (event, manager) => {
          await this.profiles.onAccountCreated(event, manager);
          await this.tiers.onAccountCreated(event, manager);
        },
        AccountUpdated: (event, manager) => this.profiles.onAccountUpdated(event, manager),
        AccountStatusChanged: (event, manager) =>
          this.profiles.onAccountStatusChanged(event, manager),
        AccountHierarchyChanged: (event, manager) =>
          this.profiles.onAccountHierarchyChanged(event, manager),
        ClusterMembershipChanged: (event, manager) =>
          this.profiles.onClusterMembershipChanged(event, manager),
        ManagerAssigned: (event, manager) => this.portfolio.onManagerAssigned(event, manager),
        TeamChanged: (event, manager) => this.portfolio.onTeamChanged(event, manager),
        AccountUnassignable: (event, manager) =>
          this.portfolio.onAccountUnassignable(event, manager),
      },
    });
  }
}
