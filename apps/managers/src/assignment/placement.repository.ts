import { Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import type { EventPayload } from '@gap/contracts';
import type { Tier } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import type { Tx } from './assignment.repository.js';

/** A new account as placement needs it. */
export interface NewAccount {
  readonly id: string;
  readonly tier: Tier;
  readonly regionCode: string;
  readonly industryCode: string;
  readonly status: string;
}

/** A first primary manager, decided. */
export interface FirstManager {
  readonly accountId: string;
  readonly managerId: string;
  readonly supervisorId: string | null;
  readonly reason: string;
  readonly by: string;
}

/**
 * The writes of automatic placement, set-based: the accounts a consumer batch created, their
 * first managers and ManagerAssigned events, a few statements for the whole batch; and the
 * hook that runs the batch's placement just before its transaction commits.
 */
@Injectable()
export class PlacementRepository {
  private readonly beforeCommitOf = new WeakMap<QueryRunner, () => Promise<void>>();

  constructor(
    dataSource: DataSource,
    private readonly events: OutboxPublisher,
  ) {
    dataSource.subscribers.push({
      beforeTransactionCommit: ({ queryRunner }) => {
        const work = this.beforeCommitOf.get(queryRunner);
        if (!work) return undefined;
        this.beforeCommitOf.delete(queryRunner);
        return work();
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.beforeCommitOf.delete(queryRunner);
      },
    });
  }

  /** Runs `work` once, inside the transaction of `tx`, just before it commits. */
  beforeCommit(tx: Tx, work: () => Promise<void>): void {
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('Placement runs inside a transaction.');
    this.beforeCommitOf.set(runner, work);
  }

  /**
   * Records the accounts the accounts service created; returns those that are new here (with
   * their tier, should it have arrived first). Accounts known already are left as they are.
   */
  async insertAccounts(
    tx: Tx,
    created: readonly EventPayload<'AccountCreated'>[],
  ): Promise<NewAccount[]> {
    const rows = await tx.query<(NewAccount & { tier: Tier | null })[]>(
      `INSERT INTO managers.group_account AS g
         (id, name, region_code, industry_code, status, registered_by)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (id) DO NOTHING
       RETURNING g.id, g.region_code AS "regionCode", g.industry_code AS "industryCode", g.status,
                 (SELECT t.tier FROM managers.account_tier t WHERE t.group_account_id = g.id) AS tier`,
      [
        created.map((p) => p.groupAccountId),
        created.map((p) => p.name),
        created.map((p) => p.regionCode),
        created.map((p) => p.industryCode),
        created.map((p) => p.status),
        created.map((p) => p.registeredBy ?? null),
      ],
    );
    return rows.map((row) => ({ ...row, tier: row.tier ?? 'C' }));
  }

  /**
   * Gives accounts that never had one their first primary manager, with ManagerAssigned. An
   * account with a manager is not waiting for one: any row of it on the unassignable list goes.
   */
  async assignFirst(tx: Tx, firsts: readonly FirstManager[]): Promise<void> {
    if (firsts.length === 0) return;
    // One statement, one round trip: placing is on the path of every new account.
    await tx.query(
      `WITH waiting AS (
         DELETE FROM managers.unassignable_account WHERE group_account_id = ANY($1::uuid[])
       )
       INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])`,
      [
        firsts.map((f) => f.accountId),
        firsts.map((f) => f.managerId),
        firsts.map((f) => f.reason),
        firsts.map((f) => f.by),
      ],
    );
    await this.events.recordAll(
      tx,
      firsts.map((f) => ({
        type: 'ManagerAssigned' as const,
        aggregateId: f.accountId,
        payload: {
          groupAccountId: f.accountId,
          managerId: f.managerId,
          previousManagerId: null,
          supervisorId: f.supervisorId,
          reason: f.reason,
        },
      })),
    );
  }

  /** Accounts listed as unassignable with no manager yet, oldest first. */
  async waitingForManager(tx: Tx, limit: number): Promise<string[]> {
    const rows = await tx.query<{ id: string }[]>(
      `SELECT group_account_id AS id FROM managers.unassignable_account
        WHERE current_manager_id IS NULL ORDER BY since, group_account_id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }
}
