import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TieringPolicy } from '@gap/tiering/domain';
import { tieringApplyStatement, type ApplyParameters } from './tiering-apply.sql.js';
import { runParametersOf, tieringRunStatement } from './tiering-run.sql.js';
import type { RunStatus, RunSummary, SummaryRow, TieringRunRecord } from './tiering-run.types.js';

/**
 * How a run's transaction is set, for itself only. It sorts and hashes a million rows and
 * indexes its results: it gets the memory to do so without spilling to disk. Its statements
 * are planned fresh each time and run once: compiling them (JIT) takes seconds and saves less
 * than it costs.
 */
export const RUN_SETTINGS = {
  work_mem: '256MB',
  maintenance_work_mem: '256MB',
  jit: 'off',
} as const;

/** Applies RUN_SETTINGS to the transaction `manager` runs. */
export async function useRunSettings(manager: EntityManager): Promise<void> {
  for (const [name, value] of Object.entries(RUN_SETTINGS)) {
    await manager.query(`SELECT set_config($1, $2, true)`, [name, value]);
  }
}

/** The partition holding a run's results. */
export function resultsTable(runId: string): string {
  return `tiering."run_result_${runId.replace(/-/g, '')}"`;
}

const RUN_COLUMNS = `id, policy_version AS "policyVersion", to_char(as_of, 'YYYY-MM') AS "asOf", status,
  results_of AS "resultsOf", created_by AS "createdBy", created_at AS "createdAt",
  applied_by AS "appliedBy", applied_at AS "appliedAt",
  to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", summary, distribution`;

export interface RunToApply {
  readonly status: RunStatus;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly createdAt: Date;
  readonly resultsOf: string;
}

export type ApplyRow = SummaryRow & { kind: 'EVENTS' | 'DISTRIBUTION'; eventType: string | null };

/** The named queries of applying a run, inside the transaction the repository opened. */
export class ApplyUnitOfWork {
  constructor(readonly manager: EntityManager) {}

  /** The run, locked until the transaction ends; null when there is none. */
  async lockRun(runId: string): Promise<RunToApply | null> {
    const [run] = await this.manager.query<RunToApply[]>(
      `SELECT status, policy_version AS "policyVersion", to_char(as_of, 'YYYY-MM') AS "asOf",
              created_at AS "createdAt", results_of AS "resultsOf"
         FROM tiering.tiering_run WHERE id = $1 FOR UPDATE`,
      [runId],
    );
    return run ?? null;
  }

  /** A run applied after one created at `createdAt`, if any. */
  async appliedSince(createdAt: Date): Promise<string | null> {
    const [newer] = await this.manager.query<{ id: string }[]>(
      `SELECT id FROM tiering.tiering_run WHERE status = 'APPLIED' AND created_at > $1 LIMIT 1`,
      [createdAt],
    );
    return newer?.id ?? null;
  }

  /** New tiers, history and events for every account that changes (TIERING_APPLY_SQL). */
  applyResults(parameters: ApplyParameters): Promise<ApplyRow[]> {
    const statement = tieringApplyStatement(parameters);
    return this.manager.query<ApplyRow[]>(statement.text, statement.values);
  }

  async markApplied(
    runId: string,
    appliedBy: string,
    effectiveFrom: string,
    distribution: RunSummary,
  ): Promise<void> {
    await this.manager.query(
      `UPDATE tiering.tiering_run
          SET status = 'APPLIED', applied_at = now(), applied_by = $2, effective_from = $3,
              distribution = $4
        WHERE id = $1`,
      [runId, appliedBy, effectiveFrom, JSON.stringify(distribution)],
    );
  }
}

