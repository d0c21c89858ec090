import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ACCOUNTS_TOPIC, deadLetterTopic } from '@gap/contracts';
import { migrateDatabase } from '@gap/database';
import { eventually, openTestDataSource, testDatabaseUrl, uniqueSuffix } from '@gap/testing';
import { PostgresLogTransport } from '../transport/postgres-log.transport.js';
import { MessagingTables1763900000001 } from './messaging-tables.migration.js';
import { OutboxPublisher } from './outbox.publisher.js';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxRepository } from './outbox.repository.js';
import { sampleAccountCreated } from '../testing/sample-events.js';

describe('the relay on the PostgreSQL event log in the service database', () => {
  let schema: string;
  let dataSource: DataSource;
  let transport: PostgresLogTransport;

  beforeAll(async () => {
    schema = `relay_spec_${uniqueSuffix()}`;
    await migrateDatabase({
      url: testDatabaseUrl(),
      schema,
      entities: [],
      migrations: [MessagingTables1763900000001],
      applicationName: 'relay-append-spec',
    });
    dataSource = await openTestDataSource({ schema, entities: [], migrations: [] });
    transport = new PostgresLogTransport({ url: testDatabaseUrl() });
    await transport.ensureTopics([ACCOUNTS_TOPIC, deadLetterTopic(ACCOUNTS_TOPIC)]);
  });

  afterAll(async () => {
    await transport.close();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  async function appendedCopies(eventId: string): Promise<number> {
    const [row] = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM event_log.records
        WHERE topic = $1 AND headers ->> 'event-id' = $2`,
      [ACCOUNTS_TOPIC, eventId],
    );
    return row?.n ?? 0;
  }

  async function outboxStatus(accountId: string): Promise<string | undefined> {
    const [row] = await dataSource.query<{ status: string }[]>(
      `SELECT status FROM "${schema}".outbox WHERE message_key = $1`,
      [accountId],
    );
    return row?.status;
  }

  it('appends an event exactly once when the relay is killed between the append and the mark-as-sent', async () => {
    const accountId = randomUUID();
    const child = spawn(
      process.execPath,
      [
        '--import',
        '@swc-node/register/esm-register',
        'libs/shared/messaging/src/testing/crash-after-append.fixture.ts',
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
      () => /APPENDED|NOT SHARED/.test(stdout),
      30_000,
      'the doomed relay to append the event',
    );
    expect(stdout).toContain('APPENDED');
    const killed = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    await expect(killed).resolves.toBe('SIGKILL');

    const [event] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM "${schema}".outbox WHERE message_key = $1`,
      [accountId],
    );
    const eventId = event?.id ?? '';
    expect(await appendedCopies(eventId)).toBe(0);
    expect(await outboxStatus(accountId)).toBe('PENDING');

    // The dead relay's session may hold the row a moment longer: the next relay waits it out.
    const relay = new OutboxRelay(dataSource, transport);
    await eventually(
      async () => (await relay.publishDue()).sent > 0 && (await outboxStatus(accountId)) === 'SENT',
      30_000,
      'the next relay to publish the event',
    );
    expect(await appendedCopies(eventId)).toBe(1);
    expect(await relay.publishDue()).toMatchObject({ sent: 0 });
    expect(await appendedCopies(eventId)).toBe(1);
  });

  it('appends nothing when the transaction that marks the rows sent rolls back', async () => {
    const accountId = randomUUID();
    const [envelope] = await dataSource.transaction((manager) =>
      new OutboxPublisher(dataSource).recordAll(manager, [sampleAccountCreated(accountId)]),
    );
    const record = {
      key: accountId,
      value: JSON.stringify(envelope),
      headers: { 'event-id': envelope?.id ?? '' },
    };
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await transport.appendWithin(manager, ACCOUNTS_TOPIC, [record])).toBe(true);
        throw new Error('the pass fails before it commits');
      }),
    ).rejects.toThrow('the pass fails before it commits');
    expect(await appendedCopies(envelope?.id ?? '')).toBe(0);
  });

  it('wakes the relay when a transaction that recorded events commits', async () => {
    const publisher = new OutboxPublisher(dataSource);
    let wakeups = 0;
    publisher.onCommitted(() => wakeups++);
    await dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1');
    });
    expect(wakeups).toBe(0);
    await dataSource.transaction(async (manager) => {
      await publisher.record(manager, sampleAccountCreated(randomUUID()));
      expect(wakeups).toBe(0);
    });
    expect(wakeups).toBe(1);
  });

  it('lets one relay publish at a time, so that no event of an account overtakes an earlier one', async () => {
    const publisher = new OutboxPublisher(dataSource);
    const accountId = randomUUID();
    await dataSource.transaction((manager) =>
      publisher.record(manager, sampleAccountCreated(accountId)),
    );
    const first = new OutboxRelay(dataSource, transport);
    const second = new OutboxRelay(dataSource, transport);
    // The first relay's pass holds its turn until its transaction ends: the second claims nothing.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let secondPass: Awaited<ReturnType<OutboxRelay['publishDue']>> | undefined;
    const firstPass = dataSource.transaction(async (manager) => {
      expect(await new OutboxRepository(dataSource).takeRelayTurn(manager)).toBe(true);
      secondPass = await second.publishDue();
      release();
    });
    await held;
    await firstPass;
    expect(secondPass).toEqual({ claimed: 0, sent: 0, retrying: 0, dead: 0 });
    expect(await outboxStatus(accountId)).toBe('PENDING');
    expect((await first.publishDue()).sent).toBeGreaterThanOrEqual(1);
    expect(await outboxStatus(accountId)).toBe('SENT');
  });
});
