import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { addDays, isCalendarDate, todayInChina, type CalendarDate } from '@gap/calendar';
import { isUniqueViolation } from '@gap/database';
import { DomainError } from '@gap/errors';
import { gradeMayOwn, maxLoad, type ManagerPolicy, type Tier } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import {
  AssignmentStore,
  OPEN_STATES,
  type AccountFacts,
  type ManagerWithLoad,
} from '../assignment/assignment.store.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import { HandoverChecklist } from './checklist.js';
import type {
  CancelHandoverInput,
  ChecklistItemType,
  HandoverCause,
  HandoverType,
  PlanHandoverInput,
  ResolveChecklistItemInput,
} from './handover.types.js';

export const REASON_MIN_LENGTH = 6;
/** A handover planned without a due day should be complete within two weeks. */
export const DEFAULT_HANDOVER_DAYS = 14;
/** Capacity-consuming changes take this lock, after their accounts', so loads stay true. */
export const CAPACITY_LOCK = "SELECT pg_advisory_xact_lock(hashtext('managers.capacity'))";

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

const HANDOVER_COLUMNS = `h.id, h.group_account_id AS "groupAccountId", h.from_manager_id AS "fromManagerId",
  h.to_manager_id AS "toManagerId", COALESCE(t.tier, 'C') AS tier, h.state, h.cause, h.reason,
  to_char(h.due_on, 'YYYY-MM-DD') AS "dueOn", h.planned_by AS "plannedBy", h.planned_at AS "plannedAt",
  h.started_at AS "startedAt", h.completed_at AS "completedAt", h.cancelled_at AS "cancelledAt",
  h.cancel_reason AS "cancelReason", h.escalated_at AS "escalatedAt", h.rebalance_id AS "rebalanceId"`;

const ITEM_COLUMNS = `handover_id AS "handoverId", key, kind, label, source, state, channel, note,
  resolved_by AS "resolvedBy", resolved_at AS "resolvedAt"`;

export function reasonViolation(reason: string | null | undefined, field: string, what: string) {
  return (reason ?? '').trim().length >= REASON_MIN_LENGTH
    ? []
    : [
        {
          field,
          reason: 'REASON_REQUIRED',
          message: `Say ${what}, in at least ${REASON_MIN_LENGTH} characters.`,
        },
      ];
}

/** Refuses a manager who may not take an account of `tier` now, naming `field`. */
export function assertMayTake(
  target: ManagerWithLoad,
  tier: Tier,
  policy: ManagerPolicy,
  field: string,
): void {
  if (!gradeMayOwn(target.grade, tier, policy)) {
    throw DomainError.invalidInput(
      [
        {
          field,
          reason: 'GRADE_CANNOT_OWN_TIER',
          message: `A ${target.grade} manager may not own a tier ${tier} account (policy ${policy.version}).`,
        },
      ],
      'GRADE_CANNOT_OWN_TIER',
    );
  }
  if (target.status !== 'ACTIVE') {
    throw DomainError.conflict(
      'MANAGER_NOT_ACTIVE',
      `Manager ${target.id} is ${target.status} and takes no accounts.`,
      field,
    );
  }
  const most = maxLoad(target, policy);
  if (target.load + policy.points[tier] > most) {
    throw DomainError.conflict(
      'CAPACITY_EXCEEDED',
      `Manager ${target.id} carries ${target.load} of ${most} points; a tier ${tier} account weighs ${policy.points[tier]}.`,
      field,
    );
  }
}

