import { Injectable } from '@nestjs/common';
import { hasRole, type Caller } from '@gap/authz';
import { stateRefusal, waiverRefusal } from '@gap/managers/domain';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { HandoverQueryService } from './handover-query.service.js';
import { HandoverTransition } from './handover-transition.js';
import { HandoverErrors } from './handover.errors.js';
import { HandoverRepository } from './handover.repository.js';
import { reasonViolation } from './handover.rules.js';
import type { HandoverType, ResolveChecklistItemInput } from './handover.types.js';

/**
 * Marks a checklist item done (telling the customer needs the channel) or waives it with a
 * reason. Waiving is for whom the policy names; never the incoming manager alone.
 */
@Injectable()
export class ResolveChecklistItemService {
  constructor(
    private readonly transition: HandoverTransition,
    private readonly handovers: HandoverRepository,
    private readonly policies: ManagerPolicyService,
    private readonly queries: HandoverQueryService,
  ) {}

  async resolve(caller: Caller, input: ResolveChecklistItemInput): Promise<HandoverType> {
    const note = input.note?.trim() || null;
    const id = input.handoverId;
    await this.transition.run(caller, 'resolveChecklistItem', id, async (context) => {
      const { tx, handover, team } = context;
      if (input.outcome === 'WAIVED') {
        const violations = reasonViolation(
          note,
          'input.note',
          'why the item is waived',
          '豁免原因',
        );
        if (violations.length > 0) throw HandoverErrors.invalid(violations);
        const refusal = waiverRefusal(
          {
            isOutgoingManager: caller.subject === handover.fromManagerId,
            isIncomingManager: caller.subject === handover.toManagerId,
            isSupervisor:
              hasRole(caller, 'SUPERVISOR') &&
              (team.has(handover.fromManagerId) || team.has(handover.toManagerId)),
            isAdmin: hasRole(caller, 'ADMIN'),
          },
          await this.policies.current(tx),
        );
        if (refusal) throw HandoverErrors.waiverNotAllowed(refusal);
      }
      const closed = stateRefusal(handover.state, 'RESOLVE_ITEM');
      if (closed) throw HandoverErrors.inState(id, closed, 'input.handoverId');
      const item = await this.handovers.item(tx, id, input.key);
      if (!item) throw HandoverErrors.itemNotFound(id, input.key);
      if (item.state !== 'OPEN') throw HandoverErrors.itemResolved(input.key, item.state);
      if (item.kind === 'CUSTOMER_NOTIFIED' && input.outcome === 'DONE' && !input.channel) {
        throw HandoverErrors.channelRequired();
      }
      await this.handovers.resolveItem(tx, {
        handoverId: id,
        key: input.key,
        outcome: input.outcome,
        note,
        channel: input.channel ?? null,
        by: caller.subject,
      });
    });
    return this.queries.byId(caller, id);
  }
}
