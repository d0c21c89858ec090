import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { authorize, type Caller } from '@gap/auth';
import { OutboxPublisher } from '@gap/messaging';
import { TIERING_PERMISSIONS, initialTierForNewAccount, type Tier } from '@gap/tiering/domain';
import { TieringPolicyRepository } from '../value/tiering-policy.repository.js';
import { AccountTierEntity } from './account-tier.entity.js';
import { AccountVisibility } from '../visibility/account-visibility.repository.js';
import { AccountTierRepository } from './account-tier.repository.js';

@Injectable()
export class TierAssignmentService {
  constructor(
    private readonly tiers: AccountTierRepository,
    private readonly events: OutboxPublisher,
    private readonly visibility: AccountVisibility,
    private readonly policies: TieringPolicyRepository,
  ) {}

  /** A new account gets its first tier; a redelivered or replayed event changes nothing. */
  async onAccountCreated(
    event: EventEnvelope<'AccountCreated'>,
    manager: EntityManager,
  ): Promise<void> {
    const decision = initialTierForNewAccount();
    const accountId = event.payload.groupAccountId;
    const policyVersion = (await this.policies.current(manager)).version;
    const inserted = await this.tiers.insertIfAbsent(
      manager,
      Object.assign(new AccountTierEntity(), {
        groupAccountId: accountId,
        tier: decision.tier,
        reason: decision.reason,
        policyVersion,
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
        policyVersion,
      },
    });
  }

  async tiersOf(caller: Caller, accountIds: readonly string[]): Promise<Map<string, Tier>> {
    authorize(TIERING_PERMISSIONS, 'GroupAccount.tier', caller);
    const visible = await this.visibility.visible(caller, accountIds);
    const found = await this.tiers.findByAccountIds([...visible]);
    return new Map(found.map((row) => [row.groupAccountId, row.tier]));
  }
}
