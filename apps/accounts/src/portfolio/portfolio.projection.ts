import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { foldPortfolio, portfolioChange, type PortfolioEvent } from '@gap/accounts/domain';
import type { EventEnvelope, EventType } from '@gap/contracts';
import { MessagingService, type EventHandlers } from '@gap/messaging';
import { PortfolioStore } from '@gap/portfolio';
import { PortfolioFactsRepository } from './portfolio-facts.repository.js';

export const ACCOUNTS_CONSUMER_GROUP = 'accounts';

/**
 * Feeds the portfolio read model: who may see each account (the visibility every service keeps,
 * `@gap/portfolio`), and the facts the account list filters and sorts by (tier, segment,
 * values, managers, handover), folded by the domain's `foldPortfolio`.
 */
@Injectable()
export class PortfolioProjection implements OnModuleInit {
  private readonly visibility = new PortfolioStore('accounts');

  constructor(
    private readonly messaging: MessagingService,
    private readonly facts: PortfolioFactsRepository,
  ) {}

  onModuleInit(): void {
    const fold = <T extends EventType & PortfolioEvent['type']>(
      also?: (event: EventEnvelope<T>, manager: EntityManager) => Promise<void>,
    ) => {
      return async (event: EventEnvelope<T>, manager: EntityManager) => {
        await also?.(event, manager);
        await this.apply(event as unknown as PortfolioEvent, manager);
      };
    };
    const handlers: EventHandlers = {
      AccountCreated: fold(),
      AccountUpdated: fold(),
      AccountStatusChanged: fold(),
      TierAssigned: fold(),
      TierChanged: fold(),
      AccountValued: fold(),
      ManagerAssigned: fold((e, m) => this.visibility.onManagerAssigned(e, m)),
      TeamChanged: fold((e, m) => this.visibility.onTeamChanged(e, m)),
      AccountUnassignable: fold((e, m) => this.visibility.onAccountUnassignable(e, m)),
      HandoverPlanned: fold(),
      HandoverStarted: fold(),
      HandoverOverdue: fold(),
      HandoverCompleted: fold(),
      HandoverCancelled: fold(),
    };
    this.messaging.consume({ groupId: ACCOUNTS_CONSUMER_GROUP, handlers });
  }

  /**
   * One statement when the event's change does not depend on the row (most events); otherwise
   * the row is locked and read, folded and written back.
   */
  private async apply(event: PortfolioEvent, manager: EntityManager): Promise<void> {
    const id = event.payload.groupAccountId;
    const change = portfolioChange(event);
    if (change) {
      await this.facts.applyChange(manager, id, change, event.occurredAt);
      return;
    }
    const rows = await this.facts.lockMany(manager, [id]);
    await this.facts.save(manager, [foldPortfolio(rows.get(id), event)]);
  }
}
