import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MessagingService } from '@gap/messaging';
import { PortfolioStore } from '@gap/portfolio';
import { AccountRepository } from './account.repository.js';

export const BUNDLES_CONSUMER_GROUP = 'bundles';

/**
 * What the bundles service learns of the accounts, never asked for at request time: what they
 * are (status, industry, region, size) from accounts, tier and value segment from tiering (for
 * eligibility and the tier discount), who is accountable for them from managers (for who sees
 * their proposals). One consumer group for every type, each event applied once, in order.
 */
@Injectable()
export class AccountEventsConsumer implements OnModuleInit {
  readonly portfolio = new PortfolioStore('bundles');

  constructor(
    private readonly messaging: MessagingService,
    private readonly accounts: AccountRepository,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: BUNDLES_CONSUMER_GROUP,
      handlers: {
        AccountCreated: ({ payload: p }, tx) =>
          this.accounts.describe(tx, p.groupAccountId, {
            status: p.status,
            industry: p.industryCode,
            regionCode: p.regionCode,
            employees: p.employees ?? null,
            lines: p.linesCount ?? null,
          }),
        AccountUpdated: ({ payload: p }, tx) =>
          this.accounts.describe(tx, p.groupAccountId, {
            industry: p.industryCode,
            regionCode: p.regionCode,
            employees: p.employees,
            lines: p.linesCount,
          }),
        AccountStatusChanged: ({ payload: p }, tx) =>
          this.accounts.setStatus(tx, p.groupAccountId, p.to),
        TierAssigned: (event, tx) =>
          this.accounts.setTier(
            tx,
            event.payload.groupAccountId,
            event.payload.tier,
            event.occurredAt,
          ),
        TierChanged: (event, tx) =>
          this.accounts.setTier(
            tx,
            event.payload.groupAccountId,
            event.payload.tier,
            event.occurredAt,
          ),
        ValueSegmentChanged: (event, tx) =>
          this.accounts.setSegment(
            tx,
            event.payload.groupAccountId,
            event.payload.segment,
            event.occurredAt,
          ),
        AccountValued: async ({ payload: p, occurredAt }, tx) => {
          await this.accounts.setTier(tx, p.groupAccountId, p.tier, occurredAt);
          await this.accounts.setSegment(tx, p.groupAccountId, p.segment, occurredAt);
        },
        ManagerAssigned: (event, tx) => this.portfolio.onManagerAssigned(event, tx),
        TeamChanged: (event, tx) => this.portfolio.onTeamChanged(event, tx),
        AccountUnassignable: (event, tx) => this.portfolio.onAccountUnassignable(event, tx),
      },
    });
  }
}
