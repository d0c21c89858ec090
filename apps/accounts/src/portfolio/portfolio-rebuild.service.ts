import { randomUUID } from 'node:crypto';
import { PORTFOLIO_EVENT_TYPES, type PortfolioEvent } from '@gap/accounts/domain';
import { checkReceivedEnvelope, EVENT_CATALOG, type EventType } from '@gap/contracts';
import type { DeliveredBatch, EventTransport } from '@gap/messaging';
import type { EventLogPositionsRepository, LogSnapshot } from './event-log-positions.repository.js';
import { LIVE_PORTFOLIO_SCHEMA } from './portfolio-facts.repository.js';
import type { PortfolioFoldService } from './portfolio-fold.service.js';
import {
  REBUILD_PORTFOLIO_SCHEMA,
  type ApplyOutcome,
  type PortfolioDifferences,
  type PortfolioRebuildRepository,
} from './portfolio-rebuild.repository.js';

/** The topics the portfolio's events are published to. */
export const PORTFOLIO_TOPICS: readonly string[] = [
  ...new Set(PORTFOLIO_EVENT_TYPES.map((type) => EVENT_CATALOG[type as EventType].topic)),
];

export interface RebuildProgress {
  /** Log positions passed, of `total` (null when the transport cannot tell where the log ends). */
  readonly done: number;
  readonly total: number | null;
  /** Portfolio events folded so far. */
  readonly events: number;
}

export interface RebuildOptions {
  readonly onProgress?: (progress: RebuildProgress) => void;
  /**
   * Kafka only (its end offsets are out of this service's reach): the replay has caught up when
   * no batch came for this long after joining the group (default 10 s).
   */
  readonly idleMs?: number;
}

export interface RebuildReport {
  /** Portfolio events folded. */
  readonly events: number;
  /** Records not folded: malformed or failing the contract, as the live consumer parks them. */
  readonly skipped: number;
  readonly accounts: number;
  readonly entries: number;
  readonly seconds: number;
  /**
   * The database time the replay's end was taken: every event in the log then was replayed,
   * and `apply` replaces no live row written after it.
   */
  readonly cutoff: string;
}

const POLL_MS = 200;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds the portfolio read model from the events, from the start of the log, in its own
 * schema: a consumer group of its own folds each delivered batch with the same `foldPortfolio`
 * as the live projection (its accounts' rows read in one query, folded in order in memory,
 * written back in one statement), then compares the result with the live model and, when
 * asked, repairs the live rows that differ.
 *
 * On the PostgreSQL event log it knows exactly where the log ends (the topics' last offsets
 * when it starts) and stops when its group's committed offsets reach them; on Kafka, whose
 * admin API only the messaging library may use, it stops after `idleMs` without a batch.
 */
export class PortfolioRebuild {
  constructor(
    private readonly transport: EventTransport,
    private readonly rebuilt: PortfolioRebuildRepository,
    private readonly folding: PortfolioFoldService,
    /** Present on the PostgreSQL event log; null on Kafka. */
    private readonly log: EventLogPositionsRepository | null,
  ) {}

