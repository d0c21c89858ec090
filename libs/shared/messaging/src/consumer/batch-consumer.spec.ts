import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { DataSource } from 'typeorm';
import { deadLetterTopic } from '@gap/contracts';
import { createServiceDataSource, migrateDatabase } from '@gap/database';
import {
  eventually,
  openTestDataSource,
  testDatabaseUrl,
  testKafkaBrokers,
  uniqueSuffix,
} from '@gap/testing';
import { MessagingTables1763900000001 } from '../outbox/messaging-tables.migration.js';
import { createTransport, type TransportSettings } from '../transport/create-transport.js';
import {
  EVENT_TYPE_HEADER,
  type DeliveredRecord,
  type EventTransport,
  type OutgoingRecord,
} from '../transport/event-transport.js';
import { sampleAccountCreated } from '../testing/sample-events.js';
import { EventConsumer, type EventConsumerOptions } from './event-consumer.js';

/** A valid AccountCreated envelope for `accountId`, its payload overridden as given. */
function accountCreated(accountId: string, payload: object = {}): { id: string; value: string } {
  const id = randomUUID();
  const value = JSON.stringify({
    id,
    type: 'AccountCreated',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: accountId,
    correlationId: randomUUID(),
    causationId: null,
    payload: { ...sampleAccountCreated(accountId).payload, ...payload },
  });
  return { id, value };
}

function outgoing(key: string, value: string, type = 'AccountCreated'): OutgoingRecord {
  return { key, value, headers: { [EVENT_TYPE_HEADER]: type } };
}

/** The consuming service's schema: the messaging tables and a table the handlers write. */
async function serviceSchema(): Promise<{ schema: string; dataSource: DataSource }> {
  const schema = `batch_spec_${uniqueSuffix()}`;
  await migrateDatabase({
    url: testDatabaseUrl(),
    schema,
    entities: [],
    migrations: [MessagingTables1763900000001],
    applicationName: 'batch-consumer-spec',
  });
  const dataSource = await openTestDataSource({ schema, entities: [], migrations: [] });
  await dataSource.query(
    `CREATE TABLE "${schema}".applied (account_id uuid NOT NULL, event_id uuid NOT NULL,
       tx bigint NOT NULL DEFAULT txid_current())`,
  );
  return { schema, dataSource };
}

function handlersWriting(schema: string): EventConsumerOptions['handlers'] {
  return {
    AccountCreated: async (event, manager) => {
      if (event.payload.name === 'FAIL') throw new Error('the handler refuses this account');
      await manager.query(
        `INSERT INTO "${schema}".applied (account_id, event_id) VALUES ($1, $2)`,
        [event.aggregateId, event.id],
      );
    },
  };
}

async function applied(
  dataSource: DataSource,
  schema: string,
  accounts: readonly string[],
): Promise<{ account_id: string; tx: string }[]> {
  return dataSource.query(
    `SELECT account_id, tx::text AS tx FROM "${schema}".applied WHERE account_id = ANY($1::uuid[])`,
    [accounts],
  );
}

