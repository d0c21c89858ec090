import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import type { CoordinationOperation, Priority } from '@gap/coordination/domain';
import { RequestChange } from './request-change.js';
import type { RequestView } from './request.view.js';

/** Which request, at which version (stale: a CONFLICT naming `version`); the version may be left out. */
export interface Target {
  readonly id: string;
  readonly version?: number | null;
}

export interface CallbackCommand {
  readonly callerId: string;
  readonly calledAt: Date;
  readonly satisfaction: number;
  readonly confirmsResolution: boolean;
  readonly note?: string | null;
}

/**
 * The use cases of a request's life, one per command of the domain's transition; each runs
 * through {@link RequestChange} and answers the request as changed. `op` lets the REST edge
 * authorize under its own operation.
 */
@Injectable()
export class RequestCommandsService {
  constructor(private readonly change: RequestChange) {}

  triage(
    caller: Caller,
    t: Target & {
      leadDepartmentId: string;
      participatingDepartmentIds: readonly string[];
      priority?: Priority | null;
    },
    op: CoordinationOperation = 'triageCoordinationRequest',
  ): Promise<RequestView> {
    return this.change.run(caller, op, t.id, t.version, {
      kind: 'TRIAGE',
      leadDepartmentId: t.leadDepartmentId,
      participatingDepartmentIds: t.participatingDepartmentIds,
      ...(t.priority ? { priority: t.priority } : {}),
    });
  }

  reject(caller: Caller, t: Target & { reason: string }): Promise<RequestView> {
    return this.change.run(caller, 'rejectCoordinationRequest', t.id, t.version, {
      kind: 'REJECT',
      reason: t.reason,
    });
  }

  cancel(
    caller: Caller,
    t: Target & { reason: string },
    op: CoordinationOperation = 'cancelCoordinationRequest',
  ) {
    return this.change.run(caller, op, t.id, t.version, { kind: 'CANCEL', reason: t.reason });
  }

  acceptTask(
    caller: Caller,
    t: Target & { taskId: string },
    op: CoordinationOperation = 'acceptCoordinationTask',
  ) {
    return this.change.run(caller, op, t.id, t.version, {
      kind: 'TASK',
      taskId: t.taskId,
      action: { kind: 'ACCEPT' },
    });
  }

  completeTask(
    caller: Caller,
    t: Target & { taskId: string; note: string },
    op: CoordinationOperation = 'completeCoordinationTask',
  ) {
    return this.change.run(caller, op, t.id, t.version, {
      kind: 'TASK',
      taskId: t.taskId,
      action: { kind: 'COMPLETE', note: t.note },
    });
  }

  declineTask(
    caller: Caller,
    t: Target & { taskId: string; reason: string },
    op: CoordinationOperation = 'declineCoordinationTask',
  ) {
    return this.change.run(caller, op, t.id, t.version, {
      kind: 'TASK',
      taskId: t.taskId,
      action: { kind: 'DECLINE', reason: t.reason },
    });
  }

  waitForCustomer(caller: Caller, t: Target): Promise<RequestView> {
    return this.change.run(caller, 'waitForCustomer', t.id, t.version, {
      kind: 'WAIT_FOR_CUSTOMER',
    });
  }

  customerResponded(caller: Caller, t: Target): Promise<RequestView> {
    return this.change.run(caller, 'customerResponded', t.id, t.version, {
      kind: 'CUSTOMER_RESPONDED',
    });
  }

  resolve(caller: Caller, t: Target, op: CoordinationOperation = 'resolveCoordinationRequest') {
    return this.change.run(caller, op, t.id, t.version, { kind: 'RESOLVE' });
  }

  confirm(caller: Caller, t: Target): Promise<RequestView> {
    return this.change.run(caller, 'confirmCoordinationRequest', t.id, t.version, {
      kind: 'CONFIRM',
    });
  }

  recordCallback(
    caller: Caller,
    t: Target & { callback: CallbackCommand },
    op: CoordinationOperation = 'recordComplaintCallback',
    now?: Date,
  ) {
    const { note, ...callback } = t.callback;
    return this.change.run(
      caller,
      op,
      t.id,
      t.version,
      { kind: 'RECORD_CALLBACK', callback: note ? { ...callback, note } : callback },
      now,
    );
  }

  close(caller: Caller, t: Target, op: CoordinationOperation = 'closeCoordinationRequest') {
    return this.change.run(caller, op, t.id, t.version, { kind: 'CLOSE' });
  }

  reopen(
    caller: Caller,
    t: Target & { reason: string },
    op: CoordinationOperation = 'reopenCoordinationRequest',
  ) {
    return this.change.run(caller, op, t.id, t.version, { kind: 'REOPEN', reason: t.reason });
  }
}
