import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TOPICS } from '@gap/contracts';
import { MessagingService } from '@gap/messaging';
import { TierAssignmentService } from './tier-assignment.service.js';

export const TIERING_CONSUMER_GROUP = 'tiering';

/** What the tiering service learns from the accounts service. */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly tiers: TierAssignmentService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: TIERING_CONSUMER_GROUP,
      topics: [TOPICS.accounts],
      handlers: {
        AccountCreated: (event, manager) => this.tiers.onAccountCreated(event, manager),
      },
    });
  }
}
