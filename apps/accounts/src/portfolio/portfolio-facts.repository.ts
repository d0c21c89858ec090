import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PortfolioFacts } from '@gap/accounts/domain';

/** The live read model's schema; a rebuild writes the same tables in its own. */
export const LIVE_PORTFOLIO_SCHEMA = 'accounts';

const FACT_COLUMNS = `
  group_account_id AS "groupAccountId", tier, tier_change AS "tierChange", segment,
  current_value::text AS "currentValue", potential_value::text AS "potentialValue",
  valued_run_id AS "valuedRunId", primary_manager_id AS "primaryManagerId",
  supervisor_id AS "supervisorId", team, handover_state AS "handoverState",
  handover_id AS "handoverId", handover_to_manager_id AS "handoverToManagerId",
  region_code AS "regionCode", status,
  to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "changedAt"`;

/** The row of the recordset that `save` writes: every column of the table but `applied_at`. */
const RECORD = `x(group_account_id uuid, tier char(1), tier_change text, segment text,
  current_value bigint, potential_value bigint, valued_run_id uuid, primary_manager_id text,
  supervisor_id text, team text[], handover_state text, handover_id uuid,
  handover_to_manager_id text, region_code char(6), status text, changed_at timestamptz)`;

const toRecord = (f: PortfolioFacts) => ({
  group_account_id: f.groupAccountId,
  tier: f.tier,
  tier_change: f.tierChange,
  segment: f.segment,
  current_value: f.currentValue,
  potential_value: f.potentialValue,
  valued_run_id: f.valuedRunId,
  primary_manager_id: f.primaryManagerId,
  supervisor_id: f.supervisorId,
  team: f.team,
  handover_state: f.handoverState,
  handover_id: f.handoverId,
  handover_to_manager_id: f.handoverToManagerId,
  region_code: f.regionCode,
  status: f.status,
  changed_at: f.changedAt,
});

/**
 * A region or status as written: the folded one, or, while the account's creation has not been
 * folded (another service's event came first), the account's own, so that a search on the
 * model finds the account meanwhile. The rebuild writes the same (its folds meet the creation).
 */
const orAccounts = (column: 'region_code' | 'status', value: string) =>
  `coalesce(${value}, (SELECT a.${column} FROM accounts.group_account a
                        WHERE a.id = x.group_account_id))`;

/** Reads and writes the portfolio read model's rows; the fold that computes them is the domain's. */
@Injectable()
export class PortfolioFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The rows of these accounts, locked for the caller's transaction. */
  async lockMany(
    manager: EntityManager,
    ids: readonly string[],
    schema = LIVE_PORTFOLIO_SCHEMA,
  ): Promise<Map<string, PortfolioFacts>> {
    const rows = await manager.query<PortfolioFacts[]>(
      `SELECT ${FACT_COLUMNS} FROM ${schema}.portfolio_account
        WHERE group_account_id = ANY($1::uuid[])
        ORDER BY group_account_id FOR UPDATE`,
      [ids],
    );
    return new Map(rows.map((row) => [row.groupAccountId, row]));
  }

  /** Writes these rows whole, in one statement; each row's `applied_at` is now. */
  async save(
    manager: EntityManager,
    facts: readonly PortfolioFacts[],
    schema = LIVE_PORTFOLIO_SCHEMA,
  ): Promise<void> {
    if (facts.length === 0) return;
    await manager.query(
      `INSERT INTO ${schema}.portfolio_account AS p
         (group_account_id, tier, tier_change, segment, current_value, potential_value,
          valued_run_id, primary_manager_id, supervisor_id, team, handover_state, handover_id,
          handover_to_manager_id, region_code, status, changed_at)
       SELECT group_account_id, tier, tier_change, segment, current_value, potential_value,
              valued_run_id, primary_manager_id, supervisor_id, team, handover_state, handover_id,
              handover_to_manager_id, ${orAccounts('region_code', 'x.region_code')},
              ${orAccounts('status', 'x.status')}, changed_at
         FROM jsonb_to_recordset($1::jsonb) AS ${RECORD}
       ON CONFLICT (group_account_id) DO UPDATE SET
         tier = excluded.tier, tier_change = excluded.tier_change, segment = excluded.segment,
         current_value = excluded.current_value, potential_value = excluded.potential_value,
         valued_run_id = excluded.valued_run_id, primary_manager_id = excluded.primary_manager_id,
         supervisor_id = excluded.supervisor_id, team = excluded.team,
         handover_state = excluded.handover_state, handover_id = excluded.handover_id,
         handover_to_manager_id = excluded.handover_to_manager_id,
         region_code = excluded.region_code, status = excluded.status,
         changed_at = excluded.changed_at, applied_at = clock_timestamp()`,
      [JSON.stringify(facts.map(toRecord))],
    );
  }

  /** The rows of these accounts (a page of an export), by account id; unknown ids are left out. */
  async findMany(
    ids: readonly string[],
    schema = LIVE_PORTFOLIO_SCHEMA,
  ): Promise<Map<string, PortfolioFacts>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.query<PortfolioFacts[]>(
      `SELECT ${FACT_COLUMNS} FROM ${schema}.portfolio_account
        WHERE group_account_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.groupAccountId, row]));
  }

  async find(id: string, schema = LIVE_PORTFOLIO_SCHEMA): Promise<PortfolioFacts | null> {
    const [row] = await this.dataSource.query<PortfolioFacts[]>(
      `SELECT ${FACT_COLUMNS} FROM ${schema}.portfolio_account WHERE group_account_id = $1`,
      [id],
    );
    return row ?? null;
  }
}
