import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { LeadProspectsService } from './lead-prospects.service.js';

/** A consumer group of its own: the projection's group applies the same events to the book. */
export const LEADS_CONSUMER_GROUP = 'partners-leads';

/** New companies' leads follow their PROSPECT accounts and the managers assigned to them. */
@Injectable()
export class LeadAccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly prospects: LeadProspectsService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: LEADS_CONSUMER_GROUP,
      handlers: {
        AccountCreated: ({ payload: p }, tx) =>
          this.prospects.accountOpened(tx, p.groupAccountId, p.creditCode ?? null),
        ManagerAssigned: ({ payload: p }, tx) =>
          this.prospects.managerAssigned(tx, p.groupAccountId, p.managerId, p.supervisorId ?? null),
      },
    });
  }
}
