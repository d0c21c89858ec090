import { reason, type Reason } from '@gap/i18n';
import type { ManagerPolicy, Waiver } from '../policy.js';

/** Who is asking to waive an item, in relation to the handover. */
export interface WaiverActor {
  readonly isOutgoingManager: boolean;
  readonly isIncomingManager: boolean;
  /** Supervises (directly or through others) one of the handover's two managers. */
  readonly isSupervisor: boolean;
  readonly isAdmin: boolean;
}

export type WaiverRefusal = Reason<'WAIVER_NOT_ALLOWED'>;

/** The capacities in which the actor may waive, under the policy's list. */
function capacities(actor: WaiverActor): Waiver[] {
  const held: Waiver[] = [];
  if (actor.isOutgoingManager) held.push('OUTGOING_MANAGER');
  if (actor.isSupervisor) held.push('SUPERVISOR');
  if (actor.isAdmin) held.push('ADMIN');
  return held;
}

/**
 * Whether the actor may waive a checklist item: null if so. The checklist protects the
 * incoming manager and the customer, so the incoming manager never waives alone, whatever
 * the policy lists; the others only as the policy says.
 */
export function waiverRefusal(actor: WaiverActor, policy: ManagerPolicy): WaiverRefusal | null {
  const allowed = policy.handover.waivedBy;
  if (capacities(actor).some((capacity) => allowed.includes(capacity))) return null;
  return reason('WAIVER_NOT_ALLOWED', {
    allowed: allowed.join(', '),
    incoming: actor.isIncomingManager,
  });
}
