/**
 * Run as a child process by the relay tests: commits a change with its event, then lets a
 * relay append the event to the PostgreSQL event log and hangs before the pass commits, where
 * the parent SIGKILLs it (the moment that used to leave an appended record still pending).
 */
import 'reflect-metadata';
import type { EntityManager } from 'typeorm';
import { createServiceDataSource } from '@gap/database';
import { OutboxPublisher } from '../outbox/outbox.publisher.js';
import { OutboxRelay } from '../outbox/outbox.relay.js';
import { MessagingTables1763900000001 } from '../outbox/messaging-tables.migration.js';
import type { EventTransport, OutgoingRecord } from '../transport/event-transport.js';
import { PostgresLogTransport } from '../transport/postgres-log.transport.js';
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
  applicationName: 'crash-after-append-fixture',
}).initialize();

await dataSource.transaction(async (manager) => {
  await new OutboxPublisher(dataSource).record(manager, sampleAccountCreated(accountId));
});

const log = new PostgresLogTransport({ url });
const hangingAfterAppend: EventTransport = {
  kind: 'postgres',
  ensureTopics: (topics) => log.ensureTopics(topics),
  publish: (topic, records) => log.publish(topic, records),
  appendWithin: async (
    manager: EntityManager,
    topic: string,
    records: readonly OutgoingRecord[],
  ) => {
    const appended = await log.appendWithin(manager, topic, records);
    process.stdout.write(appended ? 'APPENDED\n' : 'NOT SHARED\n');
    return new Promise<boolean>(() => undefined);
  },
  subscribe: (options) => log.subscribe(options),
  ping: () => log.ping(),
  isRetriable: (error) => log.isRetriable(error),
  close: () => log.close(),
};
await new OutboxRelay(dataSource, hangingAfterAppend).publishDue();
