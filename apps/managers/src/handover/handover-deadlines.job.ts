import { Injectable } from '@nestjs/common';
import { PeriodicJob } from '@gap/service';
import { HandoverDeadlinesService } from './handover-deadlines.service.js';

const EVERY_MS = 3_600_000;

/**
 * Watches handover deadlines and last days, at start-up and then hourly: a day missed while
 * the service was down is made up by the next round. Escalation marks each handover once, and
 * a leaver's accounts are switched under their locks, so several instances may run it at once.
 */
@Injectable()
export class HandoverDeadlines extends PeriodicJob {
  constructor(private readonly deadlines: HandoverDeadlinesService) {
    super(EVERY_MS);
  }

  protected runOnce(): Promise<unknown> {
    return this.deadlines.enforce();
  }
}
