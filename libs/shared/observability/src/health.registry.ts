import { Injectable, Optional } from '@nestjs/common';
import type {
  HealthIndicatorFunction,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/** Each check's status: 'up', or what is wrong. */
export type ReadinessReport = Record<string, string>;
export type ReadinessCheck = () => Promise<ReadinessReport>;

/** A check that does not answer in time is down: within the probes' 2 s timeout (infra/k8s). */
export const READINESS_CHECK_TIMEOUT_MS = 1_500;

/**
 * Parts of a service (database, transport, consumers) register how to tell they are ready; the
 * health controller turns each report into Terminus indicators. The database is registered
 * here, when the module has one; the gateway has none and is ready once it serves.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(@Optional() dataSource?: DataSource) {
    if (dataSource) {
      this.register('database', async () => {
        await dataSource.query('SELECT 1');
        return { database: 'up' };
      });
    }
  }

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** One Terminus indicator per registered check; each report line becomes a key. */
  indicators(indicators: HealthIndicatorService): HealthIndicatorFunction[] {
    return [...this.checks].map(([name, check]) => async () => {
      const report = await withTimeout(check(), READINESS_CHECK_TIMEOUT_MS).catch(
        (error: unknown): ReadinessReport => ({
          [name]: error instanceof Error ? error.message : String(error),
        }),
      );
      const result: HealthIndicatorResult = {};
      for (const [key, status] of Object.entries(report)) {
        Object.assign(
          result,
          status === 'up' ? indicators.check(key).up() : indicators.check(key).down(status),
        );
      }
      return result;
    });
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
