import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { authorize, type Caller } from '@gap/auth';
import {
  COORDINATION_PERMISSIONS,
  departmentsNamed,
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
import { requestView, type RequestView } from './request.view.js';
import { RequestRepository } from './request.repository.js';
import { actorOf, RequestViewers } from './request-viewer.js';
import { visibleCondition } from './request-visibility.js';
import { SlaContextReader } from './sla-context.js';

/**
 * One change of a request, whatever the command: authorize, lock the request if the caller sees
 * it, check it is not stale, `transition`, apply the effects to the clocks, save, audit, record
 * the events and replan the escalation ladder, all in one transaction. A refusal writes nothing.
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
  ): Promise<RequestView> {
    authorize(COORDINATION_PERMISSIONS, operation, caller);
    const viewer = await this.viewers.of(caller);
    return this.requests.transaction(async (tx) => {
      const stored = await this.requests.lock(tx, id, (alias, params) =>
        visibleCondition(viewer, alias, params),
      );
      if (!stored) throw RequestErrors.notFound(id);
      if (version !== null && version !== undefined && version !== stored.version) {
        throw RequestErrors.staleVersion(id, version, stored.version);
      }
      const { policy, calendar } = await this.sla.read(tx);
      const before = stored.body;
      const outcome = transition(before.request, command, {
        actor: actorOf(viewer),
        now,
        reopenWindowDays: policy.reopenWindowDays,
        knownDepartmentIds:
          departmentsNamed(command).length > 0
            ? await this.requests.activeDepartmentIds(tx)
            : new Set<string>(),
        newTaskId: () => randomUUID(),
      });
      if (!outcome.ok) throw RequestErrors.refused(outcome.refusal);
      const request = outcome.request;
      const subject = { tier: stored.tier, priority: request.priority, type: request.type };
      const clocks = applyClockEffects(before.clocks, outcome.effects, now, policy, subject);
      const after: RequestBody = { ...before, request, clocks };
      const marks = slaMarks(request, clocks, calendar, now);
      const saved = await this.requests.save(tx, stored, after, marks);
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
      await this.planner.replan(tx, id, clocks);
      return requestView(saved, now, calendar);
    });
  }
}
