import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { TIERING_PERMISSIONS } from '@gap/tiering/domain';
import { TieringPolicyRepository } from '../value/tiering-policy.repository.js';
import { TieringRunErrors } from './tiering-run.errors.js';
import { TieringRunRepository } from './tiering-run.repository.js';
import { summaryOf, type RunPreview } from './tiering-run.types.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Starts a tiering run: computes every account's value and tier over the whole book in one
 * set-based statement and keeps the result, with a summary, for inspection; when nothing the
 * run reads has changed since an earlier run with the same policy and month, it shows that
 * run's results instead of computing them again.
 */
@Injectable()
export class StartTieringRunService {
  constructor(
    private readonly runs: TieringRunRepository,
    private readonly policies: TieringPolicyRepository,
  ) {}

  async preview(caller: Caller, asOf: string, policyVersion?: string): Promise<RunPreview> {
    authorize(TIERING_PERMISSIONS, 'previewTieringRun', caller);
    if (!MONTH.test(asOf)) throw TieringRunErrors.monthInvalid(asOf);
    const policy = policyVersion
      ? await this.policies.byVersion(policyVersion)
      : await this.policies.current();
    const runId = randomUUID();
    const started = performance.now();
    const resultsOf = await this.runs.recordPreview(runId, asOf, policy, caller.subject);
    const summary = summaryOf(await this.runs.summaryRows(resultsOf, resultsOf === runId));
    const preview: RunPreview = {
      runId,
      policyVersion: policy.version,
      asOf,
      resultsOf,
      ...summary,
      seconds: (performance.now() - started) / 1000,
    };
    await this.runs.saveSummary(runId, preview);
    return preview;
  }
}
