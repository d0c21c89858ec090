import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import { BUNDLES_PERMISSIONS, type BundlesOperation } from '@gap/bundles/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AccountRepository } from '../accounts/account.repository.js';
import { BundlesPolicyRepository } from '../policy/bundles-policy.repository.js';
import type { ChangeSubscriptionInput, EndSubscriptionInput } from './dto/subscription.input.js';
import { toSubscriptionType } from './subscription.view.js';
import type { SubscriptionType } from './subscription.types.js';
import { LinePricer } from './line-pricer.js';
import { SubscriptionErrors } from './subscription.errors.js';
import {
  SubscriptionRepository,
  type StoredSubscription,
  type Tx,
} from './subscription.repository.js';

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Changing and ending a subscription, by the account's seller within their scope: locked, not
 * stale, not ended. A change is re-priced by the domain at the product version, tier and bundle
 * it was sold in (a tier change re-prices nothing already sold), kept as a new price line from
 * its effective day. A refusal writes nothing.
 */
@Injectable()
export class SubscriptionService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly accounts: AccountRepository,
    private readonly policies: BundlesPolicyRepository,
    private readonly pricer: LinePricer,
    private readonly outbox: OutboxPublisher,
  ) {}

  change(caller: Caller, input: ChangeSubscriptionInput, now = new Date()): Promise<string> {
    return this.run(caller, 'changeSubscription', input, async (tx, stored) => {
      const earliest = later(todayInChina(now), stored.effectiveOn);
      if (input.effectiveOn < earliest) {
        throw SubscriptionErrors.tooEarly('input.effectiveOn', input.effectiveOn, earliest);
      }
      if (input.quantity === stored.quantity) throw SubscriptionErrors.unchanged(input.quantity);
      const policy = await this.policies.current(tx);
      const { line, bounds } = await this.pricer.price(
        tx,
        { ...stored, quantity: input.quantity },
        stored.tier,
        policy,
      );
      if (input.quantity < bounds.min || input.quantity > bounds.max) {
        throw SubscriptionErrors.quantityOutOfRange(stored.productCode, bounds.min, bounds.max);
      }
      const change = {
        effectiveOn: input.effectiveOn,
        tier: stored.tier,
        line,
        by: caller.subject,
      };
      await this.subscriptions.change(tx, stored.id, change);
      await this.outbox.record(tx, {
        type: 'SubscriptionChanged',
        aggregateId: stored.accountId,
        payload: {
          subscriptionId: stored.id,
          groupAccountId: stored.accountId,
          productCode: stored.productCode,
          productVersion: stored.productVersion,
          previousQuantity: stored.quantity,
          quantity: line.quantity,
          previousMonthlyNetFen: String(stored.monthlyNetFen),
          monthlyNetFen: String(line.monthly.netFen),
          effectiveOn: input.effectiveOn,
          changedBy: caller.subject,
        },
      });
    });
  }

  end(caller: Caller, input: EndSubscriptionInput, now = new Date()): Promise<string> {
    return this.run(caller, 'endSubscription', input, async (tx, stored) => {
      const earliest = later(todayInChina(now), stored.startsOn);
      if (input.endsOn < earliest) {
        throw SubscriptionErrors.tooEarly('input.endsOn', input.endsOn, earliest);
      }
      await this.subscriptions.end(tx, stored.id, input.endsOn, input.reason);
      await this.outbox.record(tx, {
        type: 'SubscriptionEnded',
        aggregateId: stored.accountId,
        payload: {
          subscriptionId: stored.id,
          groupAccountId: stored.accountId,
          productCode: stored.productCode,
          endsOn: input.endsOn,
          endedBy: caller.subject,
        },
      });
    });
  }

  /** The subscription just changed (the caller had it in scope a moment ago). */
  async view(id: string): Promise<SubscriptionType> {
    const row = await this.subscriptions.view(id);
    if (!row) throw SubscriptionErrors.notFound(id);
    return toSubscriptionType(row);
  }

  private async run(
    caller: Caller,
    operation: BundlesOperation,
    target: { id: string; version: number },
    work: (tx: Tx, stored: StoredSubscription) => Promise<void>,
  ): Promise<string> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    await this.subscriptions.transaction(async (tx) => {
      const stored = await this.subscriptions.lock(tx, target.id);
      if (!stored || !(await this.accounts.visible(scope, caller.subject, stored.accountId, tx))) {
        throw SubscriptionErrors.notFound(target.id);
      }
      if (target.version !== stored.version) {
        throw SubscriptionErrors.staleVersion(target.id, target.version, stored.version);
      }
      if (stored.state === 'ENDED') throw SubscriptionErrors.ended(target.id, stored.endsOn);
      await work(tx, stored);
    });
    return target.id;
  }
}
