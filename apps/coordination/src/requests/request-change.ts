import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { authorize, type Caller } from '@gap/auth';
import {
  COORDINATION_PERMISSIONS,
  requestEvents,
  transition,
  type CoordinationOperation,
  type RequestCommand,
} from '@gap/coordination/domain';
import { OutboxPublisher } from '@gap/messaging';
import { EscalationPlanner } from '../sla/escalation-planner.js';
import { applyClockEffects, slaMarks } from './request-clocks.js';
import { pendingEvents } from './request-outbox.js';
import type { RequestBody } from './request.body.js';
import { RequestErrors } from './request.errors.js';
import { RequestRepository, type Tx } from './request.repository.js';
import { actorOf, RequestViewers } from './request-viewer.js';
import { visibleCondition } from './request-visibility.js';
import { SlaContextReader } from './sla-context.js';

/**
 * One change of a request, whatever the command: authorize, lock, load, check it is visible and
 * not stale, `transition`, apply the effects to the clocks, save, audit, record the events and
 * replan the escalation ladder, all in one transaction. A refusal writes nothing.
 */
@Injectable()
export class RequestChange {
  constructor(
    private readonly requests: RequestRepository,
    private readonly viewers: RequestViewers,
    private readonly sla: SlaContextReader,
    private readonly events: OutboxPublisher,
    private readonly planner: EscalationPlanner,
  ) {}

  async run(
    caller: Caller,
    operation: CoordinationOperation,
    id: string,
    version: number | null | undefined,
    command: RequestCommand,
    now: Date = new Date(),
  ): Promise<string> {
    authorize(COORDINATION_PERMISSIONS, operation, caller);
    const viewer = await this.viewers.of(caller);
    await this.requests.transaction(async (tx) => {
      const stored = await this.requests.lock(tx, id);
      if (!stored || !(await this.visible(tx, viewer, id))) throw RequestErrors.notFound(id);
      if (version !== null && version !== undefined && version !== stored.version) {
        throw RequestErrors.staleVersion(id, version, stored.version);
      }
      const { policy, calendar } = await this.sla.read(tx);
      const before = stored.body;
      const outcome = transition(before.request, command, {
        actor: actorOf(viewer),
        now,
        reopenWindowDays: policy.reopenWindowDays,
        knownDepartmentIds: await this.requests.activeDepartmentIds(tx),
        newTaskId: () => randomUUID(),
      });
      if (!outcome.ok) throw RequestErrors.refused(outcome.refusal);
      const request = outcome.request;
      const subject = { tier: stored.tier, priority: request.priority, type: request.type };
      const clocks = applyClockEffects(before.clocks, outcome.effects, now, policy, subject);
      const after: RequestBody = { ...before, request, clocks };
      await this.requests.save(tx, stored, after, slaMarks(request, clocks, calendar, now));
      await this.requests.audit(tx, {
        requestId: id,
        actor: caller.subject,
        action: command.kind,
        before,
        after,
      });
      const events = requestEvents(before.request, request, command, {
        by: caller.subject,
        reference: stored.reference,
        title: stored.title,
        complaintCategory: after.complaintCategory,
      });
      await this.events.recordAll(tx, pendingEvents(stored.accountId, events));
      await this.planner.replan(tx, id);
    });
    return id;
  }

  private async visible(tx: Tx, viewer: Parameters<typeof visibleCondition>[0], id: string) {
    const params: unknown[] = [id];
    const condition = visibleCondition(viewer, 'r', params);
    const rows = await tx.query<unknown[]>(
      `SELECT 1 FROM coordination.request r WHERE r.id = $1 AND ${condition}`,
      params,
    );
    return rows.length > 0;
  }
}
