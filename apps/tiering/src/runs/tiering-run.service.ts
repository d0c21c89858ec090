import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import type { Tier, TieringPolicy } from '@gap/tiering/domain';
import { TieringPolicyService } from '../value/tiering-policy.service.js';
import { Correlation } from '@gap/observability';
import { OutboxPublisher } from '@gap/messaging';
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
  readonly movingUp: number;
  readonly movingDown: number;
}

export interface RunPreview {
  readonly runId: string;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly accounts: number;
  readonly tiers: readonly TierSummary[];
  /** The 20/80 check: the share of accounts in A, and the share of value they hold. */
  readonly accountShareOfA: number;
  readonly valueShareOfA: number;
  readonly seconds: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface AppliedRun {
  readonly runId: string;
  readonly policyVersion: string;
  readonly asOf: string;
  readonly effectiveFrom: string;
  readonly accounts: number;
  /** Accounts whose tier changed: one TierChanged each. */
  readonly changed: number;
}

/**
 * Tiering runs: `preview` computes every account's value and tier over the whole book in one
 * set-based statement and keeps the result, with a summary, for inspection before it applies.
 */
@Injectable()
export class TieringRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: TieringPolicyService,
    private readonly events: OutboxPublisher,
  ) {}

  /**
   * Makes a previewed run effective from a date: new tiers, history and TierChanged events for
   * the accounts whose tier changes, all in one transaction, and TieringRunApplied. A run is
   * applied once; a run older than one already applied is refused, as its book has moved on.
   */
  async apply(caller: Caller, runId: string, effectiveFrom: string): Promise<AppliedRun> {
    if (!hasRole(caller, 'ADMIN')) throw DomainError.forbidden('Only admins apply tiering runs.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) || Number.isNaN(Date.parse(effectiveFrom))) {
      throw DomainError.invalidInput([
        {
          field: 'effectiveFrom',
          reason: 'DATE_INVALID',
          message: `'${effectiveFrom}' is not a date of the form YYYY-MM-DD.`,
        },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock(hashtext('tiering.apply'))");
      const [run] = await manager.query<
        { status: string; policyVersion: string; asOf: string; createdAt: Date }[]
      >(
        `SELECT status, policy_version AS "policyVersion", to_char(as_of, 'YYYY-MM') AS "asOf", created_at AS "createdAt"
           FROM tiering.tiering_run WHERE id = $1 FOR UPDATE`,
        [runId],
      );
      if (!run) throw DomainError.notFound('RUN_NOT_FOUND', `No tiering run ${runId}.`, 'runId');
      if (run.status !== 'PREVIEWED') {
        throw DomainError.conflict(
          'RUN_ALREADY_APPLIED',
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
      const written = await manager.query<{ id: string }[]>(TIERING_APPLY_SQL, [
        runId,
        run.policyVersion,
        effectiveFrom,
        Correlation.current()?.correlationId ?? null,
        new Date().toISOString(),
      ]);
      const [count] = await manager.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM tiering.tiering_run_result WHERE run_id = $1',
        [runId],
      );
      await manager.query("UPDATE tiering.tiering_run SET status = 'APPLIED' WHERE id = $1", [
        runId,
      ]);
      const applied: AppliedRun = {
        runId,
        policyVersion: run.policyVersion,
        asOf: run.asOf,
        effectiveFrom,
        accounts: count?.n ?? 0,
        changed: written.length,
      };
      await this.events.record(manager, {
        type: 'TieringRunApplied',
        aggregateId: runId,
        payload: applied,
      });
      return applied;
    });
  }

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
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO tiering.tiering_run (id, policy_version, as_of, status, created_by)
         VALUES ($1, $2, $3, 'PREVIEWED', $4)`,
        [runId, policy.version, `${asOf}-01`, caller.subject],
      );
      await manager.query(TIERING_RUN_SQL, runParameters(runId, asOf, policy));
    });
    const seconds = (performance.now() - started) / 1000;
    const preview = await this.summarise(runId, policy.version, asOf, seconds);
    await this.dataSource.query('UPDATE tiering.tiering_run SET summary = $2 WHERE id = $1', [
      runId,
      JSON.stringify(preview),
    ]);
    return preview;
  }

  private async summarise(
    runId: string,
    policyVersion: string,
    asOf: string,
    seconds: number,
  ): Promise<RunPreview> {
    const rows = await this.dataSource.query<
      { tier: Tier; accounts: number; value: string; revenue: string; up: number; down: number }[]
    >(
      `SELECT tier, count(*)::int AS accounts, sum(greatest(lifetime_value, 0)) AS value,
              sum(revenue) AS revenue,
              count(*) FILTER (WHERE previous_tier IS NOT NULL AND tier < previous_tier)::int AS up,
              count(*) FILTER (WHERE previous_tier IS NOT NULL AND tier > previous_tier)::int AS down
         FROM tiering.tiering_run_result WHERE run_id = $1 GROUP BY tier ORDER BY tier`,
      [runId],
    );
    const totalValue = rows.reduce((acc, r) => acc + Number(r.value), 0);
    const totalRevenue = rows.reduce((acc, r) => acc + Number(r.revenue), 0);
    const accounts = rows.reduce((acc, r) => acc + r.accounts, 0);
    const tiers = (['A', 'B', 'C'] as const).map((tier): TierSummary => {
      const row = rows.find((r) => r.tier === tier);
      const value = Number(row?.value ?? 0);
      const revenue = Number(row?.revenue ?? 0);
      return {
        tier,
        accounts: row?.accounts ?? 0,
        value,
        valueShare: totalValue > 0 ? value / totalValue : 0,
        revenue,
        revenueShare: totalRevenue > 0 ? revenue / totalRevenue : 0,
        movingUp: row?.up ?? 0,
        movingDown: row?.down ?? 0,
      };
    });
    const a = tiers[0];
    return {
      runId,
      policyVersion,
      asOf,
      accounts,
      tiers,
      accountShareOfA: accounts > 0 ? a.accounts / accounts : 0,
      valueShareOfA: a.valueShare,
      seconds,
    };
  }
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
