import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  publishWithin,
  type EventTransport,
  type OutgoingRecord,
} from '../transport/event-transport.js';
import { Wakeup } from '../wakeup.js';
import { outgoingRecords } from './event-batch.js';
import { OutboxRepository, type OutboxRow } from './outbox.repository.js';

/**
 * Records per publish call: one Kafka request (spread over the partitions, so well within a
 * broker's default limits for events of a kilobyte or less) or one append statement.
 */
const PUBLISH_CHUNK = 1_000;
/** Records per pass, so that a pass (one transaction holding its rows) stays short. */
const MAX_RECORDS_PER_PASS = 5_000;

/** A claimed row with the records it stands for (a batch row, many), read once. */
type ClaimedRow = OutboxRow & { readonly records: readonly OutgoingRecord[] };

/** The first rows whose records fit the budget, and always at least one. */
function withinBudget(rows: readonly ClaimedRow[], budget: number): ClaimedRow[] {
  const kept: ClaimedRow[] = [];
  let records = 0;
  for (const row of rows) {
    records += row.records.length;
    if (kept.length > 0 && records > budget) break;
    kept.push(row);
  }
  return kept;
}

export interface OutboxRelayOptions {
  readonly batchSize?: number;
  /** Pause between looks at an empty outbox. */
  readonly idleDelayMs?: number;
  /** Longest wait before a row that failed to publish is tried again. */
  readonly maxRetryDelayMs?: number;
  /** Sent rows are kept this long for inspection, then pruned. */
  readonly keepSentHours?: number;
}

export interface RelayPass {
  readonly claimed: number;
  readonly sent: number;
  readonly retrying: number;
  readonly dead: number;
}

