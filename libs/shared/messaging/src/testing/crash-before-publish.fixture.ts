/**
 * Run as a child process by the delivery tests: commits a change with its event, then lets a
 * relay claim the event and hangs inside the publish call, where the parent SIGKILLs it.
 */
import 'reflect-metadata';
import { createServiceDataSource } from '@gap/database';
import { OutboxPublisher } from '../outbox/outbox.publisher.js';
import { OutboxRelay } from '../outbox/outbox.relay.js';
import { MessagingTables1763900000001 } from '../outbox/messaging-tables.migration.js';
import type { EventTransport } from '../transport/event-transport.js';
import { sampleAccountCreated } from './sample-events.js';

const [url, schema, accountId] = [
  process.env['DATABASE_URL'],
  process.env['SCHEMA'],
  process.env['ACCOUNT_ID'],
];
if (!url || !schema || !accountId)
  throw new Error('DATABASE_URL, SCHEMA and ACCOUNT_ID are required');

const dataSource = await createServiceDataSource({
  url,
  schema,
  entities: [],
  migrations: [MessagingTables1763900000001],
  applicationName: 'crash-fixture',
}).initialize();

await dataSource.transaction(async (manager) => {
  await manager.query(
    `INSERT INTO "${schema}".note (account_id, text) VALUES ($1, 'visited the customer')`,
    [accountId],
  );
  await new OutboxPublisher(dataSource).record(manager, sampleAccountCreated(accountId));
});
process.stdout.write('COMMITTED\n');

const hangingTransport = {
  kind: 'kafka',
  publish: () => {
    process.stdout.write('CLAIMED\n');
    return new Promise<void>(() => undefined);
  },
  isRetriable: () => true,
} as unknown as EventTransport;
await new OutboxRelay(dataSource, hangingTransport).publishDue();
