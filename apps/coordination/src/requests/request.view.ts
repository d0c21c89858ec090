import {
  BREACH_STATES,
  clockStatus,
  type BreachState,
  type BusinessCalendar,
  type Callback,
  type ClockStatus,
  type SlaClock,
  type Task,
} from '@gap/coordination/domain';
import type { StoredRequest } from './request.repository.js';

export interface ClockView extends ClockStatus {
  readonly kind: string;
  readonly startedAt: Date;
  readonly targetMinutes: number;
  readonly paused: boolean;
}

/** A request as the reads give it: its fields, tasks, callbacks and both clocks as of now. */
export interface RequestView {
  readonly id: string;
  readonly reference: string;
  readonly groupAccountId: string;
  readonly accountTier: string;
  readonly title: string;
  readonly description: string;
  readonly type: string;
  readonly priority: string;
  readonly state: string;
  readonly complaintCategory: string | null;
  readonly raisedByKind: string;
  readonly raisedBy: string;
  readonly leadDepartmentId: string | null;
  readonly participatingDepartmentIds: string[];
  readonly tasks: Task[];
  readonly callbacks: Callback[];
  readonly waitingForCustomer: boolean;
  readonly resolvedAt: Date | null;
  readonly closedAt: Date | null;
  readonly endReason: string | null;
  readonly reopenCount: number;
  readonly responseClock: ClockView | null;
  readonly resolutionClock: ClockView | null;
  /** The worse of the two clocks' breach states. */
  readonly breachState: BreachState;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

function clockView(
  clock: SlaClock | null,
  now: Date,
  calendar: BusinessCalendar,
): ClockView | null {
  if (!clock) return null;
  const status = clockStatus(clock, now, calendar);
  return {
    ...status,
    kind: clock.kind,
    startedAt: clock.startedAt,
    targetMinutes: clock.targetMinutes,
    paused: status.run === 'PAUSED',
  };
}

export function requestView(
  stored: StoredRequest,
  now: Date,
  calendar: BusinessCalendar,
): RequestView {
  const r = stored.body.request;
  const responseClock = clockView(stored.body.clocks.response, now, calendar);
  const resolutionClock = clockView(stored.body.clocks.resolution, now, calendar);
  const worst = Math.max(
    ...[responseClock, resolutionClock].map((c) => (c ? BREACH_STATES.indexOf(c.breach) : 0)),
  );
  return {
    id: stored.id,
    reference: stored.reference,
    groupAccountId: stored.accountId,
    accountTier: stored.tier,
    title: stored.title,
    description: stored.description,
    type: r.type,
    priority: r.priority,
    state: r.state,
    complaintCategory: stored.body.complaintCategory,
    raisedByKind: r.raisedBy.kind,
    raisedBy: r.raisedBy.id,
    leadDepartmentId: r.leadDepartmentId,
    participatingDepartmentIds: [...r.participatingDepartmentIds],
    tasks: [...r.tasks],
    callbacks: [...r.callbacks],
    waitingForCustomer: r.waitingForCustomer,
    resolvedAt: r.resolvedAt,
    closedAt: r.closedAt,
    endReason: r.endReason,
    reopenCount: r.reopenCount,
    responseClock,
    resolutionClock,
    breachState: BREACH_STATES[worst] ?? 'ON_TRACK',
    version: stored.version,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}