describe('a batch consumer', () => {
  let schema: string;
  let dataSource: DataSource;
  let transport: EventTransport;
  let consumer: EventConsumer;
  const topic = `spec.${uniqueSuffix()}.batches`;

  beforeAll(async () => {
    ({ schema, dataSource } = await serviceSchema());
    transport = createTransport({ kind: 'postgres', url: testDatabaseUrl() });
    await transport.ensureTopics([topic, deadLetterTopic(topic)]);
    consumer = new EventConsumer(dataSource, transport, {
      groupId: `spec-${uniqueSuffix()}`,
      topics: [topic],
      retryDelayMs: 10,
      handlers: handlersWriting(schema),
    });
  });

  afterAll(async () => {
    await transport.close();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  let offset = 0;
  function delivered(key: string, value: string): DeliveredRecord {
    return {
      topic,
      partition: 0,
      offset: String(offset++),
      key,
      value,
      headers: { [EVENT_TYPE_HEADER]: 'AccountCreated' },
    };
  }

  it('applies every event of a batch in one transaction', async () => {
    const accounts = Array.from({ length: 5 }, () => randomUUID());
    const outcomes = await consumer.consumeBatch(
      accounts.map((account) => delivered(account, accountCreated(account).value)),
    );
    expect(outcomes).toEqual(Array(5).fill('applied'));
    const rows = await applied(dataSource, schema, accounts);
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);
  });

  it('applies an event once when its id comes twice in a batch and again in a later batch', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const [eventA, eventB, eventC] = [accountCreated(a), accountCreated(b), accountCreated(c)];
    const first = await consumer.consumeBatch([
      delivered(a, eventA.value),
      delivered(a, eventA.value),
      delivered(b, eventB.value),
    ]);
    const second = await consumer.consumeBatch([
      delivered(b, eventB.value),
      delivered(c, eventC.value),
      delivered(a, eventA.value),
    ]);
    expect(first).toEqual(['applied', 'duplicate', 'applied']);
    expect(second).toEqual(['duplicate', 'applied', 'duplicate']);
    const rows = await applied(dataSource, schema, [a, b, c]);
    expect(rows.map((row) => row.account_id).sort()).toEqual([a, b, c].sort());
  });

  it('parks an event its handler refuses without keeping its id, so a replay of it is tried again', async () => {
    const account = randomUUID();
    const failing = delivered(account, accountCreated(account, { name: 'FAIL' }).value);
    const healthy = randomUUID();
    const outcomes = await consumer.consumeBatch([
      failing,
      delivered(healthy, accountCreated(healthy).value),
    ]);
    expect(outcomes).toEqual(['dead-lettered', 'applied']);
    expect(await consumer.consumeBatch([failing])).toEqual(['dead-lettered']);
    expect(await applied(dataSource, schema, [account])).toEqual([]);
  });
});