  async run(options: RebuildOptions = {}): Promise<RebuildReport> {
    const started = Date.now();
    await this.transport.ensureTopics(PORTFOLIO_TOPICS);
    await this.rebuilt.recreate();
    const snapshot = this.log ? await this.log.snapshot(PORTFOLIO_TOPICS) : null;
    const cutoff = snapshot?.at ?? (await this.rebuilt.now());
    const lastOf = new Map(snapshot?.spans.map((s) => [s.topic, BigInt(s.last)]) ?? []);
    const groupId = `accounts-portfolio-rebuild-${randomUUID()}`;
    const counts = { events: 0, skipped: 0, lastBatchAt: Date.now() };
    let failure: Error | undefined;
    const subscription = await this.transport.subscribe({
      groupId,
      topics: PORTFOLIO_TOPICS,
      eventTypes: PORTFOLIO_EVENT_TYPES,
      onBatch: async (batch) => {
        counts.lastBatchAt = Date.now();
        try {
          const { events, skipped } = this.decode(batch, lastOf.get(batch.topic));
          await this.fold(events);
          counts.events += events.length;
          counts.skipped += skipped;
        } catch (error) {
          failure ??= error instanceof Error ? error : new Error(String(error));
          throw error;
        }
      },
    });
    try {
      await subscription.joined;
      counts.lastBatchAt = Date.now();
      for (;;) {
        await sleep(POLL_MS);
        if (failure !== undefined) throw failure;
        if (snapshot && this.log) {
          const committed = await this.log.committed(groupId);
          const done = passed(snapshot, committed);
          options.onProgress?.({ done, total: passed(snapshot), events: counts.events });
          if (done >= passed(snapshot)) break;
        } else {
          options.onProgress?.({ done: counts.events, total: null, events: counts.events });
          if (Date.now() - counts.lastBatchAt > (options.idleMs ?? 10_000)) break;
        }
      }
    } finally {
      await subscription.close();
      await this.log?.forget(groupId);
    }
    const { accounts, entries } = await this.rebuilt.finish();
    return {
      events: counts.events,
      skipped: counts.skipped,
      accounts,
      entries,
      seconds: (Date.now() - started) / 1000,
      cutoff,
    };
  }

  /** How the rebuilt model differs from the live one (both tables). */
  compare(): Promise<PortfolioDifferences> {
    return this.rebuilt.compare();
  }

  /** Replaces the differing live rows not written after `cutoff` (see the repository). */
  apply(cutoff: string): Promise<ApplyOutcome> {
    return this.rebuilt.apply(cutoff);
  }

  /**
   * The batch's portfolio events, in order, as the live consumer would apply them: a record
   * that is not JSON or fails its contract is skipped (the consumer parks it), one event id is
   * folded once, and records past the replay's end (on the event log) are left out.
   */
  private decode(
    batch: DeliveredBatch,
    last: bigint | undefined,
  ): { events: PortfolioEvent[]; skipped: number } {
    const events: PortfolioEvent[] = [];
    const seen = new Set<string>();
    let skipped = 0;
    for (const record of batch.records) {
      if (last !== undefined && BigInt(record.offset) > last) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(record.value);
      } catch {
        skipped += 1;
        continue;
      }
      const type = (raw as { type?: unknown } | null)?.type;
      if (typeof type !== 'string') {
        skipped += 1;
        continue;
      }
      if (!(PORTFOLIO_EVENT_TYPES as readonly string[]).includes(type)) continue;
      const checked = checkReceivedEnvelope(raw);
      if (!checked.ok) {
        skipped += 1;
        continue;
      }
      const id = checked.value.id.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      events.push(checked.value as unknown as PortfolioEvent);
    }
    return { events, skipped };
  }

  /** Folds events in order into the rebuilt rows of their accounts, as the live projection does. */
  private async fold(events: readonly PortfolioEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.rebuilt.transaction((manager) =>
      this.folding.apply(manager, events, REBUILD_PORTFOLIO_SCHEMA),
    );
  }
}

/** Log positions passed by `committed` (all of them when omitted), over the snapshot's topics. */
function passed(snapshot: LogSnapshot, committed?: ReadonlyMap<string, bigint>): number {
  let total = 0n;
  for (const { topic, first, last } of snapshot.spans) {
    if (first === null) continue;
    const start = BigInt(first) - 1n;
    const reached = committed ? (committed.get(topic) ?? -1n) : BigInt(last);
    const clamped = reached > BigInt(last) ? BigInt(last) : reached < start ? start : reached;
    total += clamped - start;
  }
  return Number(total);
}

export { LIVE_PORTFOLIO_SCHEMA, REBUILD_PORTFOLIO_SCHEMA };
