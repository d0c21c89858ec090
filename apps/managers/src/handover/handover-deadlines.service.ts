import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInChina, type CalendarDate } from '@gap/calendar';
import { leaverFallback } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { AccountManagerRepository } from '../managers/account-manager.repository.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { CancelHandoverService } from './cancel-handover.service.js';
import { OffboardingRepository } from './offboarding.repository.js';

export interface DeadlineRound {
  readonly escalated: number;
  /** Accounts their leaving manager's supervisor took. */
  readonly reassigned: number;
  /** Accounts sent to the unassigned queue: no supervisor, or no room with them. */
  readonly unassigned: number;
  readonly left: number;
}

/**
 * Handover deadlines, as of a day: open handovers due that day or earlier are escalated once
 * (HandoverOverdue, to the supervisor); managers whose last day has passed leave. A LEFT
 * manager is primary of nothing: what is still theirs goes to their supervisor as far as the
 * supervisor's capacity and the policy allow, the rest to the unassigned queue (announced,
 * coded); their team places end and their incoming handovers are cancelled.
 */
@Injectable()
export class HandoverDeadlinesService {
  private readonly logger = new Logger(HandoverDeadlinesService.name);

  constructor(
    private readonly offboarding: OffboardingRepository,
    private readonly managers: AccountManagerRepository,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly cancellation: CancelHandoverService,
    private readonly events: OutboxPublisher,
  ) {}

  async enforce(today: CalendarDate = todayInChina()): Promise<DeadlineRound> {
    const escalated = await this.offboarding.transaction((tx) => this.escalate(tx, today));
    const leavers = await this.offboarding.leaversDue(today);
    let reassigned = 0;
    let unassigned = 0;
    for (const id of leavers) {
      const outcome = await this.offboarding.transaction((tx) => this.leave(tx, id));
      reassigned += outcome.reassigned;
      unassigned += outcome.unassigned;
    }
    if (escalated + leavers.length > 0) {
      this.logger.log(
        `deadlines: ${escalated} handover(s) escalated, ${leavers.length} manager(s) left, ${reassigned} account(s) to supervisors, ${unassigned} to the unassigned queue`,
      );
    }
    return { escalated, reassigned, unassigned, left: leavers.length };
  }

  private async escalate(tx: EntityManager, today: CalendarDate): Promise<number> {
    const due = await this.offboarding.escalateDue(tx, today);
    if (due.length === 0) return 0;
    const open = await this.offboarding.openItemsOf(
      tx,
      due.map((h) => h.id),
    );
    await this.events.recordAll(
      tx,
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
          openItems: open.get(h.id) ?? [],
        },
      })),
    );
    return due.length;
  }

  /** A manager's last day has passed: nothing stays theirs. */
  private async leave(
    tx: EntityManager,
    managerId: string,
  ): Promise<{ reassigned: number; unassigned: number }> {
    await this.store.lockCapacity(tx);
    const accountIds = await this.managers.primaryAccountsOf(tx, managerId);
    const accounts = await this.store.lockAccounts(tx, accountIds);
    const leaver = await this.managers.lock(tx, managerId);
    if (!leaver || leaver.status !== 'LEAVING') return { reassigned: 0, unassigned: 0 };
    const policy = await this.policies.current(tx);
    const [supervisor] = leaver.supervisorId
      ? await this.store.managers(tx, policy, { ids: [leaver.supervisorId], lock: true })
      : [];
    const still = accounts.filter((account) => account.primaryManagerId === managerId);
    const outcomes = leaverFallback(
      still.map((a) => ({ id: a.id, tier: a.tier, inHandover: a.openHandoverId !== null })),
      supervisor ?? null,
      policy,
    );
    const byId = new Map(still.map((account) => [account.id, account]));
    let reassigned = 0;
    for (const outcome of outcomes) {
      const account = byId.get(outcome.accountId);
      if (!account) continue;
      if (outcome.kind === 'SUPERVISOR') {
        await this.store.setPrimary(tx, {
          accountId: account.id,
          managerId: outcome.managerId,
          previousManagerId: managerId,
          reason: 'MANAGER_LEFT',
          by: 'system',
        });
        reassigned += 1;
      } else {
        const nobody = { ...account, primaryManagerId: null };
        await this.store.markUnassignable(tx, nobody, outcome.reason, policy);
        await this.offboarding.releasePrimary(tx, account.id, managerId);
      }
    }
    for (const handover of await this.offboarding.openIncoming(tx, managerId)) {
      const reason = `The incoming manager ${managerId} has left.`;
      await this.cancellation.cancelLocked(tx, handover, 'system', reason);
    }
    for (const accountId of await this.offboarding.leaveAllTeams(tx, managerId)) {
      await this.store.publishTeam(tx, accountId);
    }
    await this.offboarding.markLeft(tx, managerId);
    return { reassigned, unassigned: outcomes.length - reassigned };
  }
}
