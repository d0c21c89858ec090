import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/authz';
import { stateRefusal } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { HandoverQueryService } from './handover-query.service.js';
import { HandoverTransition } from './handover-transition.js';
import { HandoverErrors } from './handover.errors.js';
import { HandoverRepository } from './handover.repository.js';
import type { HandoverType } from './handover.types.js';
import { movedPayload } from './handover.events.js';

/** Shadowing begins: the incoming manager joins the account's team until completion. */
@Injectable()
export class StartHandoverService {
  constructor(
    private readonly transition: HandoverTransition,
    private readonly handovers: HandoverRepository,
    private readonly store: AssignmentStore,
    private readonly queries: HandoverQueryService,
    private readonly events: OutboxPublisher,
  ) {}

  async start(caller: Caller, id: string): Promise<HandoverType> {
    await this.transition.run(caller, 'startHandover', id, async ({ tx, handover }) => {
      const refusal = stateRefusal(handover.state, 'START');
      if (refusal) throw HandoverErrors.inState(id, refusal);
      await this.handovers.markShadowing(tx, id);
      await this.store.publishTeam(tx, handover.groupAccountId);
      await this.events.record(tx, {
        type: 'HandoverStarted',
        aggregateId: handover.groupAccountId,
        payload: movedPayload(handover),
      });
    });
    return this.queries.byId(caller, id);
  }
}
