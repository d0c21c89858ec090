import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The accounts' tiers as tiering says, for the SLA targets (a later event wins). */
@Injectable()
export class AccountTierRepository {
  async setTier(
    manager: EntityManager,
    accountId: string,
    tier: string,
    at: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO coordination.account_tier (group_account_id, tier, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (group_account_id) DO UPDATE SET tier = EXCLUDED.tier, updated_at = EXCLUDED.updated_at
        WHERE coordination.account_tier.updated_at <= EXCLUDED.updated_at`,
      [accountId, tier, at],
    );
  }
}
