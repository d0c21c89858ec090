import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@gap/auth';
import { addDays, todayInChina } from '@gap/calendar';
import type { EventEnvelope } from '@gap/contracts';
import { DomainError } from '@gap/errors';
import { gradeMayOwn, matchManager } from '@gap/managers/domain';
import {
  assertMayTake,
  assertNoOpenHandover,
  CAPACITY_LOCK,
  DEFAULT_HANDOVER_DAYS,
  HandoverService,
  reasonViolation,
} from '../handover/handover.service.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import { AssignmentStore, type AccountFacts } from './assignment.store.js';
import type {
  AssignmentExplanationType,
  AssignPrimaryManagerInput,
  PrimaryAssignmentType,
  RemoveTeamMemberInput,
  SetTeamMemberInput,
  UnassignableAccountType,
} from './assignment.types.js';

/**
 * Who is accountable for each account. A new account gets its primary manager at once from
 * the matching function (or is listed as unassignable, with an event); an account whose tier
 * its manager's grade may no longer own is handed over to one who may; supervisors assign by
 * hand, with a reason, and set the team.
 */
@Injectable()
export class AssignmentService {
  private readonly logger = new Logger(AssignmentService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
    private readonly policies: ManagerPolicyService,
    private readonly handovers: HandoverService,
    private readonly visibility: ManagerVisibility,
  ) {}

