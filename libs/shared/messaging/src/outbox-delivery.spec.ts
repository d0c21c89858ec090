import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ACCOUNTS_TOPIC, deadLetterTopic } from '@gap/contracts';
import { migrateDatabase } from '@gap/database';
import {
  eventually,
  openTestDataSource,
  testDatabaseUrl,
  testKafkaBrokers,
  uniqueSuffix,
} from '@gap/testing';
import { EventConsumer } from './consumer/event-consumer.js';
import { MessagingTables1763900000001 } from './outbox/messaging-tables.migration.js';
import { OutboxPublisher } from './outbox/outbox.publisher.js';
import { outgoingRecords } from './outbox/event-batch.js';
import { OutboxRelay } from './outbox/outbox.relay.js';
import { setBasedEventsSql } from './outbox/set-based-events.js';
import { createTransport, type TransportSettings } from './transport/create-transport.js';
import type { DeliveredRecord, EventTransport, Subscription } from './transport/event-transport.js';
import { sampleAccountCreated } from './testing/sample-events.js';

const transports: [string, () => TransportSettings][] = [
  [
    'the PostgreSQL event log',
    () => ({ kind: 'postgres', url: testDatabaseUrl(), pollIntervalMs: 100 }),
  ],
  [
    'Kafka',
    () => ({ kind: 'kafka', brokers: testKafkaBrokers(), clientId: `spec-${uniqueSuffix()}` }),
  ],
];

