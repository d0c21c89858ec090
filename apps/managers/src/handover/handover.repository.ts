import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate } from '@gap/calendar';
import { isUniqueViolation } from '@gap/database';
import type { ChecklistItemType, HandoverCause, HandoverType } from './handover.types.js';

export const OPEN_HANDOVER_SQL = `('PLANNED', 'SHADOWING')`;
const OPEN = OPEN_HANDOVER_SQL;

export const HANDOVER_COLUMNS = `h.id, h.group_account_id AS "groupAccountId", h.from_manager_id AS "fromManagerId",
  h.to_manager_id AS "toManagerId", COALESCE(t.tier, 'C') AS tier, h.state, h.cause, h.reason,
  to_char(h.due_on, 'YYYY-MM-DD') AS "dueOn", h.planned_by AS "plannedBy", h.planned_at AS "plannedAt",
  h.started_at AS "startedAt", h.completed_at AS "completedAt", h.cancelled_at AS "cancelledAt",
  h.cancel_reason AS "cancelReason", h.escalated_at AS "escalatedAt", h.rebalance_id AS "rebalanceId"`;

const ITEM_COLUMNS = `handover_id AS "handoverId", key, kind, label, source, state, channel, note,
  resolved_by AS "resolvedBy", resolved_at AS "resolvedAt"`;

/** A handover row, without its checklist. */
export type HandoverRow = Omit<HandoverType, 'checklist'>;

/** One handover to insert, already decided. */
export interface NewHandover {
  readonly id: string;
  readonly accountId: string;
  readonly fromManagerId: string;
  readonly toManagerId: string;
  readonly cause: HandoverCause;
  readonly reason: string;
  readonly dueOn: CalendarDate;
  readonly rebalanceId?: string | null;
}

export interface NewChecklistItem {
  readonly handoverId: string;
  readonly key: string;
  readonly kind: string;
  readonly label: string;
  readonly source: string;
}

export interface HandoverFilter {
  readonly ids?: readonly string[];
  readonly accountIds?: readonly string[];
  readonly managerId?: string | null;
  readonly openOnly?: boolean;
  readonly first?: number;
}

