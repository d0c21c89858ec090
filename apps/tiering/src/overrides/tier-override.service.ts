import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { todayInChina, type CalendarDate } from '@gap/calendar';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import {
  TIERING_PERMISSIONS,
  checkOverride,
  isOverrideReasonLongEnough,
} from '@gap/tiering/domain';
import { AccountVisibility } from '../visibility/account-visibility.repository.js';
import { TierOverrideErrors } from './tier-override.errors.js';
import { TierOverrideRepository } from './tier-override.repository.js';
import type {
  RevokeTierOverrideInput,
  SetTierOverrideInput,
  TierOverrideType,
} from './tier-override.types.js';

/**
 * Tier overrides: a supervisor sets a tier for an account of their team with a reason and a
 * last day. It takes effect at once (TierChanged, reason OVERRIDE), wins over every run while
 * in force, and ends by itself after its last day (or when revoked), giving the account back
 * its computed tier. Each override is kept, with who ended it and why: the audit trail.
 */
@Injectable()
export class TierOverrideService {
  constructor(
    private readonly overrides: TierOverrideRepository,
    private readonly events: OutboxPublisher,
    private readonly visibility: AccountVisibility,
  ) {}

  async set(
    caller: Caller,
    input: SetTierOverrideInput,
    today: CalendarDate = todayInChina(),
  ): Promise<TierOverrideType> {
    authorize(TIERING_PERMISSIONS, 'setTierOverride', caller);
    const violations = checkOverride(input, today);
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    const id = randomUUID();
    const accountId = input.groupAccountId;
    await this.overrides.inOverrideTransaction(async (unit) => {
      const current = await unit.lockTier(accountId);
      if (!current) throw TierOverrideErrors.accountNotFound(accountId);
      // A newer override replaces the one in force; the tier before is the one before both.
      const replacedBefore = await unit.replaceInForce(accountId, caller.subject, id);
      await unit.insert({
        id,
        accountId,
        tier: input.tier,
        tierBefore: replacedBefore ?? current.tier,
        reason: input.reason.trim(),
        validUntil: input.validUntil,
        setBy: caller.subject,
      });
      await unit.putInForce(accountId, input.tier, id, current, today);
      if (current.tier === input.tier) return;
      await this.events.record(unit.manager, {
        type: 'TierChanged',
        aggregateId: accountId,
        payload: {
          groupAccountId: accountId,
          tier: input.tier,
          previousTier: current.tier,
          reason: 'OVERRIDE',
          policyVersion: current.policyVersion,
          runId: null,
          overrideId: id,
          effectiveFrom: today,
        },
      });
    });
    return this.byId(caller, id);
  }

  async revoke(
    caller: Caller,
    input: RevokeTierOverrideInput,
    today: CalendarDate = todayInChina(),
  ): Promise<TierOverrideType> {
    authorize(TIERING_PERMISSIONS, 'revokeTierOverride', caller);
    if (!isOverrideReasonLongEnough(input.reason)) throw TierOverrideErrors.endReasonTooShort();
    await this.overrides.inOverrideTransaction(async (unit) => {
      const found = await unit.lockOverride(input.overrideId);
      if (
        !found ||
        !(await this.visibility.visible(caller, [found.accountId])).has(found.accountId)
      ) {
        throw TierOverrideErrors.notFound(input.overrideId, 'input.overrideId');
      }
      if (!found.inForce) throw TierOverrideErrors.ended(input.overrideId);
      await this.overrides.end(
        unit.manager,
        [input.overrideId],
        caller.subject,
        'REVOKED',
        input.reason.trim(),
        today,
      );
    });
    return this.byId(caller, input.overrideId);
  }

  async list(
    caller: Caller,
    filter: { groupAccountId?: string | null; inForceOnly: boolean; first: number },
  ): Promise<TierOverrideType[]> {
    authorize(TIERING_PERMISSIONS, 'tierOverrides', caller);
    return this.overrides.findVisible(
      {
        groupAccountId: filter.groupAccountId ?? null,
        inForceOnly: filter.inForceOnly,
        first: Math.min(Math.max(filter.first, 1), 200),
      },
      this.visibility.condition(caller, 'group_account_id', '$4'),
      caller.subject,
    );
  }

  /** An override just set or revoked, as the caller sees it (part of those use cases). */
  async byId(caller: Caller, id: string): Promise<TierOverrideType> {
    const found = await this.overrides.findById(id);
    if (!found || !(await this.visibility.visible(caller, [found.groupAccountId])).size) {
      throw TierOverrideErrors.notFound(id, 'id');
    }
    return found;
  }

  /** The overrides in force on the given accounts the caller may see, by account. */
  async inForceOn(
    caller: Caller,
    accountIds: readonly string[],
    operation: 'GroupAccount.tierOverride' | 'tierExplanation' | 'GroupAccount.tierExplanation',
  ): Promise<Map<string, TierOverrideType>> {
    authorize(TIERING_PERMISSIONS, operation, caller);
    const visible = [...(await this.visibility.visible(caller, accountIds))];
    const rows = await this.overrides.findInForceOn(visible);
    return new Map(rows.map((row) => [row.groupAccountId, row]));
  }
}
