import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * Who asked for the work being done: a request id for the HTTP hop, a correlation id that
 * follows the work across services and events, and the id of the event that caused it.
 */
export interface CorrelationContext {
  readonly requestId?: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export const Correlation = {
  current(): CorrelationContext | undefined {
    return storage.getStore();
  },
  run<T>(context: CorrelationContext, work: () => T): T {
    return storage.run(context, work);
  },
  fresh(): CorrelationContext {
    return { correlationId: randomUUID(), causationId: null };
  },
};

export const CORRELATION_HEADER = 'x-correlation-id';
export const REQUEST_ID_HEADER = 'x-request-id';
