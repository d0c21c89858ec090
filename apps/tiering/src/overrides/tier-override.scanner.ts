import { Injectable, Logger } from '@nestjs/common';
import { todayInChina } from '@gap/calendar';
import { PeriodicJob } from '@gap/service';
import { TierOverrideRepository } from './tier-override.repository.js';

const SCAN_EVERY_MS = 3_600_000;

/**
 * Ends overrides after their last day, at start-up and then hourly: a day missed while the
 * service was down is made up by the next scan, effective from the day after the last day.
 * Instances may scan at once: each due override is locked by the one that ends it.
 */
@Injectable()
export class TierOverrideExpiry extends PeriodicJob {
  private readonly logger = new Logger(TierOverrideExpiry.name);

  constructor(private readonly overrides: TierOverrideRepository) {
    super(SCAN_EVERY_MS);
  }

  protected async runOnce(): Promise<void> {
    const ended = await this.overrides.expireDue(null, todayInChina());
    if (ended > 0) this.logger.log(`${ended} tier override(s) ended after their last day`);
  }
}
