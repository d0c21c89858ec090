import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { portfolioTableSql } from '@gap/portfolio';
import {
  portfolioAccountPlaceSql,
  portfolioAccountTableSql,
} from './portfolio-account.migration.js';
import { LIVE_PORTFOLIO_SCHEMA } from './portfolio-facts.repository.js';

/** Where a rebuild writes the read model before it is compared with the live one. */
export const REBUILD_PORTFOLIO_SCHEMA = 'portfolio_rebuild';

const LIVE = LIVE_PORTFOLIO_SCHEMA;
const REBUILT = REBUILD_PORTFOLIO_SCHEMA;

/** Every column of portfolio_account but `applied_at`, which says when, not what. */
const FACT_COLUMNS = `group_account_id, tier, tier_change, segment, current_value,
  potential_value, valued_run_id, primary_manager_id, supervisor_id, team, handover_state,
  handover_id, handover_to_manager_id, region_code, status, changed_at`;
const ENTRY_COLUMNS = 'group_account_id, relation, subject, since';

/** The differing rows of one table: rebuilt but not live, live but not rebuilt. */
const differing = (table: string, columns: string) => `
  SELECT 'rebuilt' AS side, group_account_id FROM (
    SELECT ${columns} FROM ${REBUILT}.${table} EXCEPT SELECT ${columns} FROM ${LIVE}.${table}) r
  UNION ALL
  SELECT 'live' AS side, group_account_id FROM (
    SELECT ${columns} FROM ${LIVE}.${table} EXCEPT SELECT ${columns} FROM ${REBUILT}.${table}) l`;

const DIFFERENCES = `
  SELECT 'account' AS tbl, side, group_account_id FROM (${differing('portfolio_account', FACT_COLUMNS)}) a
  UNION ALL
  SELECT 'entry' AS tbl, side, group_account_id FROM (${differing('portfolio_entry', ENTRY_COLUMNS)}) e`;

/** How the rebuilt model differs from the live one. */
export interface PortfolioDifferences {
  /** Rows of portfolio_account only in the rebuilt model (missing or different live). */
  readonly accountRowsOnlyRebuilt: number;
  /** Rows of portfolio_account only in the live model (extra or different there). */
  readonly accountRowsOnlyLive: number;
  readonly entryRowsOnlyRebuilt: number;
  readonly entryRowsOnlyLive: number;
  /** Accounts with any differing row. */
  readonly accounts: number;
  /** Up to ten of them, in id order. */
  readonly sample: readonly string[];
}

export interface ApplyOutcome {
  /** Accounts whose live rows were replaced by the rebuilt ones. */
  readonly replaced: number;
  /** Differing accounts left alone: the live projection wrote them after the rebuild's cut-off. */
  readonly leftAlone: number;
}

