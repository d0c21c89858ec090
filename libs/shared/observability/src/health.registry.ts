import { Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Each check's status: 'up', or what is wrong. */
export type ReadinessReport = Record<string, string>;
export type ReadinessCheck = () => Promise<ReadinessReport>;

/** Parts of a service (database, transport, consumers) register how to tell they are ready. */
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

  async readiness(): Promise<{ ready: boolean; checks: ReadinessReport }> {
    const results: ReadinessReport = {};
    await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        try {
          Object.assign(results, await check());
        } catch (error) {
          results[name] = error instanceof Error ? error.message : String(error);
        }
      }),
    );
    return { ready: Object.values(results).every((status) => status === 'up'), checks: results };
  }
}
