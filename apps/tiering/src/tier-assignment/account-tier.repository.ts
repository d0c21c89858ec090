import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccountTierEntity } from './account-tier.entity.js';

@Injectable()
export class AccountTierRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the tier unless the account already has one; true when it was inserted. */
  async insertIfAbsent(manager: EntityManager, tier: AccountTierEntity): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO tiering.account_tier (group_account_id, tier, reason, policy_version, effective_from)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (group_account_id) DO NOTHING
       RETURNING group_account_id`,
      [tier.groupAccountId, tier.tier, tier.reason, tier.policyVersion, tier.effectiveFrom],
    );
    return inserted.length === 1;
  }

  findByAccountIds(ids: readonly string[]): Promise<AccountTierEntity[]> {
    return this.dataSource
      .getRepository(AccountTierEntity)
      .findBy({ groupAccountId: In([...ids]) });
  }
}
