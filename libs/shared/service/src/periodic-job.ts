import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Work a service does by itself on a clock (announcing key dates, ending expired overrides):
 * once at start-up, so what was missed while the service was down is made up, and then every
 * `everyMs`. A failed round is logged and the next one tries again; the timer never keeps the
 * process alive. The work must be safe when several instances run it at once.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly jobLogger = new Logger(this.constructor.name);

  protected constructor(private readonly everyMs: number) {}

  /** One round; it logs what it did itself. */
  protected abstract runOnce(): Promise<unknown>;

  onApplicationBootstrap(): void {
    const round = () =>
      void this.runOnce().catch((error: unknown) =>
        this.jobLogger.error(`${this.constructor.name} failed: ${String(error)}`),
      );
    round();
    this.timer = setInterval(round, this.everyMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
