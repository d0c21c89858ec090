import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@gap/authz';
import { stateRefusal } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { HandoverQueryService } from './handover-query.service.js';
import { HandoverTransition } from './handover-transition.js';
import { HandoverErrors } from './handover.errors.js';
import { movedPayload } from './handover.events.js';
import { HandoverRepository, type HandoverRow } from './handover.repository.js';
import { reasonViolation } from './handover.rules.js';
import type { CancelHandoverInput, HandoverType } from './handover.types.js';

/** Cancelling an open handover, with a reason: the outgoing manager simply stays primary. */
@Injectable()
export class CancelHandoverService {
  constructor(
    private readonly transition: HandoverTransition,
    private readonly handovers: HandoverRepository,
    private readonly store: AssignmentStore,
    private readonly queries: HandoverQueryService,
    private readonly events: OutboxPublisher,
  ) {}

  async cancel(caller: Caller, input: CancelHandoverInput): Promise<HandoverType> {
    const reason = input.reason.trim();
    await this.transition.run(
      caller,
      'cancelHandover',
      input.handoverId,
      async ({ tx, handover }) => {
        const violations = reasonViolation(
          reason,
          'input.reason',
          'why it is cancelled',
          '取消原因',
        );
        if (violations.length > 0) throw HandoverErrors.invalid(violations);
        await this.cancelLocked(tx, handover, caller.subject, reason);
      },
    );
    return this.queries.byId(caller, input.handoverId);
  }

  /** Cancels an open handover in the caller's transaction (its account and itself locked). */
  async cancelLocked(
    tx: EntityManager,
    handover: HandoverRow,
    by: string,
    reason: string,
  ): Promise<void> {
    const refusal = stateRefusal(handover.state, 'CANCEL');
    if (refusal) throw HandoverErrors.inState(handover.id, refusal);
    await this.handovers.markCancelled(tx, handover.id, by, reason);
    if (handover.state === 'SHADOWING') await this.store.publishTeam(tx, handover.groupAccountId);
    await this.events.record(tx, {
      type: 'HandoverCancelled',
      aggregateId: handover.groupAccountId,
      payload: { ...movedPayload(handover), reason },
    });
  }
}