/** The rebuild's own schema: created afresh, filled batch by batch, compared, applied. */
@Injectable()
export class PortfolioRebuildRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The database's clock (ISO-8601), against which `applied_at` is compared. */
  async now(): Promise<string> {
    const [row] = await this.dataSource.query<{ at: string }[]>(
      `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`,
    );
    return row?.at ?? new Date().toISOString();
  }

  /**
   * Drops and creates the rebuild's schema with the live tables' DDL. The tables are unlogged
   * (a scratch copy: lost on a crash, rebuilt again) and get their secondary indexes only in
   * `finish`: a million rows written several times go in without maintaining five indexes.
   */
  async recreate(): Promise<void> {
    const [accountTable] = portfolioAccountTableSql(REBUILT);
    const [entryTable] = portfolioTableSql(REBUILT);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DROP SCHEMA IF EXISTS ${REBUILT} CASCADE`);
      await manager.query(`CREATE SCHEMA ${REBUILT}`);
      const place = portfolioAccountPlaceSql(REBUILT).columns;
      for (const statement of [accountTable, place, entryTable]) {
        if (statement) await manager.query(statement);
      }
      await manager.query(`ALTER TABLE ${REBUILT}.portfolio_account SET UNLOGGED`);
      await manager.query(`ALTER TABLE ${REBUILT}.portfolio_entry SET UNLOGGED`);
    });
  }

  /** Adds the secondary indexes the live tables have, so the rebuilt schema is their copy. */
  async finish(): Promise<{ accounts: number; entries: number }> {
    const indexes = [
      // Migration 1763900000130's indexes replace one of 1763900000120's: built once.
      ...portfolioAccountTableSql(REBUILT)
        .slice(1)
        .filter((statement) => !statement.includes('portfolio_account_tier_value_idx')),
      ...portfolioAccountPlaceSql(REBUILT).indexes,
      ...portfolioTableSql(REBUILT).slice(1),
    ];
    for (const statement of indexes) await this.dataSource.query(statement);
    await this.dataSource.query(`ANALYZE ${REBUILT}.portfolio_account, ${REBUILT}.portfolio_entry`);
    const [counts] = await this.dataSource.query<{ accounts: number; entries: number }[]>(
      `SELECT (SELECT count(*) FROM ${REBUILT}.portfolio_account)::int AS accounts,
              (SELECT count(*) FROM ${REBUILT}.portfolio_entry)::int AS entries`,
    );
    return counts ?? { accounts: 0, entries: 0 };
  }

  async compare(): Promise<PortfolioDifferences> {
    const [row] = await this.dataSource.query<
      {
        accountsRebuilt: number;
        accountsLive: number;
        entriesRebuilt: number;
        entriesLive: number;
        accounts: number;
        sample: string[] | null;
      }[]
    >(
      `WITH d AS (${DIFFERENCES}), ids AS (SELECT DISTINCT group_account_id FROM d)
       SELECT count(*) FILTER (WHERE tbl = 'account' AND side = 'rebuilt')::int AS "accountsRebuilt",
              count(*) FILTER (WHERE tbl = 'account' AND side = 'live')::int AS "accountsLive",
              count(*) FILTER (WHERE tbl = 'entry' AND side = 'rebuilt')::int AS "entriesRebuilt",
              count(*) FILTER (WHERE tbl = 'entry' AND side = 'live')::int AS "entriesLive",
              (SELECT count(*) FROM ids)::int AS accounts,
              (SELECT array_agg(group_account_id::text) FROM (
                 SELECT group_account_id FROM ids ORDER BY group_account_id LIMIT 10) s) AS sample
         FROM d`,
    );
    return {
      accountRowsOnlyRebuilt: row?.accountsRebuilt ?? 0,
      accountRowsOnlyLive: row?.accountsLive ?? 0,
      entryRowsOnlyRebuilt: row?.entriesRebuilt ?? 0,
      entryRowsOnlyLive: row?.entriesLive ?? 0,
      accounts: row?.accounts ?? 0,
      sample: row?.sample ?? [],
    };
  }

  /**
   * Replaces, in one transaction, the live rows of every differing account with the rebuilt
   * ones, except for accounts the live projection wrote after `cutoff` (its `applied_at`): the
   * rebuild read every event that was in the log at `cutoff`, so a live row written before then
   * holds no event the rebuilt row lacks, while a later one may. The live rows are locked first,
   * as the projection locks them, so none is written in between.
   */
  async apply(cutoff: string): Promise<ApplyOutcome> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `CREATE TEMP TABLE rebuild_diff ON COMMIT DROP AS
         SELECT DISTINCT group_account_id FROM (${DIFFERENCES}) d`,
      );
      await manager.query(
        `SELECT 1 FROM ${LIVE}.portfolio_account
          WHERE group_account_id IN (SELECT group_account_id FROM rebuild_diff) FOR UPDATE`,
      );
      await manager.query(
        `CREATE TEMP TABLE rebuild_fix ON COMMIT DROP AS
         SELECT d.group_account_id FROM rebuild_diff d
           LEFT JOIN ${LIVE}.portfolio_account l USING (group_account_id)
          WHERE l.applied_at IS NULL OR l.applied_at <= $1::timestamptz`,
        [cutoff],
      );
      await manager.query(
        `DELETE FROM ${LIVE}.portfolio_account l USING rebuild_fix f
          WHERE l.group_account_id = f.group_account_id
            AND NOT EXISTS (SELECT 1 FROM ${REBUILT}.portfolio_account r
                             WHERE r.group_account_id = f.group_account_id)`,
      );
      // A live row inserted since the lock (the account was unknown live) is newer: kept.
      await manager.query(
        `WITH upserted AS (
           INSERT INTO ${LIVE}.portfolio_account AS l (${FACT_COLUMNS})
           SELECT ${FACT_COLUMNS} FROM ${REBUILT}.portfolio_account
            WHERE group_account_id IN (SELECT group_account_id FROM rebuild_fix)
           ON CONFLICT (group_account_id) DO UPDATE SET
             tier = excluded.tier, tier_change = excluded.tier_change, segment = excluded.segment,
             current_value = excluded.current_value, potential_value = excluded.potential_value,
             valued_run_id = excluded.valued_run_id,
             primary_manager_id = excluded.primary_manager_id,
             supervisor_id = excluded.supervisor_id, team = excluded.team,
             handover_state = excluded.handover_state, handover_id = excluded.handover_id,
             handover_to_manager_id = excluded.handover_to_manager_id,
             region_code = excluded.region_code, status = excluded.status,
             changed_at = excluded.changed_at, applied_at = clock_timestamp()
           WHERE l.applied_at <= $1::timestamptz
           RETURNING l.group_account_id)
         DELETE FROM rebuild_fix f
          WHERE EXISTS (SELECT 1 FROM ${REBUILT}.portfolio_account r
                         WHERE r.group_account_id = f.group_account_id)
            AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.group_account_id = f.group_account_id)`,
        [cutoff],
      );
      await manager.query(
        `DELETE FROM ${LIVE}.portfolio_entry
          WHERE group_account_id IN (SELECT group_account_id FROM rebuild_fix)`,
      );
      await manager.query(
        `INSERT INTO ${LIVE}.portfolio_entry (${ENTRY_COLUMNS})
         SELECT ${ENTRY_COLUMNS} FROM ${REBUILT}.portfolio_entry
          WHERE group_account_id IN (SELECT group_account_id FROM rebuild_fix)`,
      );
      const [counts] = await manager.query<ApplyOutcome[]>(
        `SELECT (SELECT count(*) FROM rebuild_fix)::int AS replaced,
                (SELECT count(*) FROM rebuild_diff)::int
                  - (SELECT count(*) FROM rebuild_fix)::int AS "leftAlone"`,
      );
      return counts ?? { replaced: 0, leftAlone: 0 };
    });
  }

  async drop(): Promise<void> {
    await this.dataSource.query(`DROP SCHEMA IF EXISTS ${REBUILT} CASCADE`);
  }
}
