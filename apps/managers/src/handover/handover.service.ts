import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { authorize, type Caller } from '@gap/authz';
import { addDays, todayInChina, type CalendarDate } from '@gap/calendar';
import { HANDOVER_PERMISSIONS, type Tier } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { HandoverPlanner } from '../assignment/handover-planner.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { HandoverAccess } from './handover-access.js';
import { HandoverChecklist } from './handover-checklist.js';
import { HandoverQueryService } from './handover-query.service.js';
import { HandoverErrors } from './handover.errors.js';
import { HandoverRepository } from './handover.repository.js';
import {
  assertMayTake,
  assertNoOpenHandover,
  DEFAULT_HANDOVER_DAYS,
  dueViolations,
  reasonViolation,
} from './handover.rules.js';
import type { HandoverCause, HandoverType, PlanHandoverInput } from './handover.types.js';

/** One handover to write, already decided. */
export interface HandoverPlan {
  readonly accountId: string;
  readonly tier: Tier;
  readonly fromManagerId: string;
  readonly toManagerId: string;
  readonly cause: HandoverCause;
  readonly reason: string;
  readonly dueOn: CalendarDate;
  readonly rebalanceId?: string | null;
}

/**
 * Planning handovers (交接): an account passes from its primary manager to another as a
 * process, not a field update. Planning reserves capacity with the incoming manager and draws
 * up a checklist; the outgoing manager stays primary until completion. One open handover per
 * account, by a unique index.
 */
@Injectable()
export class HandoverService implements HandoverPlanner {
  constructor(
    private readonly handovers: HandoverRepository,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly checklist: HandoverChecklist,
    private readonly access: HandoverAccess,
    private readonly queries: HandoverQueryService,
    private readonly events: OutboxPublisher,
  ) {}

  /** A supervisor's (within their team) or admin's handover of one account. */
  async plan(
    caller: Caller,
    input: PlanHandoverInput,
    today: CalendarDate = todayInChina(),
  ): Promise<HandoverType> {
    const scope = authorize(HANDOVER_PERMISSIONS, 'planHandover', caller);
    const dueOn = input.dueOn ?? addDays(today, DEFAULT_HANDOVER_DAYS);
    const violations = [
      ...reasonViolation(input.reason, 'input.reason', 'why the account changes hands', '交接原因'),
      ...dueViolations(dueOn, today, 'input.dueOn'),
    ];
    if (violations.length > 0) throw HandoverErrors.invalid(violations);
    const id = await this.handovers.transaction(async (tx) => {
      // Capacity first, then the account, then managers: the order every path takes.
      await this.store.lockCapacity(tx);
      const account = await this.store.lockAccount(
        tx,
        input.groupAccountId,
        'input.groupAccountId',
      );
      const team = await this.access.team(caller, scope, tx);
      const from = account.primaryManagerId;
      assertNoOpenHandover(account);
      if (!from) throw HandoverErrors.noPrimaryManager(account.id);
      this.access.assertReaches(caller, scope, [from], team);
      if (from === input.toManagerId) throw HandoverErrors.toSelf(input.toManagerId);
      const policy = await this.policies.current(tx);
      const target = await this.store.manager(tx, policy, input.toManagerId, 'input.toManagerId');
      assertMayTake(target, account.tier, policy, 'input.toManagerId');
      const [planned = ''] = await this.planMany(tx, caller.subject, [
        {
          accountId: account.id,
          tier: account.tier,
          fromManagerId: from,
          toManagerId: target.id,
          cause: 'MANUAL',
          reason: input.reason.trim(),
          dueOn,
        },
      ]);
      return planned;
    });
    return this.queries.byId(caller, id);
  }

  /**
   * Writes handovers already decided (and checked), with their checklists and HandoverPlanned
   * events, in the caller's transaction: a few statements whatever their number. Returns ids.
   */
  async planMany(
    manager: EntityManager,
    plannedBy: string,
    plans: readonly HandoverPlan[],
  ): Promise<string[]> {
    if (plans.length === 0) return [];
    const ids = plans.map(() => randomUUID());
    const rows = plans.map((plan, i) => ({ ...plan, id: ids[i] ?? randomUUID() }));
    if (!(await this.handovers.insertMany(manager, plannedBy, rows))) {
      throw HandoverErrors.alreadyOpen();
    }
    const items = await this.checklist.draw(
      manager,
      rows.map((row) => ({
        handoverId: row.id,
        accountId: row.accountId,
        tier: row.tier,
        fromManagerId: row.fromManagerId,
        toManagerId: row.toManagerId,
      })),
    );
    await this.handovers.insertItems(
      manager,
      [...items].flatMap(([handoverId, seeds]) => seeds.map((seed) => ({ handoverId, ...seed }))),
    );
    await this.events.recordAll(
      manager,
      rows.map((row) => ({
        type: 'HandoverPlanned' as const,
        aggregateId: row.accountId,
        payload: {
          handoverId: row.id,
          groupAccountId: row.accountId,
          fromManagerId: row.fromManagerId,
          toManagerId: row.toManagerId,
          cause: row.cause,
          dueOn: row.dueOn,
          checklist: (items.get(row.id) ?? []).map((seed) => seed.key),
        },
      })),
    );
    return ids;
  }
}
