import { reason, type Reason } from '@gap/i18n';
import type { AccountTier, PartnersPolicy } from '../policy.js';
import { isDealRegistrationActive, type DealRegistration } from './deal-registration.js';

const DAY_MS = 86_400_000;

/** The matched account as the partners service's projection knows it. */
export interface ConflictAccount {
  readonly id: string;
  readonly primaryManagerId: string | null;
  readonly tier: AccountTier | null;
  /** Served directly by the operator's own people, never through a channel. */
  readonly directProtected: boolean;
}

/** An open lead for the same company, whichever partner submitted it. */
export interface EarlierLead {
  readonly leadId: string;
  readonly partnerId: string;
  readonly receivedAt: Date;
}

export interface ChannelConflictInput {
  /** The partner that submitted the lead being judged. */
  readonly partnerId: string;
  readonly receivedAt: Date;
  /** The account the lead matched, or null for a new company. */
  readonly account: ConflictAccount | null;
  /** Deal registrations on the matched account (all partners, any status). */
  readonly registrations: readonly DealRegistration[];
  /** Other open leads for the same company (the partner's own are ignored). */
  readonly otherLeads: readonly EarlierLead[];
  readonly now: Date;
}

/** In precedence order: the first that applies names the winner. */
export const CONFLICT_REASON_CODES = [
  'TIER_A_DIRECT_PROTECTED',
  'ACCOUNT_OWNED_BY_MANAGER',
  'REGISTERED_BY_OTHER_PARTNER',
  'EARLIER_LEAD_OF_OTHER_PARTNER',
] as const;
export type ConflictReasonCode = (typeof CONFLICT_REASON_CODES)[number];
export type ConflictReason = Reason<ConflictReasonCode>;

export type ConflictWinner =
  | { readonly kind: 'MANAGER'; readonly managerId: string | null }
  | { readonly kind: 'PARTNER'; readonly partnerId: string };

export type ChannelConflictOutcome =
  | {
      readonly kind: 'NO_CONFLICT';
      /** The partner's own active registration on the account, which kept others' leads off. */
      readonly heldBy: DealRegistration | null;
    }
  | {
      readonly kind: 'CONFLICT';
      readonly winner: ConflictWinner;
      /** The deciding reason: the first of `reasons`. */
      readonly reason: ConflictReasonCode;
      /** Every reason that applies, deciding one first, with its figures. */
      readonly reasons: readonly ConflictReason[];
    };

const byTimeThenId =
  <T>(time: (x: T) => Date, id: (x: T) => string) =>
  (a: T, b: T) =>
    time(a).getTime() - time(b).getTime() || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

/** The active registration holding the account: the earliest registered, if any. */
export function registrationHolder(
  accountId: string,
  registrations: readonly DealRegistration[],
  now: Date,
): DealRegistration | null {
  const active = registrations
    .filter((r) => r.accountId === accountId && isDealRegistrationActive(r, now))
    .sort(
      byTimeThenId(
        (r) => r.registeredAt,
        (r) => r.id,
      ),
    );
  return active[0] ?? null;
}

/**
 * Whether a partner's lead collides with the operator's own people or with another partner,
 * who wins and why. The operator's direct relationship comes first (a protected tier, then a
 * manager already owning the account); then an active deal registration; then the earliest
 * lead of another partner within the protection window. A partner's own registration keeps
 * other partners' earlier leads off, since registering is how a partner claims a deal.
 */
export function judgeChannelConflict(
  input: ChannelConflictInput,
  policy: PartnersPolicy,
): ChannelConflictOutcome {
  const { account, partnerId } = input;
  const reasons: { reason: ConflictReason; winner: ConflictWinner }[] = [];
  if (account !== null) {
    const manager: ConflictWinner = { kind: 'MANAGER', managerId: account.primaryManagerId };
    if (
      account.directProtected &&
      account.tier !== null &&
      policy.directProtectedTiers.includes(account.tier)
    ) {
      reasons.push({
        reason: reason('TIER_A_DIRECT_PROTECTED', { accountId: account.id, tier: account.tier }),
        winner: manager,
      });
    }
    if (account.primaryManagerId !== null) {
      reasons.push({
        reason: reason('ACCOUNT_OWNED_BY_MANAGER', {
          accountId: account.id,
          managerId: account.primaryManagerId,
        }),
        winner: manager,
      });
    }
  }
  const holder = account ? registrationHolder(account.id, input.registrations, input.now) : null;
  if (holder !== null && holder.partnerId !== partnerId) {
    reasons.push({
      reason: reason('REGISTERED_BY_OTHER_PARTNER', {
        partnerId: holder.partnerId,
        registrationId: holder.id,
        expiresAt: holder.expiresAt.toISOString(),
      }),
      winner: { kind: 'PARTNER', partnerId: holder.partnerId },
    });
  }
  const ownRegistration = holder !== null && holder.partnerId === partnerId;
  const windowStart = input.receivedAt.getTime() - policy.protectionWindowDays * DAY_MS;
  const earlier = ownRegistration
    ? undefined
    : input.otherLeads
        .filter(
          (l) =>
            l.partnerId !== partnerId &&
            l.receivedAt.getTime() < input.receivedAt.getTime() &&
            l.receivedAt.getTime() >= windowStart,
        )
        .sort(
          byTimeThenId(
            (l) => l.receivedAt,
            (l) => l.leadId,
          ),
        )[0];
  if (earlier !== undefined) {
    reasons.push({
      reason: reason('EARLIER_LEAD_OF_OTHER_PARTNER', {
        partnerId: earlier.partnerId,
        leadId: earlier.leadId,
        receivedAt: earlier.receivedAt.toISOString(),
        windowDays: policy.protectionWindowDays,
      }),
      winner: { kind: 'PARTNER', partnerId: earlier.partnerId },
    });
  }
  const [deciding] = reasons;
  if (deciding === undefined) {
    return { kind: 'NO_CONFLICT', heldBy: ownRegistration ? holder : null };
  }
  return {
    kind: 'CONFLICT',
    winner: deciding.winner,
    reason: deciding.reason.code,
    reasons: reasons.map((r) => r.reason),
  };
}
