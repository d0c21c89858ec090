import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChecklistItemSeed } from './handover-checklist.js';
import { OPEN_HANDOVER_SQL } from './handover.repository.js';

/** Work other services report open on an account (coordination requests, proposals). */
export interface OpenWorkRow {
  readonly accountId: string;
  readonly source: string;
  readonly ref: string;
  readonly title: string;
}

/** A piece of work another service reports open on an account, and when. */
export interface OpenWork extends OpenWorkRow {
  readonly at: string;
}

/**
 * managers.open_work_item, fed by other services' events, and the checklist items of open
 * handovers it feeds. Writes are event handlers': in the consumer's transaction, each statement
 * idempotent on its own. `service` names who closed an item on the platform's behalf (the
 * service whose work closed), so that only such an item opens again with its work.
 */
@Injectable()
export class OpenWorkRepository {
  openOn(manager: EntityManager, accountIds: readonly string[]): Promise<OpenWorkRow[]> {
    return manager.query<OpenWorkRow[]>(
      `SELECT group_account_id AS "accountId", source, ref, title
         FROM managers.open_work_item
        WHERE group_account_id = ANY($1::uuid[]) AND closed_at IS NULL
        ORDER BY opened_at, ref`,
      [accountIds],
    );
  }

  /** Opens the work, or opens it again (a reopened request). */
  async open(manager: EntityManager, work: OpenWork): Promise<void> {
    await manager.query(
      `INSERT INTO managers.open_work_item (source, ref, group_account_id, title, opened_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (source, ref) DO UPDATE
         SET closed_at = NULL, title = EXCLUDED.title, opened_at = EXCLUDED.opened_at`,
      [work.source, work.ref, work.accountId, work.title, work.at],
    );
  }

  /** The open handovers of the account get the item, open (again if its work closed it). */
  async addToOpenHandovers(
    manager: EntityManager,
    accountId: string,
    seed: ChecklistItemSeed,
    service: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO managers.handover_item (handover_id, key, kind, label, source)
       SELECT h.id, $2, $3, $4, $5 FROM managers.handover h
        WHERE h.group_account_id = $1 AND h.state IN ${OPEN_HANDOVER_SQL}
       ON CONFLICT (handover_id, key) DO UPDATE
         SET state = 'OPEN', label = EXCLUDED.label, note = NULL, channel = NULL,
             resolved_by = NULL, resolved_at = NULL
         WHERE managers.handover_item.resolved_by = $6`,
      [accountId, seed.key, seed.kind, seed.label, seed.source, service],
    );
  }

  /** Closes the work, and its open items in open handovers, done by the work's closing. */
  async close(
    manager: EntityManager,
    work: Pick<OpenWork, 'source' | 'ref' | 'at'>,
    note: string,
    service: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE managers.open_work_item SET closed_at = $3
        WHERE source = $1 AND ref = $2 AND closed_at IS NULL`,
      [work.source, work.ref, work.at],
    );
    await manager.query(
      `UPDATE managers.handover_item i
          SET state = 'DONE', note = $3, resolved_by = $4, resolved_at = now()
         FROM managers.handover h
        WHERE i.handover_id = h.id AND h.state IN ${OPEN_HANDOVER_SQL}
          AND i.key = $1 || ':' || $2 AND i.state = 'OPEN'`,
      [work.source, work.ref, note, service],
    );
  }
}
