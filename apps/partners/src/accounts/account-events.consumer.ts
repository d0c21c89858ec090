import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { AccountRepository } from './account.repository.js';

export const PARTNERS_CONSUMER_GROUP = 'partners';

/**
 * What the partners service learns of the accounts, never asked for at request time: who they
 * are (credit code, name, region, status) from accounts, for matching a partner's lead against
 * the book; their tier from tiering (a tier-A account is protected from the channel); their
 * primary manager from managers (a lead for an owned account goes to its manager). One
 * consumer group for every type, each event applied once, in order.
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly accounts: AccountRepository,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: PARTNERS_CONSUMER_GROUP,
      handlers: {
        AccountCreated: ({ payload: p }, tx) =>
          this.accounts.describe(tx, p.groupAccountId, {
            creditCode: p.creditCode,
            name: p.name,
            status: p.status,
            regionCode: p.regionCode,
          }),
        AccountUpdated: ({ payload: p }, tx) =>
          this.accounts.describe(tx, p.groupAccountId, {
            name: p.name,
            regionCode: p.regionCode,
          }),
        AccountStatusChanged: ({ payload: p }, tx) =>
          this.accounts.setStatus(tx, p.groupAccountId, p.to),
        TierAssigned: ({ payload: p, occurredAt }, tx) =>
          this.accounts.setTier(tx, p.groupAccountId, p.tier, occurredAt),
        TierChanged: ({ payload: p, occurredAt }, tx) =>
          this.accounts.setTier(tx, p.groupAccountId, p.tier, occurredAt),
        AccountValued: ({ payload: p, occurredAt }, tx) =>
          this.accounts.setTier(tx, p.groupAccountId, p.tier, occurredAt),
        ManagerAssigned: ({ payload: p }, tx) =>
          this.accounts.setPrimaryManager(tx, p.groupAccountId, p.managerId),
      },
    });
  }
}
