import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { AutomaticAssignmentService } from './automatic-assignment.service.js';

export const MANAGERS_CONSUMER_GROUP = 'managers';

/**
 * What the managers service learns from the accounts and tiering services. The messaging
 * library applies a delivered batch in one transaction, so the accounts of a batch share the
 * placement book and its locks: they are matched together, one transaction per batch.
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly automatic: AutomaticAssignmentService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: MANAGERS_CONSUMER_GROUP,
      handlers: {
        AccountCreated: (event, tx) => this.automatic.onAccountCreated(event, tx),
        AccountUpdated: (event, tx) => this.automatic.onAccountUpdated(event, tx),
        AccountStatusChanged: (event, tx) => this.automatic.onAccountStatusChanged(event, tx),
        TierAssigned: (event, tx) => this.automatic.onTierChanged(event, tx),
        TierChanged: (event, tx) => this.automatic.onTierChanged(event, tx),
      },
    });
  }
}
