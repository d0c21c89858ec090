import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { hasRole, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { initialTierForNewAccount, type Tier } from '@gap/tiering/domain';
import { AccountTierEntity } from './account-tier.entity.js';
import { AccountTierRepository } from './account-tier.repository.js';

export const PLACEHOLDER_POLICY_VERSION = 'initial-v0';

@Injectable()
export class TierAssignmentService {
  constructor(
    private readonly tiers: AccountTierRepository,
    private readonly events: OutboxPublisher,
  ) {}

  /** A new account gets its first tier; a redelivered or replayed event changes nothing. */
  async onAccountCreated(
    event: EventEnvelope<'AccountCreated'>,
    manager: EntityManager,
  ): Promise<void> {
    const decision = initialTierForNewAccount();
    const accountId = event.payload.groupAccountId;
    const inserted = await this.tiers.insertIfAbsent(
      manager,
      Object.assign(new AccountTierEntity(), {
        groupAccountId: accountId,
        tier: decision.tier,
        reason: decision.reason,
        policyVersion: PLACEHOLDER_POLICY_VERSION,
        effectiveFrom: new Date(event.occurredAt),
      }),
    );
    if (!inserted) return;
    await this.events.record(manager, {
      type: 'TierAssigned',
      aggregateId: accountId,
      payload: {
        groupAccountId: accountId,
        tier: decision.tier,
        previousTier: null,
        reason: decision.reason,
        policyVersion: PLACEHOLDER_POLICY_VERSION,
      },
    });
  }

  async tiersOf(caller: Caller, accountIds: readonly string[]): Promise<Map<string, Tier>> {
    if (hasRole(caller, 'PARTNER'))
      throw DomainError.forbidden('Tiers are not visible to partners.');
    const found = await this.tiers.findByAccountIds(accountIds);
    return new Map(found.map((row) => [row.groupAccountId, row.tier]));
  }
}
