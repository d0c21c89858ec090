import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Where a topic of the log starts and ends at one moment; offsets as strings (bigint). */
export interface TopicSpan {
  readonly topic: string;
  /** The first offset held, or null for an empty topic. */
  readonly first: string | null;
  /** The last offset committed, -1 for an empty topic. */
  readonly last: string;
}

export interface LogSnapshot {
  /** The database's clock when the snapshot was taken (ISO-8601). */
  readonly at: string;
  readonly spans: readonly TopicSpan[];
}

/**
 * Reads the PostgreSQL event log's positions (event_log.topics, .records, .consumer_offsets),
 * which its transport port does not expose: where a replay ends, how far a consumer group has
 * come, and forgetting a group once it is done. In the embedded mode the log lives in the
 * service's own database.
 */
@Injectable()
export class EventLogPositionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The topics' spans and the time, in one statement: its snapshot sees every record committed
   * before `at`, so whatever a consumer had read by then lies within the spans.
   */
  async snapshot(topics: readonly string[]): Promise<LogSnapshot> {
    const rows = await this.dataSource.query<(TopicSpan & { at: string })[]>(
      `SELECT t.name AS topic, (t.next_offset - 1)::text AS last,
              (SELECT r."offset" FROM event_log.records r WHERE r.topic = t.name
                ORDER BY r."offset" LIMIT 1)::text AS first,
              to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
         FROM event_log.topics t WHERE t.name = ANY($1::text[])`,
      [[...topics]],
    );
    const at =
      rows[0]?.at ??
      (
        await this.dataSource.query<{ at: string }[]>(
          `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at`,
        )
      )[0]?.at ??
      new Date().toISOString();
    return { at, spans: rows.map(({ topic, first, last }) => ({ topic, first, last })) };
  }

  /** The group's committed offset per topic (-1 before its first commit). */
  async committed(groupId: string): Promise<Map<string, bigint>> {
    const rows = await this.dataSource.query<{ topic: string; committed: string }[]>(
      `SELECT topic, committed_offset::text AS committed
         FROM event_log.consumer_offsets WHERE group_id = $1`,
      [groupId],
    );
    return new Map(rows.map((row) => [row.topic, BigInt(row.committed)]));
  }

  /** Removes a finished group's offsets: nothing of it is left in the log. */
  async forget(groupId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM event_log.consumer_offsets WHERE group_id = $1', [
      groupId,
    ]);
  }
}
