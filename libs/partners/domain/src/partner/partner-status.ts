import { isReasonLongEnough, reason, type Reason } from '@gap/i18n';
import { isUnderContract, type Partner, type PartnerStatus } from './partner.js';

/** Which status may follow which: ENDED is final; a suspension is lifted or ends. */
export const PARTNER_STATUS_TRANSITIONS: Readonly<Record<PartnerStatus, readonly PartnerStatus[]>> =
  {
    ACTIVE: ['SUSPENDED', 'ENDED'],
    SUSPENDED: ['ACTIVE', 'ENDED'],
    ENDED: [],
  };

export type PartnerStatusRefusalCode =
  | 'PARTNER_STATUS_UNCHANGED'
  | 'PARTNER_ENDED'
  | 'PARTNER_STATUS_REASON_REQUIRED'
  | 'PARTNER_CONTRACT_NOT_IN_FORCE';

export type PartnerStatusChange =
  | { readonly ok: true; readonly partner: Partner; readonly revokeCredentials: boolean }
  | { readonly ok: false; readonly refusal: Reason<PartnerStatusRefusalCode> };

/**
 * The partner in its new status, and whether its credentials must be revoked at once (any
 * status but ACTIVE); or why not. Suspending and ending need a reason the partner is told;
 * a partner is reactivated only while its contract is in force.
 */
export function changePartnerStatus(
  partner: Partner,
  to: PartnerStatus,
  why: string | null,
  today: string,
): PartnerStatusChange {
  const figures = { partnerId: partner.id, from: partner.status, to };
  const refuse = (code: PartnerStatusRefusalCode): PartnerStatusChange => ({
    ok: false,
    refusal: reason(code, figures),
  });
  if (partner.status === to) return refuse('PARTNER_STATUS_UNCHANGED');
  if (!PARTNER_STATUS_TRANSITIONS[partner.status].includes(to)) return refuse('PARTNER_ENDED');
  if (to !== 'ACTIVE' && !isReasonLongEnough(why)) return refuse('PARTNER_STATUS_REASON_REQUIRED');
  if (to === 'ACTIVE' && !isUnderContract(partner, today)) {
    return refuse('PARTNER_CONTRACT_NOT_IN_FORCE');
  }
  return { ok: true, partner: { ...partner, status: to }, revokeCredentials: to !== 'ACTIVE' };
}