/**
 * Handovers (交接): an account passes from its primary manager to another as a process, not a
 * field update. Planned (capacity reserved with the incoming manager, a checklist drawn up),
 * shadowing (both see the account; the outgoing manager is still primary), completed (the
 * primary switches in one statement, refused while an item is open) or cancelled. One open
 * handover per account, by a unique index.
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly checklist: HandoverChecklist,
    private readonly visibility: ManagerVisibility,
    private readonly events: OutboxPublisher,
  ) {}

  async plan(
    caller: Caller,
    input: PlanHandoverInput,
    today: CalendarDate = todayInChina(),
  ): Promise<HandoverType> {
    this.visibility.assertMayAssign(caller);
    const dueOn = input.dueOn ?? addDays(today, DEFAULT_HANDOVER_DAYS);
    const violations = [
      ...reasonViolation(input.reason, 'input.reason', 'why the account changes hands'),
      ...dueViolations(dueOn, today, 'input.dueOn'),
    ];
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    const id = await this.dataSource.transaction(async (manager) => {
      const account = await this.store.lockAccount(
        manager,
        input.groupAccountId,
        'input.groupAccountId',
      );
      assertNoOpenHandover(account);
      if (!account.primaryManagerId) {
        throw DomainError.conflict(
          'NO_PRIMARY_MANAGER',
          `Account ${account.id} has no primary manager to hand over from; assign one instead.`,
          'input.groupAccountId',
        );
      }
      if (account.primaryManagerId === input.toManagerId) {
        throw DomainError.invalidInput(
          [
            {
              field: 'input.toManagerId',
              reason: 'HANDOVER_TO_SELF',
              message: `${input.toManagerId} is already the account's primary manager.`,
            },
          ],
          'HANDOVER_TO_SELF',
        );
      }
      await manager.query(CAPACITY_LOCK);
      const policy = await this.policies.current(manager);
      const target = await this.store.manager(
        manager,
        policy,
        input.toManagerId,
        'input.toManagerId',
      );
      assertMayTake(target, account.tier, policy, 'input.toManagerId');
      const [planned] = await this.planMany(manager, caller.subject, [
        {
          accountId: account.id,
          tier: account.tier,
          fromManagerId: account.primaryManagerId,
          toManagerId: target.id,
          cause: 'MANUAL',
          reason: input.reason.trim(),
          dueOn,
        },
      ]);
      return planned;
    });
    return this.byId(caller, id);
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
    try {
      await manager.query(
        `INSERT INTO managers.handover
           (id, group_account_id, from_manager_id, to_manager_id, cause, reason, due_on,
            rebalance_id, planned_by)
         SELECT * , $9 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[],
                                   $6::text[], $7::date[], $8::uuid[])`,
        [
          ids,
          plans.map((p) => p.accountId),
          plans.map((p) => p.fromManagerId),
          plans.map((p) => p.toManagerId),
          plans.map((p) => p.cause),
          plans.map((p) => p.reason),
          plans.map((p) => p.dueOn),
          plans.map((p) => p.rebalanceId ?? null),
          plannedBy,
        ],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'handover_one_open')) {
        throw DomainError.conflict(
          'HANDOVER_ALREADY_OPEN',
          'The account already has an open handover; complete or cancel it first.',
          'input.groupAccountId',
        );
      }
      throw error;
    }
    const subjects = plans.map((plan, i) => ({
      handoverId: ids[i],
      accountId: plan.accountId,
      tier: plan.tier,
      fromManagerId: plan.fromManagerId,
      toManagerId: plan.toManagerId,
    }));
    const items = await this.checklist.draw(manager, subjects);
    const rows = [...items].flatMap(([handoverId, seeds]) =>
      seeds.map((seed) => ({ handoverId, ...seed })),
    );
    await manager.query(
      `INSERT INTO managers.handover_item (handover_id, key, kind, label, source)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      [
        rows.map((r) => r.handoverId),
        rows.map((r) => r.key),
        rows.map((r) => r.kind),
        rows.map((r) => r.label),
        rows.map((r) => r.source),
      ],
    );
    await this.events.recordAll(
      manager,
      plans.map((plan, i) => ({
        type: 'HandoverPlanned' as const,
        aggregateId: plan.accountId,
        payload: {
          handoverId: ids[i],
          groupAccountId: plan.accountId,
          fromManagerId: plan.fromManagerId,
          toManagerId: plan.toManagerId,
          cause: plan.cause,
          dueOn: plan.dueOn,
          checklist: (items.get(ids[i] as string) ?? []).map((seed) => seed.key),
        },
      })),
    );
    return ids;
  }

  /** Shadowing begins: the incoming manager joins the account's team until completion. */
  async start(caller: Caller, id: string): Promise<HandoverType> {
    await this.transition(caller, id, async (manager, handover) => {
      if (handover.state !== 'PLANNED') throw notInState(handover, 'PLANNED');
      await manager.query(
        `UPDATE managers.handover SET state = 'SHADOWING', started_at = now(), version = version + 1
          WHERE id = $1`,
        [id],
      );
      await this.store.publishTeam(manager, handover.groupAccountId);
      await this.events.record(manager, {
        type: 'HandoverStarted',
        aggregateId: handover.groupAccountId,
        payload: moved(handover),
      });
    });
    return this.byId(caller, id);
  }

  async resolveItem(caller: Caller, input: ResolveChecklistItemInput): Promise<HandoverType> {
    const note = input.note?.trim() || null;
    if (input.outcome === 'WAIVED') {
      const violations = reasonViolation(note, 'input.note', 'why the item is waived');
      if (violations.length > 0) throw DomainError.invalidInput(violations);
    }
    await this.transition(caller, input.handoverId, async (manager, handover) => {
      if (handover.state !== 'PLANNED' && handover.state !== 'SHADOWING') {
        throw DomainError.conflict(
          'HANDOVER_CLOSED',
          `Handover ${handover.id} is ${handover.state}; its checklist is closed.`,
          'input.handoverId',
        );
      }
      const [item] = await manager.query<ChecklistItemType[]>(
        `SELECT ${ITEM_COLUMNS} FROM managers.handover_item WHERE handover_id = $1 AND key = $2`,
        [handover.id, input.key],
      );
      if (!item) {
        throw DomainError.notFound(
          'CHECKLIST_ITEM_NOT_FOUND',
          `Handover ${handover.id} has no checklist item ${input.key}.`,
          'input.key',
        );
      }
      if (item.state !== 'OPEN') {
        throw DomainError.conflict(
          'CHECKLIST_ITEM_RESOLVED',
          `Item ${input.key} is already ${item.state}.`,
          'input.key',
        );
      }
      if (item.kind === 'CUSTOMER_NOTIFIED' && input.outcome === 'DONE' && !input.channel) {
        throw DomainError.invalidInput(
          [
            {
              field: 'input.channel',
              reason: 'CHANNEL_REQUIRED',
              message: 'Say by which channel the customer was told.',
            },
          ],
          'CHANNEL_REQUIRED',
        );
      }
      await manager.query(
        `UPDATE managers.handover_item
            SET state = $3, note = $4, channel = $5, resolved_by = $6, resolved_at = now()
          WHERE handover_id = $1 AND key = $2`,
        [handover.id, input.key, input.outcome, note, input.channel ?? null, caller.subject],
      );
    });
    return this.byId(caller, input.handoverId);
  }

  /** The switch: refused unless shadowing with every item done or waived. */
  async complete(caller: Caller, id: string): Promise<HandoverType> {
    await this.transition(caller, id, async (manager, handover, account) => {
      if (handover.state !== 'SHADOWING') throw notInState(handover, 'SHADOWING');
      const open = await manager.query<{ key: string }[]>(
        `SELECT key FROM managers.handover_item WHERE handover_id = $1 AND state = 'OPEN' ORDER BY key`,
        [id],
      );
      if (open.length > 0) {
        throw DomainError.conflict(
          'CHECKLIST_INCOMPLETE',
          `Complete or waive every checklist item first; open: ${open.map((o) => o.key).join(', ')}.`,
          'id',
        );
      }
      const [[done]] = await manager.query<[{ leadTimeDays: number }[], number]>(
        `UPDATE managers.handover SET state = 'COMPLETED', completed_at = now(), version = version + 1
          WHERE id = $1
          RETURNING GREATEST(0, floor(extract(epoch FROM completed_at - planned_at) / 86400))::int
                    AS "leadTimeDays"`,
        [id],
      );
      const leadTimeDays = done?.leadTimeDays ?? 0;
      await manager.query(
        'DELETE FROM managers.team_member WHERE group_account_id = $1 AND manager_id = $2',
        [handover.groupAccountId, handover.toManagerId],
      );
      await this.store.setPrimary(manager, {
        accountId: handover.groupAccountId,
        managerId: handover.toManagerId,
        previousManagerId: account.primaryManagerId,
        reason: 'HANDOVER',
        by: caller.subject,
      });
      await this.store.publishTeam(manager, handover.groupAccountId);
      await this.events.record(manager, {
        type: 'HandoverCompleted',
        aggregateId: handover.groupAccountId,
        payload: { ...moved(handover), leadTimeDays },
      });
    });
    return this.byId(caller, id);
  }

  async cancel(caller: Caller, input: CancelHandoverInput): Promise<HandoverType> {
    this.visibility.assertMayAssign(caller);
    const violations = reasonViolation(input.reason, 'input.reason', 'why it is cancelled');
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    await this.transition(caller, input.handoverId, (manager, handover) =>
      this.cancelInTransaction(manager, handover, caller.subject, input.reason.trim()),
    );
    return this.byId(caller, input.handoverId);
  }

  /** Cancels an open handover in the caller's transaction (its account locked). */
  async cancelInTransaction(
    manager: EntityManager,
    handover: Pick<
      HandoverType,
      'id' | 'state' | 'groupAccountId' | 'fromManagerId' | 'toManagerId'
    >,
    by: string,
    reason: string,
  ): Promise<void> {
    const [locked] = await manager.query<{ state: string }[]>(
      'SELECT state FROM managers.handover WHERE id = $1 FOR UPDATE',
      [handover.id],
    );
    const state = locked?.state ?? handover.state;
    if (state !== 'PLANNED' && state !== 'SHADOWING') {
      throw notInState({ id: handover.id, state }, 'PLANNED');
    }
    await manager.query(
      `UPDATE managers.handover
          SET state = 'CANCELLED', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3,
              version = version + 1
        WHERE id = $1`,
      [handover.id, by, reason],
    );
    if (state === 'SHADOWING') await this.store.publishTeam(manager, handover.groupAccountId);
    await this.events.record(manager, {
      type: 'HandoverCancelled',
      aggregateId: handover.groupAccountId,
      payload: { ...moved(handover), reason },
    });
  }

  async byId(caller: Caller, id: string): Promise<HandoverType> {
    const [found] = await this.list(caller, { ids: [id] });
    if (!found) throw DomainError.notFound('HANDOVER_NOT_FOUND', `No handover ${id}.`, 'id');
    return found;
  }

  /** Handovers the caller may see, newest first. */
  async list(
    caller: Caller,
    filter: {
      ids?: readonly string[];
      accountIds?: readonly string[];
      managerId?: string | null;
      openOnly?: boolean;
      first?: number;
    },
  ): Promise<HandoverType[]> {
    const rows = await this.dataSource.query<HandoverType[]>(
      `SELECT ${HANDOVER_COLUMNS} FROM managers.handover h
         LEFT JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
        WHERE ($1::uuid[] IS NULL OR h.id = ANY($1::uuid[]))
          AND ($2::uuid[] IS NULL OR h.group_account_id = ANY($2::uuid[]))
          AND ($3::text IS NULL OR h.from_manager_id = $3 OR h.to_manager_id = $3)
          AND (NOT $4 OR h.state IN ${OPEN_STATES})
          AND (${this.visibility.condition(caller, 'h.group_account_id', '$6')}
               OR h.from_manager_id = $6 OR h.to_manager_id = $6)
        ORDER BY h.planned_at DESC, h.id
        LIMIT $5`,
      [
        filter.ids ?? null,
        filter.accountIds ?? null,
        filter.managerId ?? null,
        filter.openOnly ?? false,
        Math.min(Math.max(filter.first ?? 50, 1), 500),
        caller.subject,
      ],
    );
    const items = await this.dataSource.query<(ChecklistItemType & { handoverId: string })[]>(
      `SELECT ${ITEM_COLUMNS} FROM managers.handover_item WHERE handover_id = ANY($1::uuid[])
        ORDER BY handover_id, key`,
      [rows.map((row) => row.id)],
    );
    return rows.map((row) => ({
      ...row,
      checklist: items.filter((item) => item.handoverId === row.id),
    }));
  }

  /**
   * Runs `change` on a handover with its account locked (account first, then the handover),
   * for a caller who may act on it: a supervisor or admin, or one of its two managers.
   */
  private async transition(
    caller: Caller,
    id: string,
    change: (
      manager: EntityManager,
      handover: HandoverType,
      account: AccountFacts,
    ) => Promise<void>,
  ): Promise<void> {
    const [located] = await this.dataSource.query<{ accountId: string }[]>(
      'SELECT group_account_id AS "accountId" FROM managers.handover WHERE id = $1',
      [id],
    );
    const handover = located ? (await this.list(caller, { ids: [id] }))[0] : undefined;
    if (!located || !handover) {
      throw DomainError.notFound('HANDOVER_NOT_FOUND', `No handover ${id}.`, 'id');
    }
    const party = [handover.fromManagerId, handover.toManagerId].includes(caller.subject);
    if (!party && !hasRole(caller, 'SUPERVISOR', 'ADMIN')) {
      throw DomainError.forbidden(
        'Only its two managers, supervisors and admins act on a handover.',
      );
    }
    await this.dataSource.transaction(async (manager) => {
      const account = await this.store.lockAccount(manager, located.accountId, 'id');
      const [current] = await manager.query<HandoverType[]>(
        `SELECT ${HANDOVER_COLUMNS} FROM managers.handover h
           LEFT JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
          WHERE h.id = $1 FOR UPDATE OF h`,
        [id],
      );
      await change(manager, { ...current, checklist: [] }, account);
    });
  }
}

