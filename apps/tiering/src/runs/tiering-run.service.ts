import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { isCalendarDate, todayInChina, type CalendarDate } from '@gap/calendar';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { Correlation } from '@gap/observability';
import {
  TIERS,
  VALUE_SEGMENTS,
  type Tier,
  type TieringPolicy,
  type ValueSegment,
} from '@gap/tiering/domain';
import { TierOverrideService } from '../overrides/tier-override.service.js';
import { TieringPolicyService } from '../value/tiering-policy.service.js';
import { TIERING_APPLY_SQL } from './tiering-apply.sql.js';
import { TIERING_RUN_SQL } from './tiering-run.sql.js';

export interface TierSummary {
  readonly tier: Tier;
  readonly accounts: number;
  /** Sum of positive lifetime value in the tier, and its share of the book's. */
  readonly value: number;
  readonly valueShare: number;
  readonly revenue: number;
  readonly revenueShare: number;
  /** Accounts that would move into this tier from a lower (up) or higher (down) one. */
  readonly movingUp: number;
  readonly movingDown: number;
}

export interface SegmentSummary {
  readonly segment: ValueSegment;
  readonly accounts: number;
  readonly value: number;
  readonly valueShare: number;
}

export interface RunSummary {
  readonly accounts: number;
  readonly tiers: readonly TierSummary[];
  readonly segments: readonly SegmentSummary[];
  /** The 20/80 check: the share of accounts in A, and the share of value they hold. */
  readonly accountShareOfA: number;
  readonly valueShareOfA: number;
}

export interface RunPreview extends RunSummary {
  readonly runId: string;
  readonly policyVersion: string;
  readonly asOf: string;
  /** The run whose results this one shows: itself, or an earlier run over the same book. */
  readonly resultsOf: string;
  readonly seconds: number;
}

export interface AppliedRun {
  readonly runId: string;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly effectiveFrom: string;
  readonly accounts: number;
  /** Accounts whose tier in force changed: one TierChanged each. */
  readonly changed: number;
  /** Accounts placed in another value segment: one ValueSegmentChanged each. */
  readonly segmentsChanged: number;
}

export type RunStatus = 'PREVIEWED' | 'APPLIED' | 'DISCARDED';

export interface TieringRunRecord {
  readonly id: string;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly status: RunStatus;
  readonly resultsOf: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly appliedBy: string | null;
  readonly appliedAt: Date | null;
  readonly effectiveFrom: string | null;
  /** As previewed. */
  readonly summary: RunPreview | null;
  /** The tiers in force and the segments right after it was applied. */
  readonly distribution: RunSummary | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

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

/**
 * Tiering runs. `preview` computes every account's value and tier over the whole book in one
 * set-based statement and keeps the result, with a summary, for inspection; when nothing the
 * run reads has changed since an earlier run with the same policy and month, it shows that
 * run's results instead of computing them again. `apply` makes a preview effective.
 */
@Injectable()
export class TieringRunService {
  private readonly logger = new Logger(TieringRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: TieringPolicyService,
    private readonly overrides: TierOverrideService,
    private readonly events: OutboxPublisher,
  ) {}

  async preview(caller: Caller, asOf: string, policyVersion?: string): Promise<RunPreview> {
    if (!hasRole(caller, 'ADMIN')) throw DomainError.forbidden('Only admins run tiering.');
    if (!MONTH.test(asOf)) {
      throw DomainError.invalidInput([
        {
          field: 'asOf',
          reason: 'MONTH_INVALID',
          message: `'${asOf}' is not a month of the form YYYY-MM.`,
        },
      ]);
    }
    const policy = policyVersion
      ? await this.policies.byVersion(policyVersion)
      : await this.policies.current();
    const runId = randomUUID();
    const started = performance.now();
    const resultsOf = await this.dataSource.transaction(async (manager) => {
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
        [runId, policy.version, `${asOf}-01`, caller.subject, reusable ?? runId, revision],
      );
      if (reusable) return reusable;
      await this.computeResults(manager, runId, asOf, policy);
      return runId;
    });
    const summary = await this.summarise(this.dataSource.manager, resultsOf, resultsOf === runId);
    const preview: RunPreview = {
      runId,
      policyVersion: policy.version,
      asOf,
      resultsOf,
      ...summary,
      seconds: (performance.now() - started) / 1000,
    };
    await this.dataSource.query('UPDATE tiering.tiering_run SET summary = $2 WHERE id = $1', [
      runId,
      JSON.stringify(preview),
    ]);
    return preview;
  }

