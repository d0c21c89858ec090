import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

export type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface KeepAliveOptions {
  /** Connections kept per subgraph: a burst beyond it waits for a free one. */
  readonly maxSockets: number;
  /** A subgraph that has not answered by then is treated as unreachable. */
  readonly timeoutMs: number;
}

/**
 * Idle connections are closed after this, well before the services close them (their
 * keep-alive timeout is 65 s), so the gateway never sends on a connection being closed.
 */
const IDLE_MS = 30_000;

/** The subgraph did not answer in time. */
export class SubgraphTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

function headersOf(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * The answer, already read in full: a subgraph's answer is one JSON document the gateway parses
 * at once, so a WHATWG Response with its body stream would only cost time.
 */
function bufferedResponse(
  url: string,
  status: number,
  statusText: string,
  headers: Headers,
  body: Buffer,
): FetcherResponse {
  let used = false;
  const text = () => {
    used = true;
    return Promise.resolve(body.toString('utf8'));
  };
  const response: FetcherResponse = {
    get bodyUsed() {
      return used;
    },
    url,
    redirected: false,
    status,
    ok: status >= 200 && status < 300,
    statusText,
    headers,
    text,
    json: async () => JSON.parse(await text()) as unknown,
    arrayBuffer: () => {
      used = true;
      return Promise.resolve(new Uint8Array(body).buffer);
    },
    clone: () => bufferedResponse(url, status, statusText, new Headers(headers), body),
  };
  return response;
}

/**
 * A lean fetcher for the subgraphs: plain node:http over a keep-alive pool, in place of the
 * gateway's default make-fetch-happen, whose HTTP-cache machinery costs time on every call for
 * POSTs it never caches. Connections are reused, so a query pays no TCP handshake.
 */
export function keepAliveFetcher(options: KeepAliveOptions): Fetcher {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets,
    maxFreeSockets: options.maxSockets,
    timeout: IDLE_MS,
    scheduling: 'lifo' as const,
  };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  return (url, init = {}) =>
    new Promise<FetcherResponse>((resolve, reject) => {
      const secure = url.startsWith('https:');
      const send = secure ? httpsRequest : httpRequest;
      const req = send(
        url,
        { method: init.method ?? 'GET', headers: init.headers, agent: secure ? https : http },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.once('error', reject);
          res.once('end', () =>
            resolve(
              bufferedResponse(
                url,
                res.statusCode ?? 502,
                res.statusMessage ?? '',
                headersOf(res.headers),
                Buffer.concat(chunks),
              ),
            ),
          );
        },
      );
      req.setTimeout(options.timeoutMs, () =>
        req.destroy(new SubgraphTimeoutError(`no answer within ${options.timeoutMs} ms`)),
      );
      req.once('error', reject);
      req.end(init.body);
    });
}
