import type { EntityManager } from 'typeorm';
import type { AccountTier } from '@gap/coordination/domain';

/**
 * The port between the accounts' projection and the requests: when tiering changes an
 * account's tier, the open requests of the account count their clocks under the new tier's
 * targets from that moment on, in the consumer's transaction. The request feature binds it.
 */
export abstract class TierRetargeter {
  /** Re-targets the account's open requests; answers how many changed. */
  abstract retarget(
    manager: EntityManager,
    accountId: string,
    tier: AccountTier,
    at: Date,
  ): Promise<number>;
}