/** What a pass reports when another relay has the turn. */
const NOTHING_CLAIMED: RelayPass = { claimed: 0, sent: 0, retrying: 0, dead: 0 };

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Publishes what services recorded in their outbox. The relays of a service's instances take
 * turns (a transaction-scoped advisory lock), so each account's events leave in the order they
 * were recorded; the rows are still claimed `FOR UPDATE SKIP LOCKED`. A row is marked sent only
 * after the transport acknowledged it, so a relay that dies between claim and acknowledgement
 * leaves the row pending for the next pass (consumers drop the duplicate, if any). On the
 * PostgreSQL event log in the service's own database, the append and the mark-as-sent are one
 * transaction: a relay that dies leaves neither, and no record is ever appended twice.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly outbox: OutboxRepository;
  private loop?: Promise<void>;
  private stopped = true;
  private readonly wakeup = new Wakeup();
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: EventTransport,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.outbox = new OutboxRepository(dataSource);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeup.wake();
    await this.loop;
  }

  /** Asks a sleeping relay to look now (after a commit that recorded events). */
  nudge(): void {
    this.wakeup.wake();
  }

  async pendingCount(): Promise<number> {
    return this.outbox.countPending(this.dataSource.manager);
  }

  /** One pass over the due rows; returns what happened to them. */
  async publishDue(): Promise<RelayPass> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.outbox.takeRelayTurn(manager))) return NOTHING_CLAIMED;
      const claimed = (await this.outbox.claimDue(manager, this.options.batchSize ?? 1_000)).map(
        (row): ClaimedRow => ({ ...row, records: outgoingRecords(row) }),
      );
      // A batch row stands for many events: a pass publishes what fits its budget, and the
      // rows left over are claimed again by the next pass.
      const rows = withinBudget(claimed, MAX_RECORDS_PER_PASS);
      const pass = { claimed: rows.length, sent: 0, retrying: 0, dead: 0 };
      for (const [topic, group] of groupByTopic(rows)) {
        const outcome = await this.publishGroup(manager, topic, group);
        pass.sent += outcome.sent;
        pass.retrying += outcome.retrying;
        pass.dead += outcome.dead;
      }
      return pass;
    });
  }

  private async publishGroup(
    manager: EntityManager,
    topic: string,
    rows: readonly ClaimedRow[],
  ): Promise<Omit<RelayPass, 'claimed'>> {
    try {
      await this.publishRecords(manager, topic, rows);
      await this.outbox.markSent(
        manager,
        rows.map((r) => r.id),
      );
      return { sent: rows.length, retrying: 0, dead: 0 };
    } catch (error) {
      if (this.transport.isRetriable(error)) {
        await this.retryLater(manager, rows, error);
        return { sent: 0, retrying: rows.length, dead: 0 };
      }
      // One row spoils the batch: publish one by one to find it and set it aside.
      return this.publishOneByOne(manager, topic, rows);
    }
  }

  /**
   * Publishes the records of the rows (a batch row stands for many), in order and in chunks
   * the broker accepts. Rows are marked sent only once all their records are acknowledged; a
   * failure part-way publishes the first chunks again on retry, which consumers drop.
   */
  private async publishRecords(
    manager: EntityManager,
    topic: string,
    rows: readonly ClaimedRow[],
  ): Promise<void> {
    const records = rows.flatMap((row) => row.records);
    for (let start = 0; start < records.length; start += PUBLISH_CHUNK) {
      await publishWithin(
        this.transport,
        manager,
        topic,
        records.slice(start, start + PUBLISH_CHUNK),
      );
    }
  }

  private async publishOneByOne(
    manager: EntityManager,
    topic: string,
    rows: readonly ClaimedRow[],
  ): Promise<Omit<RelayPass, 'claimed'>> {
    const outcome = { sent: 0, retrying: 0, dead: 0 };
    for (const [index, row] of rows.entries()) {
      try {
        await this.publishRecords(manager, topic, [row]);
        await this.outbox.markSent(manager, [row.id]);
        outcome.sent++;
      } catch (error) {
        if (this.transport.isRetriable(error)) {
          const rest = rows.slice(index);
          await this.retryLater(manager, rest, error);
          outcome.retrying += rest.length;
          return outcome;
        }
        this.logger.error(
          `Outbox event ${row.id} on ${topic} can never be published and was set aside: ${messageOf(error)}`,
        );
        await this.outbox.markDead(manager, row.id, messageOf(error));
        outcome.dead++;
      }
    }
    return outcome;
  }

  private async retryLater(
    manager: EntityManager,
    rows: readonly OutboxRow[],
    error: unknown,
  ): Promise<void> {
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
    const delay = Math.min(
      200 * 2 ** Math.min(attempts, 16),
      this.options.maxRetryDelayMs ?? 30_000,
    );
    this.logger.warn(
      `Publishing ${rows.length} event(s) failed, retrying in ${delay} ms: ${messageOf(error)}`,
    );
    await this.outbox.markRetry(
      manager,
      rows.map((r) => r.id),
      messageOf(error),
      delay,
    );
  }

  private async run(): Promise<void> {
    const idle = this.options.idleDelayMs ?? 100;
    while (!this.stopped) {
      try {
        const pass = await this.publishDue();
        await this.pruneNowAndThen();
        if (pass.claimed === 0 || pass.retrying > 0)
          await this.sleep(pass.retrying > 0 ? idle * 10 : idle);
      } catch (error) {
        this.logger.warn(`Outbox relay pass failed: ${messageOf(error)}`);
        await this.sleep(1_000);
      }
    }
  }

  private async pruneNowAndThen(): Promise<void> {
    const hour = 3_600_000;
    if (Date.now() - this.lastPrune < hour) return;
    this.lastPrune = Date.now();
    await this.outbox.pruneSent(this.dataSource.manager, this.options.keepSentHours ?? 24 * 7);
  }

  private sleep(ms: number): Promise<void> {
    return this.wakeup.sleep(ms);
  }
}

function groupByTopic<T extends OutboxRow>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.topic) ?? [];
    group.push(row);
    groups.set(row.topic, group);
  }
  return groups;
}
