import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DealService } from './deal.service.js';

/** How often lapsed registrations are looked for: a deal expires at most this late. */
export const DEAL_EXPIRY_SWEEP_MS = 60_000;

/**
 * Expires lapsed deal registrations and announces each (DealExpired, so its partner hears of
 * it). The timer only says when to look: the registration's state, changed with its event in
 * one transaction, makes each expiry happen once, whichever instance sweeps first and however
 * often the service is restarted.
 */
@Injectable()
export class DealExpiryJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DealExpiryJob.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deals: DealService) {}

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.running = this.sweep();
    };
    sweep();
    this.timer = setInterval(sweep, DEAL_EXPIRY_SWEEP_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const expired = await this.deals.expireDue();
      if (expired > 0) this.logger.log(`${expired} deal registration(s) expired`);
    } catch (error) {
      this.logger.warn(`deal expiry sweep failed, tried again next time: ${String(error)}`);
    }
  }
}