describe('a batch handler', () => {
  let schema: string;
  let dataSource: DataSource;
  let transport: EventTransport;
  let consumer: EventConsumer;
  /** The event ids each call of the handler was given, in the order given. */
  const calls: string[][] = [];
  const topic = `spec.${uniqueSuffix()}.together`;

  beforeAll(async () => {
    ({ schema, dataSource } = await serviceSchema());
    transport = createTransport({ kind: 'postgres', url: testDatabaseUrl() });
    await transport.ensureTopics([topic, deadLetterTopic(topic)]);
    consumer = new EventConsumer(dataSource, transport, {
      groupId: `spec-${uniqueSuffix()}`,
      topics: [topic],
      retryDelayMs: 10,
      handlers: {},
      batchHandler: {
        types: ['AccountCreated'],
        handle: async (events, manager) => {
          calls.push(events.map((event) => event.id));
          if (events.some((event) => (event.payload as { name?: string }).name === 'FAIL'))
            throw new Error('the handler refuses this account');
          await manager.query(
            `INSERT INTO "${schema}".applied (account_id, event_id)
             SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
            [events.map((event) => event.aggregateId), events.map((event) => event.id)],
          );
        },
      },
    });
  });

  afterAll(async () => {
    await transport.close();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  let offset = 0;
  const delivered = (key: string, value: string): DeliveredRecord => ({
    topic,
    partition: 0,
    offset: String(offset++),
    key,
    value,
    headers: { [EVENT_TYPE_HEADER]: 'AccountCreated' },
  });

  it('is given the fresh events of a batch at once, in delivery order, and each once', async () => {
    const accounts = Array.from({ length: 4 }, () => randomUUID());
    const events = accounts.map((account) => accountCreated(account));
    const [first, second, third, fourth] = events.map((e, i) =>
      delivered(accounts[i] ?? '', e.value),
    );
    calls.length = 0;
    expect(await consumer.consumeBatch([first, second, third])).toEqual(Array(3).fill('applied'));
    expect(await consumer.consumeBatch([third, fourth, first])).toEqual([
      'duplicate',
      'applied',
      'duplicate',
    ]);
    expect(calls).toEqual([events.slice(0, 3).map((e) => e.id), [events[3]?.id]]);
    const rows = await applied(dataSource, schema, accounts);
    expect(rows.map((row) => row.account_id).sort()).toEqual([...accounts].sort());
  });

  it('parks only the event that makes the batch fail, and applies the others', async () => {
    const [healthy, failing, after] = [randomUUID(), randomUUID(), randomUUID()];
    const outcomes = await consumer.consumeBatch([
      delivered(healthy, accountCreated(healthy).value),
      delivered(failing, accountCreated(failing, { name: 'FAIL' }).value),
      delivered(after, accountCreated(after).value),
    ]);
    expect(outcomes).toEqual(['applied', 'dead-lettered', 'applied']);
    const rows = await applied(dataSource, schema, [healthy, failing, after]);
    expect(rows.map((row) => row.account_id).sort()).toEqual([healthy, after].sort());
  });
});

/** A TCP proxy in front of the test database that can stop answering, as a failed server does. */
class DatabaseOutage {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private down = false;
  /** Connections refused while down: each is an attempt by the consumer to reach the database. */
  refused = 0;

  constructor(private readonly target: URL) {
    this.server = createServer((client) => {
      if (this.down) {
        this.refused++;
        client.destroy();
        return;
      }
      const upstream = connect(Number(target.port || 5432), target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  }

  async url(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('no proxy port');
    const url = new URL(this.target);
    url.hostname = '127.0.0.1';
    url.port = String(address.port);
    return url.toString();
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const transports: [string, () => TransportSettings][] = [
  [
    'the PostgreSQL event log',
    () => ({ kind: 'postgres', url: testDatabaseUrl(), pollIntervalMs: 100 }),
  ],
  [
    'Kafka',
    () => ({
      kind: 'kafka',
      brokers: testKafkaBrokers(),
      clientId: `spec-${uniqueSuffix()}`,
      topicPrefix: `spec-${uniqueSuffix()}.`,
    }),
  ],
];

describe.each(transports)('consuming batches through %s', (_name, settings) => {
  let schema: string;
  let dataSource: DataSource;
  let transport: EventTransport;
  const running: { stop(): Promise<void> }[] = [];
  const topic = `spec.${uniqueSuffix()}.batches`;
  const dlq = deadLetterTopic(topic);

  beforeAll(async () => {
    ({ schema, dataSource } = await serviceSchema());
    transport = createTransport(settings());
    await transport.ensureTopics([topic, dlq]);
  });

  afterEach(async () => {
    for (const item of running.splice(0)) await item.stop();
  });

  afterAll(async () => {
    await transport.close();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  async function startConsumer(
    group: string,
    options: Partial<EventConsumerOptions> & { dataSource?: DataSource } = {},
  ): Promise<EventConsumer> {
    const consumer = new EventConsumer(options.dataSource ?? dataSource, transport, {
      groupId: group,
      topics: [topic],
      retryDelayMs: 10,
      handlers: handlersWriting(schema),
      ...options,
    });
    running.push(consumer);
    await consumer.start();
    return consumer;
  }

  /**
   * Every dead letter parked by `group` for `key`: a marker published to the dead-letter topic
   * on the same key (so after any of them on its partition) tells when all have been seen.
   */
  async function deadLettersOf(group: string, key: string): Promise<DeliveredRecord[]> {
    const seen: DeliveredRecord[] = [];
    const marker = randomUUID();
    let markerSeen = false;
    const watcher = await transport.subscribe({
      groupId: `spec-dlq-${uniqueSuffix()}`,
      topics: [dlq],
      onRecord: (record) => {
        if (record.value === marker) markerSeen = true;
        else if (record.key === key && record.headers['dlq-consumer-group'] === group)
          seen.push(record);
        return Promise.resolve();
      },
    });
    running.push({ stop: () => watcher.close() });
    await transport.publish(dlq, [{ key, value: marker }]);
    await eventually(() => markerSeen, 30_000, 'the dead-letter marker');
    return seen;
  }

  it('parks a poison event from the middle of a batch with its error while the rest applies in the same transaction', async () => {
    const key = randomUUID();
    const [before, after, refused, malformed] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    // One key, so one partition: the four records arrive in one batch, in this order.
    await transport.publish(topic, [
      outgoing(key, accountCreated(before).value),
      outgoing(key, accountCreated(refused, { name: 'FAIL' }).value),
      outgoing(key, accountCreated(malformed, { creditCode: 'short' }).value),
      outgoing(key, accountCreated(after).value),
    ]);
    const group = `spec-${uniqueSuffix()}`;
    await startConsumer(group);
    const rows = await eventually(
      async () => {
        const found = await applied(dataSource, schema, [before, after, refused, malformed]);
        return found.length === 2 && found;
      },
      30_000,
      'the events around the poison',
    );
    expect(rows.map((row) => row.account_id).sort()).toEqual([before, after].sort());
    expect(new Set(rows.map((row) => row.tx)).size).toBe(1);

    const parked = await deadLettersOf(group, key);
    expect(parked.map((record) => record.headers['dlq-error'])).toEqual([
      expect.stringContaining('the handler refuses this account'),
      expect.stringContaining('payload.creditCode'),
    ]);
    expect(parked.every((record) => record.headers['dlq-source-topic'] === topic)).toBe(true);
  });

  it('does not parse the records of types it does not handle, and moves past them', async () => {
    const key = randomUUID();
    const next = randomUUID();
    await transport.publish(topic, [
      // Not JSON: parsed, it would be parked as poison.
      outgoing(key, '{not json', 'ContactAdded'),
      outgoing(key, accountCreated(next).value),
    ]);
    const group = `spec-${uniqueSuffix()}`;
    await startConsumer(group);
    await eventually(
      async () => (await applied(dataSource, schema, [next])).length === 1,
      30_000,
      'the event after the skipped one',
    );
    expect(await deadLettersOf(group, key)).toEqual([]);
  });

  it('delivers a batch again when the database does not answer, and parks nothing', async () => {
    const outage = new DatabaseOutage(new URL(testDatabaseUrl()));
    const proxied = await createServiceDataSource({
      url: await outage.url(),
      schema,
      entities: [],
      migrations: [],
      applicationName: 'batch-spec-outage',
      poolSize: 2,
    }).initialize();
    running.push({
      stop: async () => {
        outage.restore();
        await proxied.destroy();
        await outage.close();
      },
    });
    const key = randomUUID();
    const accounts = [randomUUID(), randomUUID(), randomUUID()];
    await transport.publish(
      topic,
      accounts.map((account) => outgoing(key, accountCreated(account).value)),
    );

    let reached!: () => void;
    const handlerReached = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const write = handlersWriting(schema).AccountCreated;
    const group = `spec-${uniqueSuffix()}`;
    await startConsumer(group, {
      dataSource: proxied,
      maxAttempts: 2,
      handlers: {
        AccountCreated: async (event, manager) => {
          if (event.aggregateId === accounts[0]) {
            reached();
            await released;
          }
          await write?.(event, manager);
        },
      },
    });
    await handlerReached;
    outage.cut();
    release();
    await eventually(() => outage.refused >= 3, 60_000, 'the consumer to retry the database');
    expect(await applied(dataSource, schema, accounts)).toEqual([]);

    outage.restore();
    await eventually(
      async () => (await applied(dataSource, schema, accounts)).length === 3,
      60_000,
      'the batch to be delivered again and applied',
    );
    expect(await deadLettersOf(group, key)).toEqual([]);
  });
});
