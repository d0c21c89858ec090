import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TOPICS, type EventEnvelope } from '@gap/contracts';
import { MessagingService } from '@gap/messaging';

export const ACCOUNTS_CONSUMER_GROUP = 'accounts';

type Relation = 'PRIMARY' | 'TEAM' | 'SUPERVISOR';

/**
 * The portfolio read model: who is accountable for which account, as the managers service
 * says. An assignment replaces the previous primary; a team event replaces the whole team, so
 * a replayed duplicate converges on the same rows.
 */
export class PortfolioStore {
  async onManagerAssigned(
    event: EventEnvelope<'ManagerAssigned'>,
    manager: EntityManager,
  ): Promise<void> {
    const { groupAccountId, managerId, supervisorId } = event.payload;
    await this.replace(manager, groupAccountId, 'PRIMARY', [managerId], event.occurredAt);
    const supervisors = supervisorId ? [supervisorId] : [];
    await this.replace(manager, groupAccountId, 'SUPERVISOR', supervisors, event.occurredAt);
  }

  async onTeamChanged(event: EventEnvelope<'TeamChanged'>, manager: EntityManager): Promise<void> {
    const members = [...new Set(event.payload.members.map((m) => m.managerId))];
    await this.replace(manager, event.payload.groupAccountId, 'TEAM', members, event.occurredAt);
  }

  private async replace(
    manager: EntityManager,
    accountId: string,
    relation: Relation,
    subjects: readonly string[],
    since: string,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM accounts.portfolio_entry
        WHERE group_account_id = $1 AND relation = $2 AND NOT (subject = ANY($3::text[]))`,
      [accountId, relation, subjects],
    );
    await manager.query(
      `INSERT INTO accounts.portfolio_entry (group_account_id, relation, subject, since)
       SELECT $1, $2, s, $4 FROM unnest($3::text[]) AS s
       ON CONFLICT DO NOTHING`,
      [accountId, relation, subjects, since],
    );
  }
}

/** Feeds the portfolio read model from the managers service's topic. */
@Injectable()
export class PortfolioProjection implements OnModuleInit {
  private readonly store = new PortfolioStore();

  constructor(private readonly messaging: MessagingService) {}

  onModuleInit(): void {
    this.messaging.consume({
      groupId: ACCOUNTS_CONSUMER_GROUP,
      topics: [TOPICS.managers],
      handlers: {
        ManagerAssigned: (event, manager) => this.store.onManagerAssigned(event, manager),
        TeamChanged: (event, manager) => this.store.onTeamChanged(event, manager),
      },
    });
  }
}
