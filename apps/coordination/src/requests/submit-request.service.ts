import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { authorize, type Caller } from '@gap/auth';
import {
  COMPLAINT_CATEGORIES,
  COORDINATION_PERMISSIONS,
  PRIORITIES,
  REQUEST_TYPES,
  startClock,
  submissionEvents,
  submittedRequest,
  type CoordinationOperation,
  type Priority,
  type RequestType,
} from '@gap/coordination/domain';
import type { FieldViolation } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { EscalationPlanner } from '../sla/escalation-planner.js';
import { slaMarks } from './request-clocks.js';
import { pendingEvents } from './request-outbox.js';
import { checkOneOf, checkText, checkUuid } from './request-input.check.js';
import type { RequestBody } from './request.body.js';
import { RequestErrors } from './request.errors.js';
import { RequestRepository } from './request.repository.js';
import { RequestViewers } from './request-viewer.js';
import { accountVisibleCondition } from './request-visibility.js';
import { SlaContextReader } from './sla-context.js';

export interface SubmitRequestCommand {
  readonly groupAccountId: string;
  readonly type: string;
  readonly priority: string;
  readonly title: string;
  readonly description: string;
  readonly complaintCategory?: string | null;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A request reaches the coordination team: a manager raises it for an account they see, or
 * the team itself for any. It gets its reference, the account's tier (C until tiering has
 * said) and its response clock under the policy in force.
 */
@Injectable()
export class SubmitRequestService {
  constructor(
    private readonly requests: RequestRepository,
    private readonly viewers: RequestViewers,
    private readonly sla: SlaContextReader,
    private readonly events: OutboxPublisher,
    private readonly planner: EscalationPlanner,
  ) {}

  async submit(
    caller: Caller,
    input: SubmitRequestCommand,
    operation: CoordinationOperation = 'submitCoordinationRequest',
    now: Date = new Date(),
  ): Promise<string> {
    authorize(COORDINATION_PERMISSIONS, operation, caller);
    const problems: FieldViolation[] = [];
    checkUuid('input.groupAccountId', input.groupAccountId, problems);
    const title = checkText('input.title', input.title, { maxLength: 200 }, problems);
    const description = checkText(
      'input.description',
      input.description,
      { maxLength: 4000, multiline: true },
      problems,
    );
    checkOneOf('input.type', input.type, REQUEST_TYPES, problems);
    checkOneOf('input.priority', input.priority, PRIORITIES, problems);
    const category = input.type === 'COMPLAINT' ? (input.complaintCategory ?? null) : null;
    if (category !== null)
      checkOneOf('input.complaintCategory', category, COMPLAINT_CATEGORIES, problems);
    if (problems.length > 0) throw RequestErrors.invalid(problems);
    if (input.type === 'COMPLAINT' && category === null)
      throw RequestErrors.complaintCategoryRequired();

    const viewer = await this.viewers.of(caller);
    const id = randomUUID();
    await this.requests.transaction(async (tx) => {
      const params: unknown[] = [input.groupAccountId];
      const [visible] = await tx.query<unknown[]>(
        `SELECT 1 WHERE ${accountVisibleCondition(viewer, '$1::uuid', params)}`,
        params,
      );
      if (!visible) throw RequestErrors.accountNotFound(input.groupAccountId);
      const { policy, calendar } = await this.sla.read(tx);
      const tier = await this.requests.tierOf(tx, input.groupAccountId);
      const request = submittedRequest({
        id,
        accountId: input.groupAccountId,
        type: input.type as RequestType,
        priority: input.priority as Priority,
        raisedBy: {
          kind: viewer.coordinator ? 'COORDINATION_TEAM' : 'MANAGER',
          id: caller.subject,
        },
      });
      const response = startClock('RESPONSE', now, policy, {
        tier,
        priority: request.priority,
        type: request.type,
      });
      const body: RequestBody = {
        request,
        clocks: { response, resolution: null },
        complaintCategory: category,
      };
      const year = new Date(now.getTime() + CHINA_OFFSET_MS).getUTCFullYear();
      const { dueAt, ...marks } = slaMarks(request, body.clocks, calendar, now);
      const stored = await this.requests.insert(
        tx,
        { id, tier, title, description, slaPolicyVersion: policy.version, body, dueAt, marks },
        year,
      );
      await this.requests.audit(tx, {
        requestId: id,
        actor: caller.subject,
        action: 'SUBMIT',
        before: null,
        after: body,
      });
      const events = submissionEvents(request, {
        by: caller.subject,
        reference: stored.reference,
        title,
        complaintCategory: category,
      });
      await this.events.recordAll(tx, pendingEvents(input.groupAccountId, events));
      await this.planner.replan(tx, id, body.clocks);
    });
    return id;
  }
}
