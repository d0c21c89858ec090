import type { EventTransport } from './event-transport.js';
import { KafkaTransport, type KafkaTransportOptions } from './kafka.transport.js';
import {
  PostgresLogTransport,
  type PostgresLogTransportOptions,
} from './postgres-log.transport.js';

export type TransportSettings =
  | ({ readonly kind: 'postgres' } & PostgresLogTransportOptions)
  | ({ readonly kind: 'kafka' } & KafkaTransportOptions);

export function createTransport(settings: TransportSettings): EventTransport {
  switch (settings.kind) {
    case 'postgres':
      return new PostgresLogTransport(settings);
    case 'kafka':
      return new KafkaTransport(settings);
  }
}
