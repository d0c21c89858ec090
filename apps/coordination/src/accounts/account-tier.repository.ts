import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The accounts' tiers as tiering says, for the SLA targets (a later event wins). */
@Injectable()
export class AccountTierRepository {
  /** Keeps the tier unless a later one is known; answers whether the tier in force changed. */
  async setTier(
    manager: EntityManager,
    accountId: string,
    tier: string,
    at: string,
  ): Promise<boolean> {
    const [before] = await manager.query<{ tier: string }[]>(
      'SELECT tier FROM coordination.account_tier WHERE group_account_id = $1 FOR UPDATE',
      [accountId],
    );
    const written = await manager.query<unknown[]>(
      `INSERT INTO coordination.account_tier (group_account_id, tier, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (group_account_id) DO UPDATE SET tier = EXCLUDED.tier, updated_at = EXCLUDED.updated_at
        WHERE coordination.account_tier.updated_at <= EXCLUDED.updated_at
       RETURNING 1`,
      [accountId, tier, at],
    );
    // No row yet: the account's requests were counted as tier C, the default.
    return written.length === 1 && (before?.tier ?? 'C') !== tier;
  }
}
