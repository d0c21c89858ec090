import { Injectable, Logger } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { isCalendarDate, todayInChina, type CalendarDate } from '@gap/calendar';
import { OutboxPublisher } from '@gap/messaging';
import { Correlation } from '@gap/observability';
import { TIERING_PERMISSIONS } from '@gap/tiering/domain';
import { TierOverrideRepository } from '../overrides/tier-override.repository.js';
import { TieringRunErrors } from './tiering-run.errors.js';
import { TieringRunRepository } from './tiering-run.repository.js';
import { summaryOf, type AppliedRun } from './tiering-run.types.js';

/**
 * Makes a previewed run effective from a date: new tiers, history and TierChanged /
 * ValueSegmentChanged events for the accounts that change, all in one transaction, and
 * TieringRunApplied. Overrides whose last day has passed end first; those in force win.
 * A run is applied once; a run older than one already applied is refused, as its book has
 * moved on.
 */
@Injectable()
export class ApplyTieringRunService {
  private readonly logger = new Logger(ApplyTieringRunService.name);

  constructor(
    private readonly runs: TieringRunRepository,
    private readonly overrides: TierOverrideRepository,
    private readonly events: OutboxPublisher,
  ) {}

  async apply(
    caller: Caller,
    runId: string,
    effectiveFrom: string,
    today: CalendarDate = todayInChina(),
  ): Promise<AppliedRun> {
    authorize(TIERING_PERMISSIONS, 'applyTieringRun', caller);
    if (!isCalendarDate(effectiveFrom)) {
      throw TieringRunErrors.dateInvalid('effectiveFrom', effectiveFrom);
    }
    const applied = await this.runs.inApplyTransaction(async (unit) => {
      const run = await unit.lockRun(runId);
      if (!run) throw TieringRunErrors.notFound(runId);
      if (run.status !== 'PREVIEWED') throw TieringRunErrors.notAPreview(runId, run.status);
      const newer = await unit.appliedSince(run.createdAt);
      if (newer) throw TieringRunErrors.stale(newer);
      await this.overrides.expireDue(unit.manager, today);
      const written = await unit.applyResults({
        resultsOf: run.resultsOf,
        policyVersion: run.policyVersion,
        effectiveFrom,
        correlationId: Correlation.current()?.correlationId ?? null,
        occurredAt: new Date().toISOString(),
        runId,
      });
      const distribution = summaryOf(written.filter((row) => row.kind === 'DISTRIBUTION'));
      await unit.markApplied(runId, caller.subject, effectiveFrom, distribution);
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
      await this.events.record(unit.manager, {
        type: 'TieringRunApplied',
        aggregateId: runId,
        payload: result,
      });
      return result;
    });
    await this.runs
      .pruneResults(runId)
      .catch((error: unknown) =>
        this.logger.warn(`superseded run results not dropped yet: ${String(error)}`),
      );
    return applied;
  }
}
