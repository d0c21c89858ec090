import { Injectable, Logger } from '@nestjs/common';
import { addDays, todayInChina } from '@gap/calendar';
import type { EventEnvelope, EventPayload } from '@gap/contracts';
import { renderReason } from '@gap/i18n';
import { gradeMayOwn, placeAccounts, type Tier } from '@gap/managers/domain';
import { AccountProjectionRepository } from './account-projection.repository.js';
import { AssignmentRepository, type AccountFacts, type Tx } from './assignment.repository.js';
import { PLACEMENT_REASONS } from './assignment.reasons.js';
import { HandoverPlanner, SYSTEM_HANDOVER_DAYS } from './handover-planner.js';
import { PlacementBookService, type OpenBook } from './placement-book.service.js';
import { PlacementRepository, type NewAccount } from './placement.repository.js';

/**
 * Automatic assignment, from the accounts and tiering services' events. The accounts created
 * in one consumer batch are gathered and placed together just before its transaction commits:
 * written in a few set-based statements, matched with the book of managers' loads kept in
 * memory (heaviest tier first), each given its primary manager or listed as unassignable. An
 * account whose tier its manager's grade may no longer own is handed over to one who may.
 * Any other event of the batch first places what was gathered, so that it sees those accounts.
 */
@Injectable()
export class AutomaticAssignmentService {
  private readonly logger = new Logger(AutomaticAssignmentService.name);
  /** The accounts created in each transaction and not placed yet. */
  private readonly gathered = new WeakMap<Tx, EventPayload<'AccountCreated'>[]>();

  constructor(
    private readonly repository: AssignmentRepository,
    private readonly accounts: AccountProjectionRepository,
    private readonly placements: PlacementRepository,
    private readonly books: PlacementBookService,
    private readonly handovers: HandoverPlanner,
  ) {}

  onAccountCreated(event: EventEnvelope<'AccountCreated'>, tx: Tx): Promise<void> {
    let gathered = this.gathered.get(tx);
    if (!gathered) {
      gathered = [];
      this.gathered.set(tx, gathered);
      this.placements.beforeCommit(tx, () => this.placeGathered(tx));
    }
    gathered.push(event.payload);
    return Promise.resolve();
  }

  onAccountUpdated(event: EventEnvelope<'AccountUpdated'>, tx: Tx): Promise<void> {
    return this.afterGathered(tx, () => this.accounts.updateAccount(tx, event.payload));
  }

  /** A churned account frees its manager's capacity; one that comes back takes it again. */
  onAccountStatusChanged(event: EventEnvelope<'AccountStatusChanged'>, tx: Tx): Promise<void> {
    const { groupAccountId, to } = event.payload;
    return this.afterGathered(tx, () =>
      this.books.within(tx, async (open) => {
        const [before] = await this.repository.lockAccounts(tx, [groupAccountId]);
        await this.accounts.setAccountStatus(tx, groupAccountId, to);
        if (before && (before.status === 'CHURNED') !== (to === 'CHURNED')) {
          const points = open.policy.points[before.tier] * (to === 'CHURNED' ? -1 : 1);
          if (before.primaryManagerId) open.book.addLoad(before.primaryManagerId, points);
          if (before.incomingManagerId) open.book.addLoad(before.incomingManagerId, points);
        }
        open.changed();
      }),
    );
  }

  /**
   * A new tier: if the primary manager's grade may no longer own it, the account is handed
   * over to the best manager who may (TIER_CHANGE), or listed as unassignable while its
   * manager stays accountable. An account without a manager is tried again.
   */
  onTierChanged(
    event: EventEnvelope<'TierChanged'> | EventEnvelope<'TierAssigned'>,
    tx: Tx,
  ): Promise<void> {
    const { groupAccountId } = event.payload;
    const tier = event.payload.tier as Tier;
    return this.afterGathered(tx, () =>
      this.books.within(tx, async (open) => {
        const [before] = await this.repository.lockAccounts(tx, [groupAccountId]);
        await this.accounts.setTier(tx, groupAccountId, tier);
        // The book follows the points the new tier weighs, wherever the account counts.
        if (before && before.status !== 'CHURNED' && before.tier !== tier) {
          const delta = open.policy.points[tier] - open.policy.points[before.tier];
          if (before.primaryManagerId) open.book.addLoad(before.primaryManagerId, delta);
          if (before.incomingManagerId) open.book.addLoad(before.incomingManagerId, delta);
        }
        open.changed();
        if (!before) return; // The account's creation has not arrived yet: it is placed then.
        const account = { ...before, tier };
        const primary = account.primaryManagerId;
        if (!primary) {
          if (account.status !== 'CHURNED') await this.place(tx, open, [account]);
          return;
        }
        if (account.openHandoverId) return;
        const current = open.book.manager(primary);
        if (current && gradeMayOwn(current.grade, tier, open.policy)) return;
        await this.handOver(tx, open, { ...account, primaryManagerId: primary }, current?.grade);
      }),
    );
  }

