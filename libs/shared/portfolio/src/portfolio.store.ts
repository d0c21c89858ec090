import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';

type Relation = 'PRIMARY' | 'TEAM' | 'SUPERVISOR';

/** The portfolio table of a service's schema, for its migrations. */
export function portfolioTableSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.portfolio_entry (
       group_account_id uuid NOT NULL,
       subject text NOT NULL,
       relation text NOT NULL CHECK (relation IN ('PRIMARY', 'TEAM', 'SUPERVISOR')),
       since timestamptz NOT NULL,
       PRIMARY KEY (group_account_id, relation, subject)
     )`,
    `CREATE INDEX portfolio_entry_subject_idx ON ${schema}.portfolio_entry (subject, group_account_id)`,
  ];
}

/**
 * The portfolio read model: who is accountable for which account, as the managers service
 * says, kept by every service that decides who sees what. An assignment replaces the previous
 * primary; a team event replaces the whole team, so a replayed duplicate converges on the
 * same rows.
 */
export class PortfolioStore {
  constructor(private readonly schema: string) {}

  async onManagerAssigned(
    event: EventEnvelope<'ManagerAssigned'>,
    manager: EntityManager,
  ): Promise<void> {
    const { groupAccountId, managerId, supervisorId } = event.payload;
    await this.replace(manager, groupAccountId, 'PRIMARY', [managerId], event.occurredAt);
    const supervisors = supervisorId ? [supervisorId] : [];
    await this.replace(manager, groupAccountId, 'SUPERVISOR', supervisors, event.occurredAt);
  }

  /**
   * Nobody could be given the account. Whoever the managers service still names as accountable
   * meanwhile stays primary; when it names nobody (a leaver without a supervisor), the account
   * has no primary manager and no supervisor any more, here as there.
   */
  async onAccountUnassignable(
    event: EventEnvelope<'AccountUnassignable'>,
    manager: EntityManager,
  ): Promise<void> {
    const { groupAccountId, currentManagerId } = event.payload;
    if (currentManagerId) {
      await this.replace(manager, groupAccountId, 'PRIMARY', [currentManagerId], event.occurredAt);
      return;
    }
    await this.replace(manager, groupAccountId, 'PRIMARY', [], event.occurredAt);
    await this.replace(manager, groupAccountId, 'SUPERVISOR', [], event.occurredAt);
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
      `DELETE FROM ${this.schema}.portfolio_entry
        WHERE group_account_id = $1 AND relation = $2 AND NOT (subject = ANY($3::text[]))`,
      [accountId, relation, subjects],
    );
    await manager.query(
      `INSERT INTO ${this.schema}.portfolio_entry (group_account_id, relation, subject, since)
       SELECT $1, $2, s, $4 FROM unnest($3::text[]) AS s
       ON CONFLICT DO NOTHING`,
      [accountId, relation, subjects, since],
    );
  }
}
