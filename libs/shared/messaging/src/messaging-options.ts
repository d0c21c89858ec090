import type { ProducingService } from '@gap/contracts';
import type { ServiceConfig } from '@gap/config';
import type { MessagingOptions } from './messaging.service.js';

/** Messaging settings from a service's validated configuration. */
export function messagingOptionsFrom(
  service: ProducingService,
  config: ServiceConfig,
): MessagingOptions {
  return {
    service,
    transport:
      config.EVENT_TRANSPORT === 'kafka'
        ? {
            kind: 'kafka',
            brokers: config.KAFKA_BROKERS,
            clientId: service,
            replicationFactor: config.KAFKA_REPLICATION_FACTOR,
            partitions: config.KAFKA_PARTITIONS,
            topicPrefix: config.KAFKA_TOPIC_PREFIX,
            batchSize: config.EVENT_BATCH_SIZE,
          }
        : { kind: 'postgres', url: config.DATABASE_URL, batchSize: config.EVENT_BATCH_SIZE },
  };
}