describe.each(transports)('delivering events through %s', (_name, settings) => {
  let schema: string;
  let dataSource: DataSource;
  let transport: EventTransport;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    schema = `messaging_spec_${uniqueSuffix()}`;
    await migrateDatabase({
      url: testDatabaseUrl(),
      schema,
      entities: [],
      migrations: [MessagingTables1763900000001],
      applicationName: 'messaging-spec',
    });
    dataSource = await openTestDataSource({ schema, entities: [], migrations: [] });
    await dataSource.query(
      `CREATE TABLE "${schema}".note (account_id uuid NOT NULL, text text NOT NULL)`,
    );
    await dataSource.query(
      `CREATE TABLE "${schema}".applied (account_id uuid NOT NULL, event_id uuid NOT NULL)`,
    );
    transport = createTransport(settings());
    await transport.ensureTopics([ACCOUNTS_TOPIC, deadLetterTopic(ACCOUNTS_TOPIC)]);
  });

  afterEach(async () => {
    for (const item of running.splice(0)) await item.stop();
  });

  afterAll(async () => {
    await transport.close();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  function consumer(): EventConsumer {
    const created = new EventConsumer(dataSource, transport, {
      groupId: `spec-${uniqueSuffix()}`,
      topics: [ACCOUNTS_TOPIC],
      retryDelayMs: 10,
      handlers: {
        AccountCreated: async (event, manager) => {
          if (event.payload.name === 'FAIL') throw new Error('the handler refuses this account');
          await manager.query(
            `INSERT INTO "${schema}".applied (account_id, event_id) VALUES ($1, $2)`,
            [event.aggregateId, event.id],
          );
        },
      },
    });
    running.push(created);
    return created;
  }

  async function appliedFor(accountId: string): Promise<number> {
    const [row] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}".applied WHERE account_id = $1`,
      [accountId],
    );
    return row?.n ?? 0;
  }

  it('delivers an event committed with its change after the relay is killed between commit and publish', async () => {
    const accountId = randomUUID();
    const child = spawn(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'libs/shared/messaging/src/testing/crash-before-publish.fixture.ts',
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: testDatabaseUrl(),
          SCHEMA: schema,
          ACCOUNT_ID: accountId,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await eventually(
      () => stdout.includes('CLAIMED'),
      30_000,
      'the doomed relay to claim the event',
    );
    const killed = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    await expect(killed).resolves.toBe('SIGKILL');

    const [note] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}".note WHERE account_id = $1`,
      [accountId],
    );
    expect(note?.n).toBe(1);
    expect(await appliedFor(accountId)).toBe(0);

    await consumer().start();
    const relay = new OutboxRelay(dataSource, transport, { idleDelayMs: 20 });
    relay.start();
    running.push(relay);
    await eventually(
      () => appliedFor(accountId).then((n) => n === 1),
      20_000,
      'the event to be applied',
    );
    const [row] = await dataSource.query<{ status: string }[]>(
      `SELECT status FROM "${schema}".outbox WHERE message_key = $1`,
      [accountId],
    );
    expect(row?.status).toBe('SENT');
  });

  it('publishes events written in batches by one statement as one event per account, each applied once', async () => {
    const statement = `
      WITH created AS (
        SELECT id AS aggregate_id, 'GB' || lpad(g::text, 8, '0') AS "accountCode",
               '批量企业' || g AS name, '91350100M' || lpad(g::text, 9, '0') AS "creditCode"
          FROM (SELECT gen_random_uuid() AS id, g FROM generate_series(1, 1200) g) s
      ), written AS (${setBasedEventsSql({
        outbox: `"${schema}".outbox`,
        events: [
          {
            type: 'AccountCreated',
            rows: 'created',
            aggregateField: 'groupAccountId',
            fields: ['accountCode', 'name', 'creditCode'],
            common: {
              type: "'ENTERPRISE'",
              industryCode: "'C'",
              regionCode: "'350102'",
              status: "'PROSPECT'",
            },
          },
        ],
        occurredAt: '$1',
        correlationId: '$2',
        batchSize: 100,
      })})
      SELECT count(*)::int AS rows, sum(events)::int AS events FROM written`;
    const [written] = await dataSource.query<{ rows: number; events: number }[]>(statement, [
      new Date().toISOString(),
      null,
    ]);
    expect(written).toEqual({ rows: 12, events: 1200 });
    // What the relay will publish: one record per account, keyed by it.
    const rows = await dataSource.query<{ id: string; messageKey: string; envelope: string }[]>(
      `SELECT id, message_key AS "messageKey", envelope::text AS envelope FROM "${schema}".outbox
        WHERE message_key = 'batch' AND status = 'PENDING' ORDER BY seq`,
    );
    const records = rows.flatMap(outgoingRecords);
    expect(records).toHaveLength(1200);
    const accounts = records.map((r) => r.key);
    expect(new Set(accounts).size).toBe(1200);

    await consumer().start();
    const relay = new OutboxRelay(dataSource, transport, { idleDelayMs: 20 });
    relay.start();
    running.push(relay);
    const applied = async () => {
      const [row] = await dataSource.query<{ n: number }[]>(
        `SELECT count(DISTINCT account_id)::int AS n FROM "${schema}".applied WHERE account_id = ANY($1::uuid[])`,
        [accounts],
      );
      return row?.n ?? 0;
    };
    await eventually(() => applied().then((n) => n === 1200), 60_000, 'every batched event');
    const [pending] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE message_key = 'batch' AND status <> 'SENT'`,
    );
    expect(pending?.n).toBe(0);
  });

  it('applies an event delivered twice only once', async () => {
    const accountId = randomUUID();
    const envelope = await dataSource.transaction((manager) =>
      new OutboxPublisher(dataSource).record(manager, sampleAccountCreated(accountId)),
    );
    const record = { key: accountId, value: JSON.stringify(envelope) };
    await transport.publish(ACCOUNTS_TOPIC, [record, record]);
    const marker = randomUUID();
    // The marker is keyed as the copies, so it comes after both on their partition.
    await transport.publish(ACCOUNTS_TOPIC, [
      {
        key: accountId,
        value: JSON.stringify({
          ...envelope,
          id: randomUUID(),
          aggregateId: marker,
          payload: { ...envelope.payload, groupAccountId: marker },
        }),
      },
    ]);

    await consumer().start();
    await eventually(() => appliedFor(marker).then((n) => n === 1), 20_000, 'the marker event');
    expect(await appliedFor(accountId)).toBe(1);
  });

  it('sends a poison message to the dead-letter topic with the error and keeps consuming', async () => {
    const poisonId = randomUUID();
    const poison = sampleAccountCreated(poisonId);
    const failing = randomUUID();
    const healthyId = randomUUID();
    const envelopeOf = (id: string, payload: object) => ({
      id: randomUUID(),
      type: 'AccountCreated',
      version: 1,
      occurredAt: new Date().toISOString(),
      aggregateId: id,
      correlationId: randomUUID(),
      causationId: null,
      payload,
    });
    await transport.publish(ACCOUNTS_TOPIC, [
      {
        key: poisonId,
        value: JSON.stringify(envelopeOf(poisonId, { ...poison.payload, creditCode: 'short' })),
      },
      { key: poisonId, value: '{not json' },
      {
        key: failing,
        value: JSON.stringify(
          envelopeOf(failing, { ...sampleAccountCreated(failing).payload, name: 'FAIL' }),
        ),
      },
      {
        key: healthyId,
        value: JSON.stringify(envelopeOf(healthyId, sampleAccountCreated(healthyId).payload)),
      },
    ]);

    const deadLetters: DeliveredRecord[] = [];
    const watcher: Subscription = await transport.subscribe({
      groupId: `spec-dlq-${uniqueSuffix()}`,
      topics: [deadLetterTopic(ACCOUNTS_TOPIC)],
      onRecord: (record) => {
        // Only this spec's consumers: a service running against the same broker has its own.
        const ours = record.headers['dlq-consumer-group']?.startsWith('spec-') ?? false;
        if (ours && (record.key === poisonId || record.key === failing)) deadLetters.push(record);
        return Promise.resolve();
      },
    });
    running.push({ stop: () => watcher.close() });

    await consumer().start();
    await eventually(
      () => appliedFor(healthyId).then((n) => n === 1),
      20_000,
      'the healthy event after the poison',
    );
    await eventually(() => deadLetters.length === 3, 30_000, 'three dead letters');
    const errors = deadLetters.map((record) => record.headers['dlq-error'] ?? '');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('payload.creditCode'),
        expect.stringContaining('Not JSON'),
        expect.stringContaining('the handler refuses this account'),
      ]),
    );
    expect(
      deadLetters.every((record) => record.headers['dlq-source-topic'] === ACCOUNTS_TOPIC),
    ).toBe(true);
    expect(await appliedFor(poisonId)).toBe(0);
    expect(await appliedFor(failing)).toBe(0);
  });
});