/** The handover aggregate: a handover and its checklist items. */
@Injectable()
export class HandoverRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Inserts handovers; false when one of their accounts already has an open handover. */
  async insertMany(
    manager: EntityManager,
    plannedBy: string,
    rows: readonly NewHandover[],
  ): Promise<boolean> {
    try {
      await manager.query(
        `INSERT INTO managers.handover
           (id, group_account_id, from_manager_id, to_manager_id, cause, reason, due_on,
            rebalance_id, planned_by)
         SELECT * , $9 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[],
                                   $6::text[], $7::date[], $8::uuid[])`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.accountId),
          rows.map((r) => r.fromManagerId),
          rows.map((r) => r.toManagerId),
          rows.map((r) => r.cause),
          rows.map((r) => r.reason),
          rows.map((r) => r.dueOn),
          rows.map((r) => r.rebalanceId ?? null),
          plannedBy,
        ],
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error, 'handover_one_open')) return false;
      throw error;
    }
  }

  async insertItems(manager: EntityManager, rows: readonly NewChecklistItem[]): Promise<void> {
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
  }

  /** The account a handover is about (to lock it first), or undefined. */
  async accountOf(id: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query<{ accountId: string }[]>(
      'SELECT group_account_id AS "accountId" FROM managers.handover WHERE id = $1',
      [id],
    );
    return row?.accountId;
  }

  /** The handover, locked for the rest of the transaction (its account locked before). */
  async lock(manager: EntityManager, id: string): Promise<HandoverRow | undefined> {
    const [row] = await manager.query<HandoverRow[]>(
      `SELECT ${HANDOVER_COLUMNS} FROM managers.handover h
         LEFT JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
        WHERE h.id = $1 FOR UPDATE OF h`,
      [id],
    );
    return row;
  }

  async markShadowing(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE managers.handover SET state = 'SHADOWING', started_at = now(), version = version + 1
        WHERE id = $1`,
      [id],
    );
  }

  async item(
    manager: EntityManager,
    handoverId: string,
    key: string,
  ): Promise<ChecklistItemType | undefined> {
    const [item] = await manager.query<ChecklistItemType[]>(
      `SELECT ${ITEM_COLUMNS} FROM managers.handover_item WHERE handover_id = $1 AND key = $2`,
      [handoverId, key],
    );
    return item;
  }

  async resolveItem(
    manager: EntityManager,
    change: {
      handoverId: string;
      key: string;
      outcome: 'DONE' | 'WAIVED';
      note: string | null;
      channel: string | null;
      by: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE managers.handover_item
          SET state = $3, note = $4, channel = $5, resolved_by = $6, resolved_at = now()
        WHERE handover_id = $1 AND key = $2`,
      [change.handoverId, change.key, change.outcome, change.note, change.channel, change.by],
    );
  }

  async openItemKeys(manager: EntityManager, handoverId: string): Promise<string[]> {
    const rows = await manager.query<{ key: string }[]>(
      `SELECT key FROM managers.handover_item WHERE handover_id = $1 AND state = 'OPEN' ORDER BY key`,
      [handoverId],
    );
    return rows.map((row) => row.key);
  }

  /** Marks the handover completed; answers whole days from planning to completion. */
  async markCompleted(manager: EntityManager, id: string): Promise<number> {
    const [[done]] = await manager.query<[{ leadTimeDays: number }[], number]>(
      `UPDATE managers.handover SET state = 'COMPLETED', completed_at = now(), version = version + 1
        WHERE id = $1
        RETURNING GREATEST(0, floor(extract(epoch FROM completed_at - planned_at) / 86400))::int
                  AS "leadTimeDays"`,
      [id],
    );
    return done?.leadTimeDays ?? 0;
  }

  /** The incoming manager leaves the account's team: they become its primary manager. */
  async leaveTeam(manager: EntityManager, accountId: string, managerId: string): Promise<void> {
    await manager.query(
      'DELETE FROM managers.team_member WHERE group_account_id = $1 AND manager_id = $2',
      [accountId, managerId],
    );
  }

  async markCancelled(
    manager: EntityManager,
    id: string,
    by: string,
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE managers.handover
          SET state = 'CANCELLED', cancelled_at = now(), cancelled_by = $2, cancel_reason = $3,
              version = version + 1
        WHERE id = $1`,
      [id, by, reason],
    );
  }

  /**
   * Handovers matching the filter whose account passes `visible` (an SQL condition on
   * `h.group_account_id` with the subject at $6) or that concern the subject or one of
   * `team`, newest first, with their checklists.
   */
  async list(
    filter: HandoverFilter,
    visible: string,
    subject: string,
    team: readonly string[] = [],
  ): Promise<HandoverType[]> {
    const rows = await this.dataSource.query<HandoverRow[]>(
      `SELECT ${HANDOVER_COLUMNS} FROM managers.handover h
         LEFT JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
        WHERE ($1::uuid[] IS NULL OR h.id = ANY($1::uuid[]))
          AND ($2::uuid[] IS NULL OR h.group_account_id = ANY($2::uuid[]))
          AND ($3::text IS NULL OR h.from_manager_id = $3 OR h.to_manager_id = $3)
          AND (NOT $4 OR h.state IN ${OPEN})
          AND (${visible} OR h.from_manager_id = $6 OR h.to_manager_id = $6
               OR h.from_manager_id = ANY($7::text[]) OR h.to_manager_id = ANY($7::text[]))
        ORDER BY h.planned_at DESC, h.id
        LIMIT $5`,
      [
        filter.ids ?? null,
        filter.accountIds ?? null,
        filter.managerId ?? null,
        filter.openOnly ?? false,
        Math.min(Math.max(filter.first ?? 50, 1), 500),
        subject,
        team,
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
}