function moved(
  handover: Pick<HandoverType, 'id' | 'groupAccountId' | 'fromManagerId' | 'toManagerId'>,
) {
  return {
    handoverId: handover.id,
    groupAccountId: handover.groupAccountId,
    fromManagerId: handover.fromManagerId,
    toManagerId: handover.toManagerId,
  };
}

function notInState(handover: { id: string; state: string }, expected: string): DomainError {
  const code =
    handover.state === 'CANCELLED'
      ? 'HANDOVER_CANCELLED'
      : handover.state === 'COMPLETED'
        ? 'HANDOVER_COMPLETED'
        : handover.state === 'PLANNED'
          ? 'HANDOVER_NOT_STARTED'
          : 'HANDOVER_ALREADY_STARTED';
  return DomainError.conflict(
    code,
    `Handover ${handover.id} is ${handover.state}; this needs it ${expected}.`,
    'id',
  );
}

export function assertNoOpenHandover(account: AccountFacts, field = 'input.groupAccountId'): void {
  if (account.openHandoverId) {
    throw DomainError.conflict(
      'ACCOUNT_IN_HANDOVER',
      `Account ${account.id} is in handover ${account.openHandoverId}; complete or cancel it first.`,
      field,
    );
  }
}

export function dueViolations(dueOn: string, today: CalendarDate, field: string) {
  if (!isCalendarDate(dueOn)) {
    return [{ field, reason: 'DATE_INVALID', message: `${dueOn} is not a date (YYYY-MM-DD).` }];
  }
  if (dueOn < today) {
    return [{ field, reason: 'DATE_IN_PAST', message: `${dueOn} has passed; today is ${today}.` }];
  }
  return [];
}
