import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

const SWEEP_EVERY_MS = 10 * 60 * 1000;

/**
 * Deletes the keys whose 24 hours are over, every ten minutes. Nothing depends on its timing:
 * an expired key already counts as absent; the sweep only keeps the table small.
 */
@Injectable()
export class IdempotencyKeysSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('IdempotencyKeys');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly keys: IdempotencyKeysRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One sweep, in batches, until no expired key is left; how many were deleted. */
  async sweep(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const deleted = await this.keys.purgeExpired();
        total += deleted;
        if (deleted === 0) break;
      }
    } catch (error) {
      this.logger.warn(`Expired keys not purged this time: ${String(error)}`);
    }
    return total;
  }
}
