/**
 * `npm run bench`: how fast events move through the outbox, the relay and an idempotent
 * consumer, on each transport. Records N events (in transactions of 500, as a bulk change
 * would), then starts a relay and a consumer and times until every event has been applied.
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down) and the local Kafka broker (started,
 * and stopped again, if not running). BENCH_EVENTS sets N (default 10000).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ACCOUNTS_TOPIC, deadLetterTopic } from '@gap/contracts';
import { createServiceDataSource, migrateDatabase, recreateDatabase } from '@gap/database';
import {
  EventConsumer,
  MessagingTables1763900000001,
  OutboxPublisher,
  OutboxRelay,
  createTransport,
  migrateEventLog,
  type TransportSettings,
} from '@gap/messaging';
import { sampleAccountCreated } from '../../libs/shared/messaging/src/testing/sample-events.js';
import {
  ensureKafka,
  ensurePostgres,
  resetPlatformTopics,
  stopKafka,
} from '../testing/local-servers.js';

const url = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench';
const events = Number(process.env['BENCH_EVENTS'] ?? 10_000);
const BATCH = 500;

interface Figures {
  transport: string;
  recordPerSecond: number;
  drainSeconds: number;
  endToEndSeconds: number;
  endToEndPerSecond: number;
  peakRssMb: number;
}

async function waitFor(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('the benchmark timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function count(dataSource: DataSource, sql: string): Promise<number> {
  const [row] = await dataSource.query<{ n: number }[]>(sql);
  return row?.n ?? 0;
}

async function run(name: string, settings: TransportSettings): Promise<Figures> {
  const schema = `bench_${name}`;
  await migrateDatabase({
    url,
    schema,
    entities: [],
    migrations: [MessagingTables1763900000001],
    applicationName: 'bench',
  });
  const dataSource = await createServiceDataSource({
    url,
    schema,
    entities: [],
    migrations: [],
    applicationName: 'bench',
    poolSize: 6,
  }).initialize();
  await dataSource.query(`CREATE TABLE ${schema}.applied (account_id uuid NOT NULL)`);
  const transport = createTransport(settings);
  await transport.ensureTopics([ACCOUNTS_TOPIC, deadLetterTopic(ACCOUNTS_TOPIC)]);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

  // The broker may hold events of earlier runs and tests: only this run's events are counted.
  const marker = `bench ${randomUUID()}`;
  const benchEvent = () => {
    const event = sampleAccountCreated(randomUUID());
    return { ...event, payload: { ...event.payload, name: marker } };
  };
  const publisher = new OutboxPublisher(dataSource);
  const recordStart = performance.now();
  for (let done = 0; done < events; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, events - done) }, benchEvent);
    await dataSource.transaction((manager) => publisher.recordAll(manager, batch));
  }
  const recordSeconds = (performance.now() - recordStart) / 1000;

  const consumer = new EventConsumer(dataSource, transport, {
    groupId: `bench-${name}-${randomUUID()}`,
    topics: [ACCOUNTS_TOPIC],
    handlers: {
      AccountCreated: async (event, manager) => {
        if (event.payload.name !== marker) return;
        await manager.query(`INSERT INTO ${schema}.applied (account_id) VALUES ($1)`, [
          event.aggregateId,
        ]);
      },
    },
  });
  await consumer.start();
  await consumer.joined();
  const relay = new OutboxRelay(dataSource, transport, { batchSize: 1000, idleDelayMs: 20 });
  const start = performance.now();
  relay.start();
  await waitFor(async () => (await relay.pendingCount()) === 0, 600_000);
  const drainSeconds = (performance.now() - start) / 1000;
  await waitFor(
    async () =>
      (await count(dataSource, `SELECT count(*)::int AS n FROM ${schema}.applied`)) >= events,
    600_000,
  );
  const endToEndSeconds = (performance.now() - start) / 1000;

  clearInterval(sampler);
  await relay.stop();
  await consumer.stop();
  await transport.close();
  await dataSource.destroy();
  return {
    transport: name,
    recordPerSecond: Math.round(events / recordSeconds),
    drainSeconds: Number(drainSeconds.toFixed(2)),
    endToEndSeconds: Number(endToEndSeconds.toFixed(2)),
    endToEndPerSecond: Math.round(events / endToEndSeconds),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
  };
}

await ensurePostgres(url);
await recreateDatabase(url);
await migrateEventLog(url);
const startedKafka = ensureKafka();
await resetPlatformTopics(['127.0.0.1:9092']);
try {
  const figures = [
    await run('postgres', { kind: 'postgres', url, pollIntervalMs: 100 }),
    await run('kafka', { kind: 'kafka', brokers: ['127.0.0.1:9092'], clientId: 'bench' }),
  ];
  process.stdout.write(
    `\nOutbox → relay → idempotent consumer, ${events} events (recorded in transactions of ${BATCH})\n`,
  );
  console.table(figures);
} finally {
  if (startedKafka) stopKafka();
}
