import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { retargetOpenClock, type AccountTier, type SlaClock } from '@gap/coordination/domain';
import { TierRetargeter } from '../accounts/tier-retargeter.js';
import { EscalationPlanner } from '../sla/escalation-planner.js';
import { SlaCalendarSource } from '../sla/sla-calendar.source.js';
import { slaMarks } from './request-clocks.js';
import type { RequestBody, RequestClocks } from './request.body.js';
import { RequestRepository } from './request.repository.js';

/** Who the audit trail names for a change the platform made on tiering's word. */
export const TIERING_ACTOR = 'tiering';

/**
 * A tier change re-targets the clocks still counting on the account's open requests: each takes
 * the new tier's target under its own policy version (a new tier is not a new policy), counted
 * from the moment tiering changed it, never back-dated (see `retargetOpenClock`). Each request
 * is saved, audited and planned again in the consumer's transaction; its escalation steps
 * planned under the old target find themselves stale.
 */
@Injectable()
export class TierRetargetService extends TierRetargeter {
  constructor(
    private readonly requests: RequestRepository,
    private readonly source: SlaCalendarSource,
    private readonly planner: EscalationPlanner,
  ) {
    super();
  }

  async retarget(
    tx: EntityManager,
    accountId: string,
    tier: AccountTier,
    at: Date,
    now: Date = new Date(),
  ): Promise<number> {
    const open = await this.requests.lockOpenOnOtherTier(tx, accountId, tier);
    if (open.length === 0) return 0;
    const calendar = await this.source.calendar(tx);
    for (const stored of open) {
      const before = stored.body;
      const subject = { tier, priority: before.request.priority, type: before.request.type };
      const move = async (clock: SlaClock | null) =>
        clock &&
        retargetOpenClock(clock, await this.source.policy(clock.policyVersion, tx), subject, at);
      const clocks: RequestClocks = {
        response: await move(before.clocks.response),
        resolution: await move(before.clocks.resolution),
      };
      const after: RequestBody = { ...before, clocks };
      const marks = slaMarks(after.request, clocks, calendar, now);
      await this.requests.save(tx, stored, after, marks, tier);
      await this.requests.audit(tx, {
        requestId: stored.id,
        actor: TIERING_ACTOR,
        action: 'RETARGET',
        before,
        after,
      });
      await this.planner.replan(tx, stored.id, clocks);
    }
    return open.length;
  }
}