  /**
   * Makes a previewed run effective from a date: new tiers, history and TierChanged /
   * ValueSegmentChanged events for the accounts that change, all in one transaction, and
   * TieringRunApplied. Overrides whose last day has passed end first; those in force win.
   * A run is applied once; a run older than one already applied is refused, as its book has
   * moved on.
   */
  async apply(
    caller: Caller,
    runId: string,
    effectiveFrom: string,
    today: CalendarDate = todayInChina(),
  ): Promise<AppliedRun> {
    if (!hasRole(caller, 'ADMIN')) throw DomainError.forbidden('Only admins apply tiering runs.');
    if (!isCalendarDate(effectiveFrom)) {
      throw DomainError.invalidInput([
        {
          field: 'effectiveFrom',
          reason: 'DATE_INVALID',
          message: `'${effectiveFrom}' is not a date of the form YYYY-MM-DD.`,
        },
      ]);
    }
    const applied = await this.dataSource.transaction(async (manager) => {
      await useRunSettings(manager);
      // Event batches are large values: lz4 compresses them several times faster than pglz,
      // where the server is built with it (the embedded one is not).
      if (await this.hasLz4(manager)) {
        await manager.query("SET LOCAL default_toast_compression = 'lz4'");
      }
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('tiering.apply'))");
      const run = await this.runForApply(manager, runId);
      await this.overrides.expireDue(manager, today);
      const written = await manager.query<
        (SummaryRow & { kind: 'EVENTS' | 'DISTRIBUTION'; eventType: string | null })[]
      >(TIERING_APPLY_SQL, [
        run.resultsOf,
        run.policyVersion,
        effectiveFrom,
        Correlation.current()?.correlationId ?? null,
        new Date().toISOString(),
        runId,
      ]);
      const distribution = summaryOf(written.filter((row) => row.kind === 'DISTRIBUTION'));
      await manager.query(
        `UPDATE tiering.tiering_run
            SET status = 'APPLIED', applied_at = now(), applied_by = $2, effective_from = $3,
                distribution = $4
          WHERE id = $1`,
        [runId, caller.subject, effectiveFrom, JSON.stringify(distribution)],
      );
      const count = (type: string) =>
        written.find((row) => row.kind === 'EVENTS' && row.eventType === type)?.accounts ?? 0;
      const result: AppliedRun = {
        runId,
        policyVersion: run.policyVersion,
        asOf: run.asOf,
        effectiveFrom,
        accounts: distribution.accounts,
        changed: count('TierChanged'),
        segmentsChanged: count('ValueSegmentChanged'),
      };
      await this.events.record(manager, {
        type: 'TieringRunApplied',
        aggregateId: runId,
        payload: result,
      });
      return result;
    });
    await this.pruneResults(runId).catch((error: unknown) =>
      this.logger.warn(`superseded run results not dropped yet: ${String(error)}`),
    );
    return applied;
  }

  private lz4?: boolean;

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

  async list(caller: Caller, first = 20): Promise<TieringRunRecord[]> {
    this.assertMayRead(caller);
    return this.dataSource.query<TieringRunRecord[]>(
      `SELECT ${RUN_COLUMNS} FROM tiering.tiering_run ORDER BY created_at DESC LIMIT $1`,
      [Math.min(Math.max(first, 1), 100)],
    );
  }

  async byId(caller: Caller, runId: string): Promise<TieringRunRecord> {
    this.assertMayRead(caller);
    const [run] = await this.dataSource.query<TieringRunRecord[]>(
      `SELECT ${RUN_COLUMNS} FROM tiering.tiering_run WHERE id = $1`,
      [runId],
    );
    if (!run) throw DomainError.notFound('RUN_NOT_FOUND', `No tiering run ${runId}.`, 'runId');
    return run;
  }

  /** Applied runs by effective date, oldest first: how tiers and segments moved over time. */
  async distributionOverTime(
    caller: Caller,
    from?: string | null,
    to?: string | null,
  ): Promise<TieringRunRecord[]> {
    this.assertMayRead(caller);
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== null && value !== undefined && !isCalendarDate(value)) {
        throw DomainError.invalidInput([
          { field, reason: 'DATE_INVALID', message: `'${value}' is not a date (YYYY-MM-DD).` },
        ]);
      }
    }
    return this.dataSource.query<TieringRunRecord[]>(
      `SELECT ${RUN_COLUMNS} FROM tiering.tiering_run
        WHERE status = 'APPLIED' AND ($1::date IS NULL OR effective_from >= $1::date)
          AND ($2::date IS NULL OR effective_from <= $2::date)
        ORDER BY effective_from, applied_at`,
      [from ?? null, to ?? null],
    );
  }

  private assertMayRead(caller: Caller): void {
    if (hasRole(caller, 'PARTNER'))
      throw DomainError.forbidden('Tiering is not visible to partners.');
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
    await manager.query(
      `CREATE TABLE ${table} AS ${TIERING_RUN_SQL}`,
      runParameters(runId, asOf, policy),
    );
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

  private async runForApply(
    manager: EntityManager,
    runId: string,
  ): Promise<{ policyVersion: string; asOf: string; resultsOf: string }> {
    const [run] = await manager.query<
      { status: string; policyVersion: string; asOf: string; createdAt: Date; resultsOf: string }[]
    >(
      `SELECT status, policy_version AS "policyVersion", to_char(as_of, 'YYYY-MM') AS "asOf",
              created_at AS "createdAt", results_of AS "resultsOf"
         FROM tiering.tiering_run WHERE id = $1 FOR UPDATE`,
      [runId],
    );
    if (!run) throw DomainError.notFound('RUN_NOT_FOUND', `No tiering run ${runId}.`, 'runId');
    if (run.status !== 'PREVIEWED') {
      throw DomainError.conflict(
        run.status === 'APPLIED' ? 'RUN_ALREADY_APPLIED' : 'RUN_DISCARDED',
        `Run ${runId} is ${run.status}, not a preview.`,
        'runId',
      );
    }
    const [newer] = await manager.query<{ id: string }[]>(
      `SELECT id FROM tiering.tiering_run WHERE status = 'APPLIED' AND created_at > $1 LIMIT 1`,
      [run.createdAt],
    );
    if (newer) {
      throw DomainError.conflict(
        'RUN_STALE',
        `Run ${newer.id}, previewed later, has been applied since; preview again.`,
        'runId',
      );
    }
    return run;
  }

  /**
   * Drops the results no run needs any more: all but the applied run's and those of previews
   * made after it. A dropped preview is discarded. Dropping a partition briefly locks the
   * results table, so it waits at most a few seconds and otherwise leaves it to the next apply.
   */
  private async pruneResults(appliedRunId: string): Promise<void> {
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

  /**
   * Tiers in force (overrides winning) and segments of a run's results, with the moves against
   * the tiers in force: one pass over the results. Fresh results carry the tier in force when
   * they were computed; results shown again are compared with the tiers in force now.
   */
  private async summarise(
    manager: EntityManager,
    resultsOf: string,
    fresh: boolean,
  ): Promise<RunSummary> {
    const inForce = fresh ? 'r.tier_in_force' : 't.tier';
    const rows = await manager.query<SummaryRow[]>(
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
    return summaryOf(rows);
  }
}

/** One row of a summary: a tier (with its moves) or a segment, and what it holds. */
export interface SummaryRow {
  readonly tier: Tier | null;
  readonly segment: ValueSegment | null;
  readonly accounts: number;
  readonly value: number | string;
  readonly revenue: number | string;
  readonly up: number;
  readonly down: number;
}

/** Counts, value and revenue per tier and segment, shares of the book, and the 20/80 check. */
export function summaryOf(rows: readonly SummaryRow[]): RunSummary {
  const tierRows = rows.filter((r) => r.tier !== null);
  const segmentRows = rows.filter((r) => r.segment !== null);
  const totalValue = tierRows.reduce((acc, r) => acc + Number(r.value), 0);
  const totalRevenue = tierRows.reduce((acc, r) => acc + Number(r.revenue), 0);
  const accounts = tierRows.reduce((acc, r) => acc + r.accounts, 0);
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  const tiers = TIERS.map((tier): TierSummary => {
    const row = tierRows.find((r) => r.tier === tier);
    const value = Number(row?.value ?? 0);
    const revenue = Number(row?.revenue ?? 0);
    return {
      tier,
      accounts: row?.accounts ?? 0,
      value,
      valueShare: share(value, totalValue),
      revenue,
      revenueShare: share(revenue, totalRevenue),
      movingUp: row?.up ?? 0,
      movingDown: row?.down ?? 0,
    };
  });
  const segments = VALUE_SEGMENTS.map((segment): SegmentSummary => {
    const row = segmentRows.find((r) => r.segment === segment);
    const value = Number(row?.value ?? 0);
    return { segment, accounts: row?.accounts ?? 0, value, valueShare: share(value, totalValue) };
  });
  const [a] = tiers;
  return {
    accounts,
    tiers,
    segments,
    accountShareOfA: share(a.accounts, accounts),
    valueShareOfA: a.valueShare,
  };
}

/** The policy as the run statement's parameters; the A + B cut summed exactly. */
export function runParameters(runId: string, asOf: string, policy: TieringPolicy): unknown[] {
  const r = policy.retention;
  const exact = (x: number) => String(Math.round(x * 1e9) / 1e9);
  return [
    runId,
    `${asOf}-01`,
    policy.horizonYears,
    policy.discountRate,
    r.base,
    r.perTenureYear,
    r.perComplaint,
    r.min,
    r.max,
    JSON.stringify(policy.walletPerEmployee),
    policy.defaultWalletPerEmployee,
    policy.clusterLeaderShare,
    policy.segmentThresholds.current,
    policy.segmentThresholds.potential,
    exact(policy.cutoffs.A),
    exact(policy.cutoffs.A + policy.cutoffs.B),
    policy.hysteresisMargin,
    policy.groupFloor.A,
    policy.groupFloor.B,
  ];
}
