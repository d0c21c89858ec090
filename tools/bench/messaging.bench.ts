/**
 * `npm run bench:messaging`: how events move from a service's outbox, through its relay and a
 * transport, to another service's idempotent consumer, on each transport (the PostgreSQL event
 * log, then Kafka). Producer and consumer are two schemas with their own connection pools, as
 * two services are; the consumer's effect is a row written in its batch transaction.
 *
 * 1. Sustained throughput: BENCH_EVENTS events (default 20,000) are recorded in the outbox in
 *    transactions of 500, then the relay and the consumer start; timed until every effect has
 *    committed.
 * 2. Latency: events recorded at a steady BENCH_RATE per second (default 1,000: every 10 ms a
 *    transaction of 10 events) for BENCH_SECONDS (default 60); for each event, the time from
 *    the commit of its transaction to the commit of the consumer's transaction that applied it.
 * Memory: the process's peak RSS and heap while each transport runs. CPU: what the throughput
 * run cost per event in this process and in the local PostgreSQL server's backends, which
 * holds on a busy machine where the rates do not.
 *
 * Needs PostgreSQL at 127.0.0.1:5432 (started if down) and the local Kafka broker (started,
 * and stopped again, if not running). Its topics get a prefix of their own, deleted at the end,
 * so it does not disturb other users of the broker. BENCH_DATABASE_URL picks the database
 * (recreated); BENCH_TRANSPORTS=postgres (or kafka) runs one transport only.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
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
import { sampleAccountCreated } from '@gap/messaging/testing';
import { ensureKafka, ensurePostgres, stopKafka } from '../testing/local-servers.js';

const url = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_bench';
const brokers = (process.env['BENCH_KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
const events = Number(process.env['BENCH_EVENTS'] ?? 20_000);
const rate = Number(process.env['BENCH_RATE'] ?? 1_000);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 60);
const only = process.env['BENCH_TRANSPORTS']?.split(',') ?? ['postgres', 'kafka'];
const RECORD_BATCH = 500;
const TICK_MS = 10;

interface Figures {
  transport: string;
  'throughput events/s': number;
  'relay drain s': number;
  'end to end s': number;
  'steady events/s': number;
  'p50 ms': number;
  'p99 ms': number;
  'max ms': number;
  'node CPU µs/event': number;
  'PG CPU µs/event': number;
  'peak RSS MiB': number;
  'peak heap MiB': number;
}

/** Waits for `done`; gives up only when `progress` has not moved for a minute. */
async function waitFor(
  what: string,
  done: () => boolean | Promise<boolean>,
  progress: () => number | Promise<number> = () => applied.size,
): Promise<void> {
  let [last, lastMove] = [-1, Date.now()];
  while (!(await done())) {
    const now = await progress();
    if (now !== last) [last, lastMove] = [now, Date.now()];
    if (Date.now() - lastMove > 60_000)
      throw new Error(`Nothing moved for 60 s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** When each event's effect committed in the consumer (performance.now()), by aggregate id. */
const applied = new Map<string, number>();

/** Notes the commit time of the consumer's transactions, per aggregate they applied. */
function watchConsumerCommits(dataSource: DataSource): Map<QueryRunner, string[]> {
  const inFlight = new Map<QueryRunner, string[]>();
  dataSource.subscribers.push({
    afterTransactionCommit: ({ queryRunner }) => {
      if (queryRunner.isTransactionActive) return;
      const now = performance.now();
      for (const id of inFlight.get(queryRunner) ?? []) applied.set(id, now);
      inFlight.delete(queryRunner);
    },
    afterTransactionRollback: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive) inFlight.delete(queryRunner);
    },
  });
  return inFlight;
}

async function serviceDataSource(schema: string): Promise<DataSource> {
  await migrateDatabase({
    url,
    schema,
    entities: [],
    migrations: [MessagingTables1763900000001],
    applicationName: 'bench',
  });
  return createServiceDataSource({
    url,
    schema,
    entities: [],
    migrations: [],
    applicationName: `bench:${schema}`,
    poolSize: 6,
  }).initialize();
}

/**
 * CPU seconds spent so far by the PostgreSQL backends serving this database (from /proc, so
 * only for a local server; 0 elsewhere). With the process's own CPU it tells what one event
 * costs whatever else the machine is doing, where throughput on a busy machine does not.
 */
async function databaseCpuSeconds(dataSource: DataSource): Promise<number> {
  const backends = await dataSource.query<{ pid: number }[]>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
  );
  let ticks = 0;
  for (const { pid } of backends) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
    } catch {
      // Not a local server, or the backend has just ended.
    }
  }
  return ticks / 100;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number((sorted[Math.max(0, index)] ?? NaN).toFixed(1));
}

async function run(name: string, settings: TransportSettings): Promise<Figures> {
  applied.clear();
  const producer = await serviceDataSource(`bench_${name}_producer`);
  const consuming = await serviceDataSource(`bench_${name}_consumer`);
  await consuming.query(
    `CREATE TABLE bench_${name}_consumer.applied (account_id uuid PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const transport = createTransport(settings);
  await transport.ensureTopics([ACCOUNTS_TOPIC, deadLetterTopic(ACCOUNTS_TOPIC)]);
  let [peakRss, peakHeap] = [0, 0];
  const sampler = setInterval(() => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }, 100);

  const publisher = new OutboxPublisher(producer);
  const benchEvent = () => sampleAccountCreated(randomUUID());
  const throughputIds: string[] = [];
  for (let done = 0; done < events; done += RECORD_BATCH) {
    const batch = Array.from({ length: Math.min(RECORD_BATCH, events - done) }, benchEvent);
    throughputIds.push(...batch.map((event) => event.aggregateId));
    await producer.transaction((manager) => publisher.recordAll(manager, batch));
  }

  const inFlight = watchConsumerCommits(consuming);
  const consumer = new EventConsumer(consuming, transport, {
    groupId: `bench-${name}-${randomUUID()}`,
    handlers: {
      AccountCreated: async (event, manager) => {
        await manager.query(`INSERT INTO bench_${name}_consumer.applied (account_id) VALUES ($1)`, [
          event.aggregateId,
        ]);
        const runner = manager.queryRunner;
        if (runner) inFlight.set(runner, [...(inFlight.get(runner) ?? []), event.aggregateId]);
      },
    },
  });
  await consumer.start();
  await consumer.joined();
  const relay = new OutboxRelay(producer, transport, { batchSize: 1_000, idleDelayMs: 50 });
  publisher.onCommitted(() => relay.nudge());

  // 1. Throughput: drain what is waiting.
  const [cpuBefore, databaseCpuBefore] = [process.cpuUsage(), await databaseCpuSeconds(producer)];
  const start = performance.now();
  relay.start();
  await waitFor(
    'the relay',
    async () => (await relay.pendingCount()) === 0,
    () => relay.pendingCount(),
  );
  const drainSeconds = (performance.now() - start) / 1000;
  // Only this run's events reach the consumer's handler, each with its own aggregate id.
  await waitFor('every effect', () => applied.size >= throughputIds.length);
  const endToEndSeconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const databaseCpu = (await databaseCpuSeconds(producer)) - databaseCpuBefore;

  // 2. Latency at a steady rate: a transaction of rate × tick events every tick.
  const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
  const committedAt = new Map<string, number>();
  const steadyStart = performance.now();
  const ticks = Math.round((seconds * 1000) / TICK_MS);
  const writes: Promise<void>[] = [];
  for (let tick = 0; tick < ticks; tick++) {
    const due = steadyStart + tick * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const batch = Array.from({ length: perTick }, benchEvent);
    writes.push(
      producer
        .transaction((manager) => publisher.recordAll(manager, batch))
        .then(() => {
          const now = performance.now();
          for (const event of batch) committedAt.set(event.aggregateId, now);
        }),
    );
  }
  await Promise.all(writes);
  const steadySeconds = (performance.now() - steadyStart) / 1000;
  await waitFor('the steady events', () => applied.size >= throughputIds.length + committedAt.size);
  const latencies = [...committedAt].map(([id, at]) => (applied.get(id) ?? NaN) - at);
  latencies.sort((a, b) => a - b);

  clearInterval(sampler);
  await relay.stop();
  await consumer.stop();
  await transport.close();
  await producer.destroy();
  await consuming.destroy();
  const mib = (bytes: number) => Math.round(bytes / 1024 / 1024);
  return {
    transport: name,
    'throughput events/s': Math.round(events / endToEndSeconds),
    'relay drain s': Number(drainSeconds.toFixed(2)),
    'end to end s': Number(endToEndSeconds.toFixed(2)),
    'steady events/s': Math.round(committedAt.size / steadySeconds),
    'p50 ms': percentile(latencies, 50),
    'p99 ms': percentile(latencies, 99),
    'max ms': percentile(latencies, 100),
    'node CPU µs/event': Math.round((cpu.user + cpu.system) / events),
    'PG CPU µs/event': Math.round((databaseCpu * 1e6) / events),
    'peak RSS MiB': mib(peakRss),
    'peak heap MiB': mib(peakHeap),
  };
}

/** Deletes this run's topics (they carry its prefix): the broker may be shared. */
async function deleteTopics(prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const ours = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours });
  } finally {
    await admin.disconnect();
  }
}

await ensurePostgres(url);
await recreateDatabase(url);
await migrateEventLog(url);
const startedKafka = ensureKafka();
const prefix = `bench-${Date.now().toString(36)}.`;
try {
  const figures: Figures[] = [];
  const done = (row: Figures): void => {
    process.stderr.write(`${JSON.stringify(row)}\n`);
    figures.push(row);
  };
  if (only.includes('postgres')) done(await run('postgres', { kind: 'postgres', url }));
  if (only.includes('kafka')) {
    done(await run('kafka', { kind: 'kafka', brokers, clientId: 'bench', topicPrefix: prefix }));
  }
  process.stdout.write(
    `\nOutbox → relay → transport → idempotent consumer. Throughput: ${events} events waiting ` +
      `(recorded in transactions of ${RECORD_BATCH}). Latency, commit to the consumer's commit: ` +
      `${rate} events/s for ${seconds} s, a transaction every ${TICK_MS} ms.\n`,
  );
  console.table(figures);
} finally {
  await deleteTopics(prefix).catch(() => undefined);
  if (startedKafka) stopKafka();
}