  async onAccountCreated(
    event: EventEnvelope<'AccountCreated'>,
    manager: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    await manager.query(
      `INSERT INTO managers.group_account (id, name, region_code, industry_code, status, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [p.groupAccountId, p.name, p.regionCode, p.industryCode, p.status, p.registeredBy ?? null],
    );
    await this.placeAutomatically(manager, p.groupAccountId);
  }

  async onAccountUpdated(
    event: EventEnvelope<'AccountUpdated'>,
    manager: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    await manager.query(
      `UPDATE managers.group_account SET name = $2, region_code = $3, industry_code = $4 WHERE id = $1`,
      [p.groupAccountId, p.name, p.regionCode, p.industryCode],
    );
  }

  async onAccountStatusChanged(
    event: EventEnvelope<'AccountStatusChanged'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query('UPDATE managers.group_account SET status = $2 WHERE id = $1', [
      event.payload.groupAccountId,
      event.payload.to,
    ]);
  }

  /**
   * A new tier: if the primary manager's grade may no longer own it, the account is handed
   * over to the best manager who may (TIER_CHANGE), or listed as unassignable while its
   * manager stays accountable. An account without a manager is tried again.
   */
  async onTierChanged(
    event: EventEnvelope<'TierChanged'> | EventEnvelope<'TierAssigned'>,
    manager: EntityManager,
  ): Promise<void> {
    const { groupAccountId, tier } = event.payload;
    await manager.query(
      `INSERT INTO managers.account_tier (group_account_id, tier) VALUES ($1, $2)
       ON CONFLICT (group_account_id) DO UPDATE SET tier = EXCLUDED.tier, updated_at = now()`,
      [groupAccountId, tier],
    );
    const [account] = await this.store.lockAccounts(manager, [groupAccountId]);
    if (!account) return; // The account's creation has not arrived yet: it is placed then.
    if (!account.primaryManagerId) {
      await this.placeAutomatically(manager, groupAccountId);
      return;
    }
    if (account.openHandoverId) return;
    await manager.query(CAPACITY_LOCK);
    const policy = await this.policies.current(manager);
    const [current] = await this.store.managers(manager, policy, {
      ids: [account.primaryManagerId],
    });
    if (current && gradeMayOwn(current.grade, account.tier, policy)) return;
    const match = matchManager(
      account,
      await this.store.managers(manager, policy),
      policy,
      new Set([account.primaryManagerId]),
    );
    if (!match.managerId) {
      await this.store.markUnassignable(
        manager,
        account,
        match.unassignableReason ?? 'NO_CAPACITY',
        policy,
      );
      return;
    }
    await this.handovers.planMany(manager, 'system', [
      {
        accountId: account.id,
        tier: account.tier,
        fromManagerId: account.primaryManagerId,
        toManagerId: match.managerId,
        cause: 'TIER_CHANGE',
        reason: `Tier ${tier}: a ${current?.grade ?? 'former'} manager may not own it (policy ${policy.version}).`,
        dueOn: addDays(todayInChina(), DEFAULT_HANDOVER_DAYS),
      },
    ]);
  }

  /** Gives an account without a primary manager the matching function's choice, or lists it. */
  private async placeAutomatically(manager: EntityManager, accountId: string): Promise<void> {
    const [account] = await this.store.lockAccounts(manager, [accountId]);
    if (!account || account.primaryManagerId) return;
    await manager.query(CAPACITY_LOCK);
    const policy = await this.policies.current(manager);
    const match = matchManager(account, await this.store.managers(manager, policy), policy);
    if (match.managerId) {
      await this.store.setPrimary(manager, {
        accountId,
        managerId: match.managerId,
        previousManagerId: null,
        reason: 'AUTOMATIC',
        by: 'system',
      });
    } else {
      this.logger.warn(`account ${accountId} is unassignable: ${match.unassignableReason}`);
      await this.store.markUnassignable(
        manager,
        account,
        match.unassignableReason ?? 'NO_CAPACITY',
        policy,
      );
    }
  }

  /**
   * Places the listed accounts that have no manager yet, oldest first (after managers are
   * registered or freed). Returns how many found a manager.
   */
  async placeUnassigned(limit = 500): Promise<number> {
    const waiting = await this.dataSource.query<{ id: string }[]>(
      `SELECT group_account_id AS id FROM managers.unassignable_account
        WHERE current_manager_id IS NULL ORDER BY since LIMIT $1`,
      [limit],
    );
    let placed = 0;
    for (const { id } of waiting) {
      await this.dataSource.transaction(async (manager) => {
        await this.placeAutomatically(manager, id);
        const [row] = await manager.query<unknown[]>(
          'SELECT 1 FROM managers.primary_assignment WHERE group_account_id = $1',
          [id],
        );
        if (row) placed += 1;
      });
    }
    return placed;
  }

  /** A supervisor's assignment, effective at once; refused during a handover. */
  async assign(caller: Caller, input: AssignPrimaryManagerInput): Promise<PrimaryAssignmentType> {
    this.visibility.assertMayAssign(caller);
    const violations = reasonViolation(input.reason, 'input.reason', 'why');
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    await this.dataSource.transaction(async (manager) => {
      const account = await this.store.lockAccount(
        manager,
        input.groupAccountId,
        'input.groupAccountId',
      );
      assertNoOpenHandover(account);
      if (account.primaryManagerId === input.managerId) {
        throw DomainError.conflict(
          'ALREADY_PRIMARY',
          `${input.managerId} is already the account's primary manager.`,
          'input.managerId',
        );
      }
      await manager.query(CAPACITY_LOCK);
      const policy = await this.policies.current(manager);
      const target = await this.store.manager(manager, policy, input.managerId, 'input.managerId');
      assertMayTake(target, account.tier, policy, 'input.managerId');
      const wasTeamMember = await this.leaveTeam(manager, account.id, target.id);
      await this.store.setPrimary(manager, {
        accountId: account.id,
        managerId: target.id,
        previousManagerId: account.primaryManagerId,
        reason: input.reason.trim(),
        by: caller.subject,
      });
      if (wasTeamMember) await this.store.publishTeam(manager, account.id);
    });
    const [assignment] = await this.primaryOf(caller, [input.groupAccountId]);
    return assignment;
  }

  async setTeamMember(caller: Caller, input: SetTeamMemberInput): Promise<void> {
    this.visibility.assertMayAssign(caller);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    await this.dataSource.transaction(async (manager) => {
      const account = await this.store.lockAccount(
        manager,
        input.groupAccountId,
        'input.groupAccountId',
      );
      if (account.primaryManagerId === input.managerId) {
        throw DomainError.conflict(
          'TEAM_MEMBER_IS_PRIMARY',
          `${input.managerId} is the account's primary manager, not a team member.`,
          'input.managerId',
        );
      }
      const policy = await this.policies.current(manager);
      const member = await this.store.manager(manager, policy, input.managerId, 'input.managerId');
      if (member.status !== 'ACTIVE') {
        throw DomainError.conflict(
          'MANAGER_NOT_ACTIVE',
          `Manager ${member.id} is ${member.status}.`,
          'input.managerId',
        );
      }
      await manager.query(
        `INSERT INTO managers.team_member (group_account_id, manager_id, role, added_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (group_account_id, manager_id) DO UPDATE SET role = EXCLUDED.role`,
        [account.id, member.id, input.role, caller.subject],
      );
      await this.store.publishTeam(manager, account.id);
    });
  }

  async removeTeamMember(caller: Caller, input: RemoveTeamMemberInput): Promise<void> {
    this.visibility.assertMayAssign(caller);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    await this.dataSource.transaction(async (manager) => {
      await this.store.lockAccount(manager, input.groupAccountId, 'input.groupAccountId');
      if (!(await this.leaveTeam(manager, input.groupAccountId, input.managerId))) {
        throw DomainError.notFound(
          'TEAM_MEMBER_NOT_FOUND',
          `${input.managerId} is not on the account's team.`,
          'input.managerId',
        );
      }
      await this.store.publishTeam(manager, input.groupAccountId);
    });
  }

  /** The primary manager of each visible account among `accountIds`. */
  async primaryOf(caller: Caller, accountIds: readonly string[]): Promise<PrimaryAssignmentType[]> {
    return this.dataSource.query<PrimaryAssignmentType[]>(
      `SELECT pa.group_account_id AS "groupAccountId", pa.manager_id AS "managerId",
              pa.reason, pa.assigned_by AS "assignedBy", pa.assigned_at AS "assignedAt"
         FROM managers.primary_assignment pa
        WHERE pa.group_account_id = ANY($1::uuid[])
          AND ${this.visibility.condition(caller, 'pa.group_account_id', '$2')}`,
      [accountIds, caller.subject],
    );
  }

  async teamsOf(
    caller: Caller,
    accountIds: readonly string[],
  ): Promise<{ groupAccountId: string; managerId: string; role: string }[]> {
    return this.dataSource.query(
      `SELECT tm.group_account_id AS "groupAccountId", tm.manager_id AS "managerId", tm.role
         FROM managers.team_member tm
        WHERE tm.group_account_id = ANY($1::uuid[])
          AND ${this.visibility.condition(caller, 'tm.group_account_id', '$2')}
        ORDER BY tm.role, tm.manager_id`,
      [accountIds, caller.subject],
    );
  }

  /** The accounts nobody could take, oldest first. */
  async unassignable(caller: Caller, first: number): Promise<UnassignableAccountType[]> {
    return this.dataSource.query<UnassignableAccountType[]>(
      `SELECT u.group_account_id AS "groupAccountId", COALESCE(t.tier, 'C') AS tier, u.reason,
              u.current_manager_id AS "currentManagerId", u.policy_version AS "policyVersion",
              u.since
         FROM managers.unassignable_account u
         LEFT JOIN managers.account_tier t ON t.group_account_id = u.group_account_id
        WHERE ${this.visibility.condition(caller, 'u.group_account_id', '$2')}
        ORDER BY u.since, u.group_account_id LIMIT $1`,
      [Math.min(Math.max(first, 1), 500), caller.subject],
    );
  }

  /**
   * Why the account has the manager it has, and whom the matching function would choose now:
   * every candidate with the parts of its cost, or why it was refused.
   */
  async explain(caller: Caller, accountId: string): Promise<AssignmentExplanationType> {
    await this.visibility.assertVisible(caller, accountId, 'groupAccountId');
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [account] = await manager.query<AccountFacts[]>(
        `SELECT g.id, COALESCE(t.tier, 'C') AS tier, g.region_code AS "regionCode",
                g.industry_code AS "industryCode", pa.manager_id AS "primaryManagerId"
           FROM managers.group_account g
           LEFT JOIN managers.account_tier t ON t.group_account_id = g.id
           LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
          WHERE g.id = $1`,
        [accountId],
      );
      if (!account) {
        throw DomainError.notFound(
          'GROUP_ACCOUNT_NOT_FOUND',
          `No group account ${accountId} is known to the managers service.`,
          'groupAccountId',
        );
      }
      const policy = await this.policies.current(manager);
      const managers = await this.store.managers(manager, policy);
      // The current manager is weighed without the account's own points in their load.
      const own = policy.points[account.tier];
      const match = matchManager(
        account,
        managers.map((m) => (m.id === account.primaryManagerId ? { ...m, load: m.load - own } : m)),
        policy,
      );
      const [assignment] = await this.primaryOf(caller, [accountId]);
      const [unassignable] = await manager.query<{ reason: string }[]>(
        'SELECT reason FROM managers.unassignable_account WHERE group_account_id = $1',
        [accountId],
      );
      return {
        groupAccountId: accountId,
        tier: account.tier,
        regionCode: account.regionCode,
        industryCode: account.industryCode,
        policyVersion: policy.version,
        primaryManagerId: assignment?.managerId ?? null,
        assignedReason: assignment?.reason ?? null,
        assignedBy: assignment?.assignedBy ?? null,
        assignedAt: assignment?.assignedAt ?? null,
        unassignableReason: unassignable?.reason ?? null,
        bestManagerId: match.managerId,
        summary: summarise(account, match.managerId, assignment?.managerId ?? null, match),
        candidates: match.candidates.slice(0, 20).map((c) => ({
          managerId: c.managerId,
          grade: c.grade,
          eligible: c.refusals.length === 0,
          refusals: [...c.refusals],
          regionCost: c.cost.region,
          industryCost: c.cost.industry,
          gradeCost: c.cost.grade,
          mismatch: c.cost.mismatch,
          loadShareAfter: Number.isFinite(c.loadShareAfter) ? c.loadShareAfter : null,
          score: c.score,
        })),
      };
    });
  }

  private async leaveTeam(
    manager: EntityManager,
    accountId: string,
    managerId: string,
  ): Promise<boolean> {
    const [, removed] = await manager.query<[unknown[], number]>(
      'DELETE FROM managers.team_member WHERE group_account_id = $1 AND manager_id = $2',
      [accountId, managerId],
    );
    return removed > 0;
  }
}

function summarise(
  account: Pick<AccountFacts, 'tier' | 'regionCode' | 'industryCode'>,
  best: string | null,
  current: string | null,
  match: ReturnType<typeof matchManager>,
): string {
  const head = `A tier ${account.tier} account in ${account.regionCode}, industry ${account.industryCode}.`;
  if (!best) {
    return `${head} No manager may take it now (${match.unassignableReason}); ${current ? `${current} stays accountable` : 'it is listed as unassignable'}.`;
  }
  const top = match.candidates[0];
  const why = top
    ? `mismatch ${top.cost.mismatch} (region ${top.cost.region}, industry ${top.cost.industry}, grade ${top.cost.grade}) and ${Math.round(top.loadShareAfter * 100)}% load after taking it`
    : '';
  return current === best
    ? `${head} ${best} owns it and is still the best fit: ${why}.`
    : `${head} The best fit now is ${best}: ${why}${current ? `; it is owned by ${current}` : ''}.`;
}
