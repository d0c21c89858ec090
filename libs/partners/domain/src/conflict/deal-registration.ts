import type { PartnersPolicy } from '../policy.js';

const DAY_MS = 86_400_000;

/**
 * A partner's claim on an account for a deal it is working: while it holds, other partners'
 * leads for that account are in conflict with it. It expires on its own; it may be withdrawn.
 */
export interface DealRegistration {
  readonly id: string;
  readonly partnerId: string;
  readonly accountId: string;
  readonly registeredAt: Date;
  readonly expiresAt: Date;
  readonly withdrawnAt?: Date | null;
}

export type DealRegistrationStatus = 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';

/** When a registration made at `registeredAt` expires under the policy. */
export function dealRegistrationExpiry(registeredAt: Date, policy: PartnersPolicy): Date {
  return new Date(registeredAt.getTime() + policy.dealRegistrationDays * DAY_MS);
}

/** A registration's status at `now`; it holds from its registration until (not at) expiry. */
export function dealRegistrationStatus(
  registration: DealRegistration,
  now: Date,
): DealRegistrationStatus {
  const { withdrawnAt, expiresAt } = registration;
  if (withdrawnAt && withdrawnAt.getTime() <= now.getTime()) return 'WITHDRAWN';
  return now.getTime() < expiresAt.getTime() ? 'ACTIVE' : 'EXPIRED';
}

export function isDealRegistrationActive(registration: DealRegistration, now: Date): boolean {
  return (
    registration.registeredAt.getTime() <= now.getTime() &&
    dealRegistrationStatus(registration, now) === 'ACTIVE'
  );
}

/**
 * The registrations that have expired by `now` and whose expiry has not been announced yet
 * (`announced` holds their ids): each becomes one DealExpired event.
 */
export function registrationsToExpire(
  registrations: readonly DealRegistration[],
  announced: ReadonlySet<string>,
  now: Date,
): DealRegistration[] {
  return registrations.filter(
    (r) => !announced.has(r.id) && dealRegistrationStatus(r, now) === 'EXPIRED',
  );
}
