import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LIVE_PORTFOLIO_SCHEMA } from './portfolio-facts.repository.js';
import type { VisibilityEntry } from './portfolio-visibility.fold.js';

const ENTRY_COLUMNS = 'group_account_id, relation, subject, since';

/**
 * Reads and writes the visibility rows (`portfolio_entry`) of many accounts at once, in the live
 * schema or a rebuild's; what the rows become is `foldVisibility`'s.
 */
@Injectable()
export class PortfolioEntriesRepository {
  /** The visibility rows of these accounts, in one query; an account without any has none. */
  async entriesOf(
    manager: EntityManager,
    ids: readonly string[],
    schema = LIVE_PORTFOLIO_SCHEMA,
  ): Promise<Map<string, VisibilityEntry[]>> {
    const entries = new Map<string, VisibilityEntry[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return entries;
    const rows = await manager.query<(VisibilityEntry & { groupAccountId: string })[]>(
      `SELECT group_account_id AS "groupAccountId", relation, subject,
              to_char(since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS since
         FROM ${schema}.portfolio_entry WHERE group_account_id = ANY($1::uuid[])`,
      [ids],
    );
    for (const { groupAccountId, ...entry } of rows) entries.get(groupAccountId)?.push(entry);
    return entries;
  }

  /**
   * Makes these accounts' visibility rows `entries`, in two statements: the rows no longer there
   * deleted, the new ones inserted; a row that stays is not touched (its `since` is the same).
   */
  async replaceEntries(
    manager: EntityManager,
    entries: ReadonlyMap<string, readonly VisibilityEntry[]>,
    schema = LIVE_PORTFOLIO_SCHEMA,
  ): Promise<void> {
    if (entries.size === 0) return;
    const rows = JSON.stringify(
      [...entries].flatMap(([id, list]) =>
        list.map((e) => ({
          group_account_id: id,
          relation: e.relation,
          subject: e.subject,
          since: e.since,
        })),
      ),
    );
    const recordset = `jsonb_to_recordset($2::jsonb)
      AS x(group_account_id uuid, relation text, subject text, since timestamptz)`;
    await manager.query(
      `DELETE FROM ${schema}.portfolio_entry e
        WHERE e.group_account_id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM ${recordset}
                           WHERE x.group_account_id = e.group_account_id
                             AND x.relation = e.relation AND x.subject = e.subject)`,
      [[...entries.keys()], rows],
    );
    await manager.query(
      `INSERT INTO ${schema}.portfolio_entry (${ENTRY_COLUMNS})
       SELECT ${ENTRY_COLUMNS} FROM ${recordset.replace('$2', '$1')}
       ON CONFLICT DO NOTHING`,
      [rows],
    );
  }
}
