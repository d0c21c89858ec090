import type { CalendarDate } from '@gap/calendar';
import type { Tier } from '@gap/managers/domain';
import type { Tx } from './assignment.repository.js';

/** Days a handover planned by the system (a tier change) has to complete. */
export const SYSTEM_HANDOVER_DAYS = 14;

/** A handover assignment asks for, already decided and checked. */
export interface HandoverRequest {
  readonly accountId: string;
  readonly tier: Tier;
  readonly fromManagerId: string;
  readonly toManagerId: string;
  readonly cause: 'TIER_CHANGE' | 'REBALANCE';
  readonly reason: string;
  readonly dueOn: CalendarDate;
  readonly rebalanceId?: string | null;
}

/**
 * The port through which assignment asks for handovers without depending on the handover
 * feature (which depends on assignment): the managers module binds it to HandoverService.
 */
export abstract class HandoverPlanner {
  /** Writes the handovers in the caller's transaction; returns their ids. */
  abstract planMany(
    tx: Tx,
    plannedBy: string,
    plans: readonly HandoverRequest[],
  ): Promise<string[]>;
}