  /**
   * Places the listed accounts that have no manager yet, oldest first, together (after
   * managers are registered or freed), except those with an open handover: completing it
   * gives them their manager. Returns how many found a manager.
   */
  placeUnassigned(limit = 500): Promise<number> {
    return this.repository.transaction((tx) =>
      this.books.within(tx, async (open) => {
        const ids = await this.placements.waitingForManager(tx, limit);
        // An open handover gives the account its manager when it completes: it is not placed.
        const waiting = (await this.repository.lockAccounts(tx, ids)).filter(
          (a) => !a.primaryManagerId && !a.openHandoverId && a.status !== 'CHURNED',
        );
        return this.place(tx, open, waiting);
      }),
    );
  }

  /** Writes and places the accounts gathered in the transaction (none: nothing to do). */
  private async placeGathered(tx: Tx): Promise<void> {
    const gathered = this.gathered.get(tx);
    if (!gathered || gathered.length === 0) return;
    this.gathered.set(tx, []);
    // Capacity first (opening the book takes its lock), then the accounts' rows: the order
    // every path that takes the capacity lock keeps, so that none writes before it.
    await this.books.within(tx, async (open) => {
      const created = await this.placements.insertAccounts(tx, gathered);
      const placeable = created.filter((account) => account.status !== 'CHURNED');
      if (placeable.length > 0) await this.place(tx, open, placeable);
    });
  }

  /**
   * Runs another event's work after placing what the transaction gathered. Should the work
   * fail, its savepoint takes the placement with it: the gathered accounts are placed again at
   * commit, and the book, changed in memory, is read again.
   */
  private async afterGathered(tx: Tx, work: () => Promise<void>): Promise<void> {
    const waiting = [...(this.gathered.get(tx) ?? [])];
    try {
      await this.placeGathered(tx);
      await work();
    } catch (error) {
      if (waiting.length > 0) {
        this.gathered.set(tx, [...waiting, ...(this.gathered.get(tx) ?? [])]);
        this.placements.beforeCommit(tx, () => this.placeGathered(tx));
      }
      this.books.forget();
      throw error;
    }
  }

  /** Gives accounts without a primary manager the book's choice together, or lists them. */
  private async place(
    tx: Tx,
    open: OpenBook,
    accounts: readonly (NewAccount | AccountFacts)[],
  ): Promise<number> {
    const byId = new Map(accounts.map((a) => [a.id, a]));
    const firsts = [];
    for (const placement of placeAccounts(open.book, accounts)) {
      const account = byId.get(placement.accountId);
      if (!account) continue;
      if (placement.managerId) {
        firsts.push({
          accountId: account.id,
          managerId: placement.managerId,
          supervisorId: open.manager(placement.managerId)?.supervisorId ?? null,
          reason: 'AUTOMATIC',
          by: 'system',
        });
      } else {
        this.logger.warn(
          `account ${account.id}: ${renderReason(PLACEMENT_REASONS, placement.reason, 'en')}`,
        );
        await this.repository.markUnassignable(
          tx,
          { id: account.id, tier: account.tier, primaryManagerId: null },
          placement.unassignableReason ?? 'NO_CAPACITY',
          open.policy,
        );
      }
    }
    if (firsts.length > 0) open.changed();
    await this.placements.assignFirst(tx, firsts);
    return firsts.length;
  }

  private async handOver(
    tx: Tx,
    open: OpenBook,
    account: AccountFacts & { primaryManagerId: string },
    grade: string | undefined,
  ): Promise<void> {
    const match = open.book.match(account, new Set([account.primaryManagerId]));
    if (!match.managerId) {
      const why = match.unassignableReason ?? 'NO_CAPACITY';
      await this.repository.markUnassignable(tx, account, why, open.policy);
      return;
    }
    // Capacity is reserved with the incoming manager as soon as the handover is planned.
    open.book.addLoad(match.managerId, open.policy.points[account.tier]);
    open.changed();
    await this.handovers.planMany(tx, 'system', [
      {
        accountId: account.id,
        tier: account.tier,
        fromManagerId: account.primaryManagerId,
        toManagerId: match.managerId,
        cause: 'TIER_CHANGE',
        reason: `Tier ${account.tier}: a ${grade ?? 'former'} manager may not own it (policy ${open.policy.version}).`,
        dueOn: addDays(todayInChina(), SYSTEM_HANDOVER_DAYS),
      },
    ]);
  }
}
