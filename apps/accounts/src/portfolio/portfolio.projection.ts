import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PORTFOLIO_EVENT_TYPES, type PortfolioEvent } from '@gap/accounts/domain';
import type { EventEnvelope } from '@gap/contracts';
import { MessagingService } from '@gap/messaging';
import { PortfolioFoldService } from './portfolio-fold.service.js';

export const ACCOUNTS_CONSUMER_GROUP = 'accounts';

/**
 * Feeds the portfolio read model: who may see each account (the `portfolio_entry` rows of
 * `@gap/portfolio`'s rule), and the facts the account list filters and sorts by (tier, segment,
 * values, managers, handover), folded by the domain's `foldPortfolio`. Each delivered batch is
 * applied at once (a read and a write for the lot), as a rebuild applies its replay.
 */
@Injectable()
export class PortfolioProjection implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly fold: PortfolioFoldService,
  ) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: ACCOUNTS_CONSUMER_GROUP,
      handlers: {},
      batchHandler: {
        types: PORTFOLIO_EVENT_TYPES,
        handle: (events: readonly EventEnvelope[], manager: EntityManager) =>
          this.fold.apply(manager, events as unknown as readonly PortfolioEvent[]),
      },
    });
  }
}