/** Tiering runs and their results: every statement a run reads or writes. */
@Injectable()
export class TieringRunRepository {
  private lz4?: boolean;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a preview and computes its results, or points it at an earlier run's results when
   * nothing the run reads has changed since (same policy and month). Returns whose results.
   */
  async recordPreview(
    runId: string,
    asOf: string,
    policy: TieringPolicy,
    createdBy: string,
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      await useRunSettings(manager);
      // Read before the results are computed: a change committed in between raises the
      // revision past the one recorded here, so a later run computes again.
      const [{ revision }] = await manager.query<[{ revision: string }]>(
        'SELECT revision FROM tiering.book_revision',
      );
      const reusable = await this.reusableResults(manager, policy.version, asOf, revision);
      await manager.query(
        `INSERT INTO tiering.tiering_run
           (id, policy_version, as_of, status, created_by, results_of, book_revision)
         VALUES ($1, $2, $3, 'PREVIEWED', $4, $5, $6)`,
        [runId, policy.version, `${asOf}-01`, createdBy, reusable ?? runId, revision],
      );
      if (reusable) return reusable;
      await this.computeResults(manager, runId, asOf, policy);
      return runId;
    });
  }

  async saveSummary(runId: string, summary: unknown): Promise<void> {
    await this.dataSource.query('UPDATE tiering.tiering_run SET summary = $2 WHERE id = $1', [
      runId,
      JSON.stringify(summary),
    ]);
  }

  /** Runs `work` in the apply transaction: run settings, lz4 where there is, the apply lock. */
  async inApplyTransaction<T>(work: (unit: ApplyUnitOfWork) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await useRunSettings(manager);
      // Event batches are large values: lz4 compresses them several times faster than pglz,
      // where the server is built with it (the embedded one is not).
      if (await this.hasLz4(manager)) {
        await manager.query("SET LOCAL default_toast_compression = 'lz4'");
      }
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('tiering.apply'))");
      return work(new ApplyUnitOfWork(manager));
    });
  }

  findRuns(first: number): Promise<TieringRunRecord[]> {
    return this.dataSource.query<TieringRunRecord[]>(
      `SELECT ${RUN_COLUMNS} FROM tiering.tiering_run ORDER BY created_at DESC LIMIT $1`,
      [first],
    );
  }

  async findRun(runId: string): Promise<TieringRunRecord | null> {
    const [run] = await this.dataSource.query<TieringRunRecord[]>(
      `SELECT ${RUN_COLUMNS} FROM tiering.tiering_run WHERE id = $1`,
      [runId],
    );
    return run ?? null;
  }

  findAppliedBetween(from: string | null, to: string | null): Promise<TieringRunRecord[]> {
    return this.dataSource.query<TieringRunRecord[]>(
      `SELECT ${RUN_COLUMNS} FROM tiering.tiering_run
        WHERE status = 'APPLIED' AND ($1::date IS NULL OR effective_from >= $1::date)
          AND ($2::date IS NULL OR effective_from <= $2::date)
        ORDER BY effective_from, applied_at`,
      [from, to],
    );
  }

  /**
   * Tiers in force (overrides winning) and segments of a run's results, with the moves against
   * the tiers in force: one pass over the results. Fresh results carry the tier in force when
   * they were computed; results shown again are compared with the tiers in force now.
   */
  summaryRows(resultsOf: string, fresh: boolean): Promise<SummaryRow[]> {
    const inForce = fresh ? 'r.tier_in_force' : 't.tier';
    return this.dataSource.query<SummaryRow[]>(
      `SELECT CASE WHEN grouping(coalesce(o.tier, r.tier)) = 0 THEN coalesce(o.tier, r.tier) END AS tier,
              CASE WHEN grouping(r.segment) = 0 THEN r.segment END AS segment,
              count(*)::int AS accounts, sum(greatest(r.lifetime_value, 0)) AS value,
              sum(r.revenue) AS revenue,
              count(*) FILTER (WHERE coalesce(o.tier, r.tier) < ${inForce})::int AS up,
              count(*) FILTER (WHERE coalesce(o.tier, r.tier) > ${inForce})::int AS down
         FROM tiering.tiering_run_result r
         LEFT JOIN tiering.tier_override o
           ON o.group_account_id = r.group_account_id AND o.ended_at IS NULL
         ${fresh ? '' : 'LEFT JOIN tiering.account_tier t ON t.group_account_id = r.group_account_id'}
        WHERE r.run_id = $1
        GROUP BY GROUPING SETS ((coalesce(o.tier, r.tier)), (r.segment))`,
      [resultsOf],
    );
  }

  /**
   * Drops the results no run needs any more: all but the applied run's and those of previews
   * made after it. A dropped preview is discarded. Dropping a partition briefly locks the
   * results table, so it waits at most a few seconds and otherwise leaves it to the next apply.
   */
  async pruneResults(appliedRunId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL lock_timeout = '5s'");
      const superseded = await manager.query<{ resultsOf: string }[]>(
        `SELECT DISTINCT r.results_of AS "resultsOf" FROM tiering.tiering_run r
          WHERE to_regclass('tiering.run_result_' || replace(r.results_of::text, '-', '')) IS NOT NULL
         EXCEPT
         SELECT k.results_of FROM tiering.tiering_run k, tiering.tiering_run applied
          WHERE applied.id = $1
            AND (k.id = applied.id OR (k.status = 'PREVIEWED' AND k.created_at > applied.created_at))`,
        [appliedRunId],
      );
      for (const { resultsOf } of superseded) {
        await manager.query(`DROP TABLE ${resultsTable(resultsOf)}`);
        await manager.query(
          "UPDATE tiering.tiering_run SET status = 'DISCARDED' WHERE results_of = $1 AND status = 'PREVIEWED'",
          [resultsOf],
        );
      }
    });
  }

  private async hasLz4(manager: EntityManager): Promise<boolean> {
    if (this.lz4 === undefined) {
      const [row] = await manager.query<{ available: boolean }[]>(
        `SELECT 'lz4' = ANY(enumvals) AS available FROM pg_settings
          WHERE name = 'default_toast_compression'`,
      );
      this.lz4 = row?.available ?? false;
    }
    return this.lz4;
  }

  /**
   * The results of an earlier run this preview may show instead of computing them again: same
   * policy, same month, nothing it reads changed since, and no other run applied after it (its
   * hysteresis read the tiers then in force, which an applied run of its own leaves as they were).
   */
  private async reusableResults(
    manager: EntityManager,
    policyVersion: string,
    asOf: string,
    revision: string,
  ): Promise<string | null> {
    const [found] = await manager.query<{ resultsOf: string }[]>(
      `SELECT r.results_of AS "resultsOf"
         FROM tiering.tiering_run r
        WHERE r.policy_version = $1 AND r.as_of = $2 AND r.book_revision = $3
          AND r.status IN ('PREVIEWED', 'APPLIED')
          AND to_regclass('tiering.run_result_' || replace(r.results_of::text, '-', '')) IS NOT NULL
          AND NOT EXISTS (
                SELECT 1 FROM tiering.tiering_run a
                 WHERE a.status = 'APPLIED' AND a.applied_at > r.created_at
                   AND a.results_of <> r.results_of)
        ORDER BY r.created_at DESC
        LIMIT 1`,
      [policyVersion, `${asOf}-01`, revision],
    );
    return found?.resultsOf ?? null;
  }

  /** The run statement into a table of its own, made the run's partition of the results. */
  private async computeResults(
    manager: EntityManager,
    runId: string,
    asOf: string,
    policy: TieringPolicy,
  ): Promise<void> {
    const table = resultsTable(runId);
    const statement = tieringRunStatement(runParametersOf(runId, asOf, policy));
    await manager.query(`CREATE TABLE ${table} AS ${statement.text}`, statement.values);
    await manager.query(
      `ALTER TABLE ${table} ALTER run_id SET NOT NULL, ALTER group_account_id SET NOT NULL,
         ADD CHECK (run_id = '${runId}')`,
    );
    await manager.query(
      `ALTER TABLE tiering.tiering_run_result ATTACH PARTITION ${table} FOR VALUES IN ('${runId}')`,
    );
    // A new table has no statistics: without them the summary and the apply join it blindly.
    await manager.query(`ANALYZE ${table}`);
  }
}
