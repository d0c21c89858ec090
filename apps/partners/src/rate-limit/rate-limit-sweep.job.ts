import { Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@gap/service';
import { RateLimitRepository } from './rate-limit.repository.js';

/** Forgets rate-limit windows that ended over an hour ago, every ten minutes. */
@Injectable()
export class RateLimitSweepJob extends PeriodicJob {
  private readonly logger = new Logger(RateLimitSweepJob.name);

  constructor(private readonly windows: RateLimitRepository) {
    super(10 * 60_000);
  }

  protected async runOnce(): Promise<number> {
    const deleted = await this.windows.sweep(new Date(Date.now() - 3_600_000));
    if (deleted > 0) this.logger.log(`Forgot ${deleted} ended rate-limit windows.`);
    return deleted;
  }
}
