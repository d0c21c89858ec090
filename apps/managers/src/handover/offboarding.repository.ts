import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate } from '@gap/calendar';
import {
  HANDOVER_COLUMNS,
  OPEN_HANDOVER_SQL as OPEN,
  type HandoverRow,
} from './handover.repository.js';

/** A handover escalated on its due day, with its outgoing manager's supervisor. */
export interface DueHandover {
  readonly id: string;
  readonly groupAccountId: string;
  readonly fromManagerId: string;
  readonly toManagerId: string;
  readonly dueOn: string;
  readonly supervisorId: string | null;
}

/**
 * What offboarding and the deadline rounds change: a leaving manager's row and the places they
 * hold, and the open handovers due by a day or coming to a leaver.
 */
@Injectable()
export class OffboardingRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async markLeaving(
    manager: EntityManager,
    managerId: string,
    lastDay: CalendarDate,
  ): Promise<void> {
    await manager.query(
      `UPDATE managers.account_manager
          SET status = 'LEAVING', last_day = $2, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [managerId, lastDay],
    );
  }

  /** Managers still LEAVING whose last day is before `today`, in id order. */
  async leaversDue(today: CalendarDate): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM managers.account_manager WHERE status = 'LEAVING' AND last_day < $1 ORDER BY id`,
      [today],
    );
    return rows.map((row) => row.id);
  }

  async markLeft(manager: EntityManager, managerId: string): Promise<void> {
    await manager.query(
      "UPDATE managers.account_manager SET status = 'LEFT', version = version + 1, updated_at = now() WHERE id = $1",
      [managerId],
    );
  }

  /** Takes the manager off every account's team; answers those accounts. */
  async leaveAllTeams(manager: EntityManager, managerId: string): Promise<string[]> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      'DELETE FROM managers.team_member WHERE manager_id = $1 RETURNING group_account_id AS id',
      [managerId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Ends the primary assignment of an account listed as unassigned with nobody accountable
   * (the database refuses it otherwise), so that a LEFT manager is primary of nothing.
   */
  async releasePrimary(
    manager: EntityManager,
    accountId: string,
    managerId: string,
  ): Promise<void> {
    await manager.query(
      'DELETE FROM managers.primary_assignment WHERE group_account_id = $1 AND manager_id = $2',
      [accountId, managerId],
    );
  }

  /** Marks open handovers due by `today` escalated, once; answers them. */
  async escalateDue(manager: EntityManager, today: CalendarDate): Promise<DueHandover[]> {
    const [due] = await manager.query<[DueHandover[], number]>(
      `UPDATE managers.handover h SET escalated_at = now()
         FROM managers.account_manager m
        WHERE m.id = h.from_manager_id AND h.state IN ${OPEN}
          AND h.escalated_at IS NULL AND h.due_on <= $1
        RETURNING h.id, h.group_account_id AS "groupAccountId", h.from_manager_id AS "fromManagerId",
                  h.to_manager_id AS "toManagerId", to_char(h.due_on, 'YYYY-MM-DD') AS "dueOn",
                  m.supervisor_id AS "supervisorId"`,
      [today],
    );
    return due;
  }

  /** Open item keys of many handovers, by handover. */
  async openItemsOf(
    manager: EntityManager,
    handoverIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const rows = await manager.query<{ handoverId: string; key: string }[]>(
      `SELECT handover_id AS "handoverId", key FROM managers.handover_item
        WHERE handover_id = ANY($1::uuid[]) AND state = 'OPEN' ORDER BY key`,
      [handoverIds],
    );
    const open = new Map<string, string[]>(handoverIds.map((id) => [id, []]));
    for (const row of rows) open.get(row.handoverId)?.push(row.key);
    return open;
  }

  /** Open handovers coming to a manager. */
  openIncoming(manager: EntityManager, managerId: string): Promise<HandoverRow[]> {
    return manager.query<HandoverRow[]>(
      `SELECT ${HANDOVER_COLUMNS} FROM managers.handover h
         LEFT JOIN managers.account_tier t ON t.group_account_id = h.group_account_id
        WHERE h.to_manager_id = $1 AND h.state IN ${OPEN}
        ORDER BY h.id`,
      [managerId],
    );
  }

  /** A leaving manager's open handovers are due on their last day at the latest. */
  async dueByLastDay(
    manager: EntityManager,
    managerId: string,
    lastDay: CalendarDate,
  ): Promise<void> {
    await manager.query(
      `UPDATE managers.handover SET due_on = LEAST(due_on, $2), version = version + 1
        WHERE from_manager_id = $1 AND state IN ${OPEN}`,
      [managerId, lastDay],
    );
  }
}
