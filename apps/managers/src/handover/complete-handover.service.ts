import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/authz';
import { completionRefusal, type ManagerStatus } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { AccountManagerRepository } from '../managers/account-manager.repository.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { HandoverQueryService } from './handover-query.service.js';
import { HandoverTransition } from './handover-transition.js';
import { HandoverErrors } from './handover.errors.js';
import { movedPayload } from './handover.events.js';
import { HandoverRepository } from './handover.repository.js';
import type { HandoverType } from './handover.types.js';

/**
 * The switch: the incoming manager becomes primary in one statement. Refused unless the
 * handover is shadowing with every item done or waived, the incoming manager is still active
 * with a grade that may own the account's tier now, and the policy's shadow period is over.
 */
@Injectable()
export class CompleteHandoverService {
  constructor(
    private readonly transition: HandoverTransition,
    private readonly handovers: HandoverRepository,
    private readonly managers: AccountManagerRepository,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly queries: HandoverQueryService,
    private readonly events: OutboxPublisher,
  ) {}

  async complete(caller: Caller, id: string, now: Date = new Date()): Promise<HandoverType> {
    await this.transition.run(caller, 'completeHandover', id, async ({ tx, handover, account }) => {
      const incoming = await this.managers.lock(tx, handover.toManagerId);
      const refusal = completionRefusal(
        {
          state: handover.state,
          tier: account.tier,
          startedAt: handover.startedAt,
          openItems: await this.handovers.openItemKeys(tx, id),
          incoming: {
            id: handover.toManagerId,
            status: (incoming?.status ?? 'LEFT') as ManagerStatus,
            grade: incoming?.grade ?? 'CHANNEL',
          },
        },
        await this.policies.current(tx),
        now,
      );
      if (refusal) throw HandoverErrors.completionRefused(id, refusal);
      const leadTimeDays = await this.handovers.markCompleted(tx, id);
      await this.handovers.leaveTeam(tx, handover.groupAccountId, handover.toManagerId);
      await this.store.setPrimary(tx, {
        accountId: handover.groupAccountId,
        managerId: handover.toManagerId,
        previousManagerId: account.primaryManagerId,
        reason: 'HANDOVER',
        by: caller.subject,
      });
      await this.store.publishTeam(tx, handover.groupAccountId);
      await this.events.record(tx, {
        type: 'HandoverCompleted',
        aggregateId: handover.groupAccountId,
        payload: { ...movedPayload(handover), leadTimeDays },
      });
    });
    return this.queries.byId(caller, id);
  }
}
