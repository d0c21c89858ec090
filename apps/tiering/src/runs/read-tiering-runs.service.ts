import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { isCalendarDate } from '@gap/calendar';
import { TIERING_PERMISSIONS } from '@gap/tiering/domain';
import { TieringRunErrors } from './tiering-run.errors.js';
import { TieringRunRepository } from './tiering-run.repository.js';
import type { TieringRunRecord } from './tiering-run.types.js';

/** Reads tiering runs: the latest, one by id, and the applied ones over time. */
@Injectable()
export class ReadTieringRunsService {
  constructor(private readonly runs: TieringRunRepository) {}

  async list(caller: Caller, first = 20): Promise<TieringRunRecord[]> {
    authorize(TIERING_PERMISSIONS, 'tieringRuns', caller);
    return this.runs.findRuns(Math.min(Math.max(first, 1), 100));
  }

  async byId(caller: Caller, runId: string): Promise<TieringRunRecord> {
    authorize(TIERING_PERMISSIONS, 'tieringRun', caller);
    const run = await this.runs.findRun(runId);
    if (!run) throw TieringRunErrors.notFound(runId);
    return run;
  }

  /** Applied runs by effective date, oldest first: how tiers and segments moved over time. */
  async distributionOverTime(
    caller: Caller,
    from?: string | null,
    to?: string | null,
  ): Promise<TieringRunRecord[]> {
    authorize(TIERING_PERMISSIONS, 'tierDistributionOverTime', caller);
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== null && value !== undefined && !isCalendarDate(value)) {
        throw TieringRunErrors.dateInvalid(field, value);
      }
    }
    return this.runs.findAppliedBetween(from ?? null, to ?? null);
  }
}
