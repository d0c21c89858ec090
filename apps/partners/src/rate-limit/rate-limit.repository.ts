import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface WindowCount {
  /** Requests counted in the window so far, this one included. */
  readonly requests: number;
  /** When the window ends, by the database's clock (the same for every instance). */
  readonly resetsAt: Date;
}

/**
 * Partners' request counters (partners.partner_rate_window): a fixed window per partner, one
 * UPSERT per request, so that every instance of the service counts into the same row.
 */
@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(partnerId: string, windowSeconds: number): Promise<WindowCount> {
    const [row] = await this.dataSource.query<{ requests: number; resetsAt: Date }[]>(
      `WITH w AS (
         SELECT to_timestamp(floor(extract(epoch FROM now()) / $2) * $2) AS start
       )
       INSERT INTO partners.partner_rate_window AS r (partner_id, window_start, requests)
       SELECT $1, w.start, 1 FROM w
       ON CONFLICT (partner_id, window_start) DO UPDATE SET requests = r.requests + 1
       RETURNING r.requests, r.window_start + make_interval(secs => $2) AS "resetsAt"`,
      [partnerId, windowSeconds],
    );
    if (!row) throw new Error('The request was not counted.');
    return { requests: row.requests, resetsAt: new Date(row.resetsAt) };
  }

  /** Forgets windows that ended before `before`: a periodic sweep keeps the table small. */
  async sweep(before: Date): Promise<number> {
    const [, deleted] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM partners.partner_rate_window WHERE window_start < $1',
      [before],
    );
    return deleted;
  }
}
