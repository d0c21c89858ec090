import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { AccountRepository } from './accounts/account.repository.js';
import { LeadProspectsService } from './leads/lead-prospects.service.js';

export const PARTNERS_CONSUMER_GROUP = 'partners';

/**
 * What the partners service learns of the accounts, never asked for at request time: who they
 * are (credit code, name, region, status) from accounts, for matching a partner's lead against
 * the book; their tier from tiering (a tier-A account is protected from the channel); their
 * primary manager from managers (a lead for an owned account goes to its manager). One
 * consumer group for every type, each event applied once, in order.
 *
 * A new company's leads follow its PROSPECT account here too: attached when the account is
 * opened, assigned when it has its manager. Both steps write the account's row first, so the
 * two events of one account (from two topics, maybe applied side by side) take turns on that
 * row, and whichever comes second sees what the first did: the account's manager, or its leads.
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly accounts: AccountRepository,
    private readonly prospects: LeadProspectsService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: PARTNERS_CONSUMER_GROUP,
      handlers: {
        AccountCreated: async ({ payload: p }, tx) => {
          await this.accounts.describe(tx, p.groupAccountId, {
            creditCode: p.creditCode,
            name: p.name,
            status: p.status,
            regionCode: p.regionCode,
          });
          await this.prospects.accountOpened(tx, p.groupAccountId, p.creditCode ?? null);
        },
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
        ManagerAssigned: async ({ payload: p }, tx) => {
          await this.accounts.setPrimaryManager(tx, p.groupAccountId, p.managerId);
          await this.prospects.managerAssigned(
            tx,
            p.groupAccountId,
            p.managerId,
            p.supervisorId ?? null,
          );
        },
      },
    });
  }
}
