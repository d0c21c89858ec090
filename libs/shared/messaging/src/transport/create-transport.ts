import type { EventTransport } from './event-transport.js';
import { KafkaTransport } from './kafka.transport.js';
import { PostgresLogTransport } from './postgres-log.transport.js';

export type TransportSettings =
  | { readonly kind: 'postgres'; readonly url: string; readonly pollIntervalMs?: number }
  | {
      readonly kind: 'kafka';
      readonly brokers: readonly string[];
      readonly clientId: string;
      readonly replicationFactor?: number;
      readonly partitions?: number;
      readonly topicPrefix?: string;
    };

export function createTransport(settings: TransportSettings): EventTransport {
  switch (settings.kind) {
    case 'postgres':
      return new PostgresLogTransport(settings);
    case 'kafka':
      return new KafkaTransport(settings);
  }
}
