import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { todayInChina, type CalendarDate } from '@gap/calendar';
import { DomainError } from '@gap/errors';
import { matchInTurn } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentStore, OPEN_STATES } from '../assignment/assignment.store.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import {
  CAPACITY_LOCK,
  dueViolations,
  HandoverService,
  type HandoverPlan,
} from './handover.service.js';
import type {
  OffboardingType,
  OffboardManagerInput,
  UnplacedAccountType,
} from './handover.types.js';

/**
 * A manager leaving (交接 for a whole portfolio): every account of theirs gets a handover to
 * the best manager with room, due on their last day, in one transaction; what nobody can take
 * is listed and announced. Their deadlines are then watched: a handover still open on the
 * last day escalates to the supervisor, and after it the supervisor becomes primary of what
 * is left, so no account is ever without an accountable manager.
 */
@Injectable()
export class OffboardingService {
  private readonly logger = new Logger(OffboardingService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly handovers: HandoverService,
    private readonly events: OutboxPublisher,
  ) {}

  async offboard(
    caller: Caller,
    input: OffboardManagerInput,
    today: CalendarDate = todayInChina(),
  ): Promise<OffboardingType> {
    if (!hasRole(caller, 'SUPERVISOR', 'ADMIN')) {
      throw DomainError.forbidden('Only supervisors and admins offboard managers.');
    }
    const violations = dueViolations(input.lastDay, today, 'input.lastDay');
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    return this.dataSource.transaction(async (manager) => {
      const accountIds = (
        await manager.query<{ id: string }[]>(
          'SELECT group_account_id AS id FROM managers.primary_assignment WHERE manager_id = $1',
          [input.managerId],
        )
      ).map((row) => row.id);
      const accounts = await this.store.lockAccounts(manager, accountIds);
      await manager.query(CAPACITY_LOCK);
      const [leaving] = await manager.query<{ status: string }[]>(
        'SELECT status FROM managers.account_manager WHERE id = $1 FOR UPDATE',
        [input.managerId],
      );
      if (!leaving) {
        throw DomainError.notFound(
          'MANAGER_NOT_FOUND',
          `No account manager ${input.managerId}.`,
          'input.managerId',
        );
      }
      if (leaving.status === 'LEFT') {
        throw DomainError.conflict(
          'MANAGER_ALREADY_LEFT',
          `Manager ${input.managerId} has already left.`,
          'input.managerId',
        );
      }
      await manager.query(
        `UPDATE managers.account_manager
            SET status = 'LEAVING', last_day = $2, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [input.managerId, input.lastDay],
      );
      // Accounts already in a handover keep it; a re-planned leaving day moves their due days.
      await manager.query(
        `UPDATE managers.handover SET due_on = LEAST(due_on, $2), version = version + 1
          WHERE from_manager_id = $1 AND state IN ${OPEN_STATES}`,
        [input.managerId, input.lastDay],
      );
      const toPlace = accounts.filter(
        (account) => account.primaryManagerId === input.managerId && !account.openHandoverId,
      );
      const policy = await this.policies.current(manager);
      const candidates = await this.store.managers(manager, policy);
      const placed = matchInTurn(toPlace, candidates, policy, new Set([input.managerId]));
      const plans: HandoverPlan[] = [];
      const unplaced: UnplacedAccountType[] = [];
      for (const account of toPlace) {
        const outcome = placed.get(account.id);
        if (outcome && 'managerId' in outcome) {
          plans.push({
            accountId: account.id,
            tier: account.tier,
            fromManagerId: input.managerId,
            toManagerId: outcome.managerId,
            cause: 'OFFBOARDING',
            reason: `${input.managerId} leaves; last day ${input.lastDay}.`,
            dueOn: input.lastDay,
          });
        } else {
          const reason = outcome?.unassignableReason ?? 'NO_CAPACITY';
          unplaced.push({ groupAccountId: account.id, tier: account.tier, reason });
          await this.store.markUnassignable(manager, account, reason, policy);
        }
      }
      await this.handovers.planMany(manager, caller.subject, plans);
      return {
        managerId: input.managerId,
        lastDay: input.lastDay,
        accounts: accountIds.length,
        planned: plans.length,
        alreadyInHandover: accounts.filter((a) => a.openHandoverId).length,
        unplaced,
      };
    });
  }

  /**
   * One round of deadlines, as of `today`: open handovers due today or earlier are escalated
   * once (HandoverOverdue, to the supervisor); managers whose last day has passed leave, their
   * remaining accounts going to their supervisor, their team places and incoming handovers
   * ending. Returns what it did.
   */
  async enforceDeadlines(
    today: CalendarDate = todayInChina(),
  ): Promise<{ escalated: number; reassigned: number; left: number }> {
    const escalated = await this.dataSource.transaction((manager) => this.escalate(manager, today));
    const leavers = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM managers.account_manager WHERE status = 'LEAVING' AND last_day < $1 ORDER BY id`,
      [today],
    );
    let reassigned = 0;
    for (const { id } of leavers) {
      reassigned += await this.dataSource.transaction((manager) => this.leave(manager, id));
    }
    if (escalated + reassigned + leavers.length > 0) {
      this.logger.log(
        `deadlines: ${escalated} handover(s) escalated, ${leavers.length} manager(s) left, ${reassigned} account(s) to supervisors`,
      );
    }
    return { escalated, reassigned, left: leavers.length };
  }

  private async escalate(manager: EntityManager, today: CalendarDate): Promise<number> {
    const [due] = await manager.query<
      [
        {
          id: string;
          groupAccountId: string;
          fromManagerId: string;
          toManagerId: string;
          dueOn: string;
          supervisorId: string | null;
        }[],
        number,
      ]
    >(
      `UPDATE managers.handover h SET escalated_at = now()
         FROM managers.account_manager m
        WHERE m.id = h.from_manager_id AND h.state IN ${OPEN_STATES}
          AND h.escalated_at IS NULL AND h.due_on <= $1
        RETURNING h.id, h.group_account_id AS "groupAccountId", h.from_manager_id AS "fromManagerId",
                  h.to_manager_id AS "toManagerId", to_char(h.due_on, 'YYYY-MM-DD') AS "dueOn",
                  m.supervisor_id AS "supervisorId"`,
      [today],
    );
    if (due.length === 0) return 0;
    const open = await manager.query<{ handoverId: string; key: string }[]>(
      `SELECT handover_id AS "handoverId", key FROM managers.handover_item
        WHERE handover_id = ANY($1::uuid[]) AND state = 'OPEN' ORDER BY key`,
      [due.map((h) => h.id)],
    );
    await this.events.recordAll(
      manager,
      due.map((h) => ({
        type: 'HandoverOverdue' as const,
        aggregateId: h.groupAccountId,
        payload: {
          handoverId: h.id,
          groupAccountId: h.groupAccountId,
          fromManagerId: h.fromManagerId,
          toManagerId: h.toManagerId,
          dueOn: h.dueOn,
          supervisorId: h.supervisorId,
          openItems: open.filter((o) => o.handoverId === h.id).map((o) => o.key),
        },
      })),
    );
    return due.length;
  }

  /** A manager's last day has passed: their supervisor takes what is still theirs. */
  private async leave(manager: EntityManager, managerId: string): Promise<number> {
    const accountIds = (
      await manager.query<{ id: string }[]>(
        'SELECT group_account_id AS id FROM managers.primary_assignment WHERE manager_id = $1',
        [managerId],
      )
    ).map((row) => row.id);
    const accounts = await this.store.lockAccounts(manager, accountIds);
    const [leaver] = await manager.query<{ supervisorId: string | null; status: string }[]>(
      `SELECT m.supervisor_id AS "supervisorId", m.status FROM managers.account_manager m
        WHERE m.id = $1 FOR UPDATE`,
      [managerId],
    );
    if (!leaver || leaver.status !== 'LEAVING') return 0;
    const policy = await this.policies.current(manager);
    let reassigned = 0;
    for (const account of accounts) {
      if (account.primaryManagerId !== managerId) continue;
      if (!leaver.supervisorId) {
        await this.store.markUnassignable(manager, account, 'NO_SUPERVISOR', policy);
        continue;
      }
      await this.store.setPrimary(manager, {
        accountId: account.id,
        managerId: leaver.supervisorId,
        previousManagerId: managerId,
        reason: 'MANAGER_LEFT',
        by: 'system',
      });
      reassigned += 1;
    }
    const incoming = await manager.query<
      {
        id: string;
        state: 'PLANNED' | 'SHADOWING';
        groupAccountId: string;
        fromManagerId: string;
        toManagerId: string;
      }[]
    >(
      `SELECT id, state, group_account_id AS "groupAccountId", from_manager_id AS "fromManagerId",
              to_manager_id AS "toManagerId"
         FROM managers.handover WHERE to_manager_id = $1 AND state IN ${OPEN_STATES}`,
      [managerId],
    );
    for (const handover of incoming) {
      await this.handovers.cancelInTransaction(
        manager,
        handover,
        'system',
        `The incoming manager ${managerId} has left.`,
      );
    }
    const [teams] = await manager.query<[{ id: string }[], number]>(
      'DELETE FROM managers.team_member WHERE manager_id = $1 RETURNING group_account_id AS id',
      [managerId],
    );
    for (const { id } of teams) await this.store.publishTeam(manager, id);
    await manager.query(
      "UPDATE managers.account_manager SET status = 'LEFT', version = version + 1, updated_at = now() WHERE id = $1",
      [managerId],
    );
    return reassigned;
  }
}
