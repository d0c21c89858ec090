import type { EntityManager } from 'typeorm';

/** Work other services report open on an account (coordination requests, proposals). */
export interface OpenWorkRow {
  readonly accountId: string;
  readonly source: string;
  readonly ref: string;
  readonly title: string;
}

/** managers.open_work_item, fed by other services' events; read in the caller's transaction. */
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
}
