/**
 * The coordination bench's client side: the gateway as the team and department staff call it,
 * timings, and the task acceptances run by one client or many.
 */
import { percentile } from './figures.js';

/** A request as the bench copies it: its row, as `to_jsonb` gives it. */
export type Row = Record<string, unknown> & { id: string; group_account_id: string; body: unknown };

export const timings = (values: readonly number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export class Gateway {
  constructor(readonly baseUrl: string) {}

  async graphql<T>(token: string, query: string, variables: object = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as Answer<T>;
    if (answer.errors?.length || !answer.data) throw new Error(JSON.stringify(answer.errors));
    return answer.data;
  }

  /** A REST call; throws unless the answer is 2xx. */
  async rest(token: string, method: string, path: string, body?: object, ifMatch?: string) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(ifMatch ? { 'if-match': ifMatch } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return {
      etag: response.headers.get('etag'),
      body: JSON.parse(text) as Record<string, unknown>,
    };
  }
}

/**
 * `clients` department staff at once, each `each` times: read a request, then accept its
 * network task with the read's ETag (the accept is what is timed), pausing `thinkMs` on average
 * (exponentially distributed) before the next.
 */
export async function acceptTasks(
  gateway: Gateway,
  staff: string,
  rows: Iterator<Row>,
  clients: number,
  each: number,
  thinkMs: number,
) {
  const times: number[] = [];
  const failures: string[] = [];
  const taskOf = (row: Row) =>
    (row.body as { request: { tasks: { id: string; departmentId: string }[] } }).request.tasks.find(
      (t) => t.departmentId === 'NETWORK',
    )?.id;
  const client = async () => {
    for (let i = 0; i < each; i += 1) {
      if (thinkMs > 0) await sleep(-Math.log(1 - Math.random()) * thinkMs);
      const next: IteratorResult<Row, unknown> = rows.next();
      if (next.done) throw new Error('not enough requests written for the transitions');
      const row = next.value;
      const path = `/api/v1/coordination/requests/${row.id}`;
      try {
        const read = await gateway.rest(staff, 'GET', path);
        // With the ETag of the read when the edge gives one, else the version in the body.
        const body = read.etag ? {} : { version: read.body['version'] };
        const accept = `${path}/tasks/${taskOf(row)}/accept`;
        times.push(
          await timed(() => gateway.rest(staff, 'POST', accept, body, read.etag ?? undefined)),
        );
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, client));
  const perSecond = (times.length * 1000) / (performance.now() - started);
  return { times, failures, perSecond };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
