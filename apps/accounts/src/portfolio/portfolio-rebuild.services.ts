import type { DataSource } from 'typeorm';
import { createServiceDataSource } from '@gap/database';
import { createTransport, type EventTransport, type TransportSettings } from '@gap/messaging';
import { accountsDatabase } from '../accounts.database.js';
import { EventLogPositionsRepository } from './event-log-positions.repository.js';
import { PortfolioEntriesRepository } from './portfolio-entries.repository.js';
import { PortfolioFactsRepository } from './portfolio-facts.repository.js';
import { PortfolioFoldService } from './portfolio-fold.service.js';
import { PortfolioRebuildRepository } from './portfolio-rebuild.repository.js';
import { PortfolioRebuild } from './portfolio-rebuild.service.js';

/**
 * Records a replay reads at once: larger than a live consumer's, since a replay is throughput
 * bound and each batch costs a fixed few statements.
 */
export const REBUILD_BATCH_SIZE = 2_000;

/** The rebuild on a data source and a transport (the event log must live in that database). */
export function createPortfolioRebuild(
  dataSource: DataSource,
  transport: EventTransport,
): PortfolioRebuild {
  return new PortfolioRebuild(
    transport,
    new PortfolioRebuildRepository(dataSource),
    new PortfolioFoldService(
      new PortfolioFactsRepository(dataSource),
      new PortfolioEntriesRepository(),
    ),
    transport.kind === 'postgres' ? new EventLogPositionsRepository(dataSource) : null,
  );
}

/**
 * Runs `work` on a rebuild over the accounts database at `databaseUrl` and a transport of its
 * own (the replay's batch size unless the settings name one), both closed afterwards.
 */
export async function withPortfolioRebuild<T>(
  databaseUrl: string,
  settings: TransportSettings,
  work: (rebuild: PortfolioRebuild) => Promise<T>,
): Promise<T> {
  const dataSource = createServiceDataSource({ ...accountsDatabase(databaseUrl), poolSize: 4 });
  await dataSource.initialize();
  const transport = createTransport({ batchSize: REBUILD_BATCH_SIZE, ...settings });
  try {
    return await work(createPortfolioRebuild(dataSource, transport));
  } finally {
    await transport.close();
    await dataSource.destroy();
  }
}
