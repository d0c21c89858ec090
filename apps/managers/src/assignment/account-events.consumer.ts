import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { AssignmentService } from './assignment.service.js';

export const MANAGERS_CONSUMER_GROUP = 'managers';

/** What the managers service learns from the accounts and tiering services. */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly assignments: AssignmentService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: MANAGERS_CONSUMER_GROUP,
      handlers: {
        AccountCreated: (event, manager) => this.assignments.onAccountCreated(event, manager),
        AccountUpdated: (event, manager) => this.assignments.onAccountUpdated(event, manager),
        AccountStatusChanged: (event, manager) =>
          this.assignments.onAccountStatusChanged(event, manager),
        TierAssigned: (event, manager) => this.assignments.onTierChanged(event, manager),
        TierChanged: (event, manager) => this.assignments.onTierChanged(event, manager),
      },
    });
  }
}
