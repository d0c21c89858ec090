import type { Fetcher } from './keep-alive-fetcher.js';

/** The request never reached the instance: trying another one cannot do anything twice. */
function refused(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && error.code === 'ECONNREFUSED'
  );
}

/**
 * Spreads a subgraph's calls over its instances in turn. An instance that refuses the connection
 * (stopped, or restarting) is skipped for that call, so a client notices nothing while another
 * instance answers; a call that reached an instance is never sent again, since a mutation may
 * have taken effect. Only when every instance refuses does the call fail (SERVICE_UNAVAILABLE).
 */
export function instancesFetcher(instances: readonly string[], fetcher: Fetcher): Fetcher {
  let next = 0;
  return async (_url, init) => {
    const first = next++ % instances.length;
    let lastError: unknown;
    for (let i = 0; i < instances.length; i++) {
      try {
        return await fetcher(instances[(first + i) % instances.length], init);
      } catch (error) {
        if (!refused(error)) throw error;
        lastError = error;
      }
    }
    throw lastError;
  };
}
