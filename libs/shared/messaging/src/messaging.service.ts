import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleInit,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TOPICS, deadLetterTopic, type ProducingService } from '@gap/contracts';
import { HealthRegistry, type ReadinessReport } from '@gap/observability';
import { EventConsumer, type EventConsumerOptions } from './consumer/event-consumer.js';
import { OutboxPublisher } from './outbox/outbox.publisher.js';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox.relay.js';
import type { EventTransport } from './transport/event-transport.js';
import type { TransportSettings } from './transport/create-transport.js';

export interface MessagingOptions {
  /** The producing service: its topic is `TOPICS[service]`. */
  readonly service: ProducingService;
  readonly transport: TransportSettings;
  /** Run the outbox relay in this process (on by default). */
  readonly relay?: boolean;
  readonly relayOptions?: OutboxRelayOptions;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const EVENT_TRANSPORT = Symbol('EVENT_TRANSPORT');

/**
 * The service's side of messaging: creates its topics, runs its outbox relay and its
 * consumers, stops them in order at shutdown, and reports whether they are ready.
 */
@Injectable()
export class MessagingService
  implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(MessagingService.name);
  private readonly consumers: EventConsumer[] = [];
  readonly relay: OutboxRelay;
  private readonly stopNudging: () => void;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(EVENT_TRANSPORT) readonly transport: EventTransport,
    private readonly dataSource: DataSource,
    publisher: OutboxPublisher,
    @Optional() private readonly health?: HealthRegistry,
  ) {
    this.relay = new OutboxRelay(dataSource, transport, options.relayOptions);
    // Events recorded in this process go out as soon as their transaction commits.
    this.stopNudging = publisher.onCommitted(() => this.relay.nudge());
  }

  onModuleInit(): void {
    this.health?.register('messaging', () => this.readiness());
  }

  /** Registers a consumer; call it from `onModuleInit`, it starts with the application. */
  consume(options: EventConsumerOptions): EventConsumer {
    const consumer = new EventConsumer(this.dataSource, this.transport, options);
    this.consumers.push(consumer);
    return consumer;
  }

  async onApplicationBootstrap(): Promise<void> {
    const own = TOPICS[this.options.service];
    await this.transport.ensureTopics([
      own,
      deadLetterTopic(own),
      ...this.consumers.flatMap((c) => [...c.topics, ...c.deadLetterTopics]),
    ]);
    if (this.options.relay ?? true) this.relay.start();
    for (const consumer of this.consumers) await consumer.start();
    this.logger.log(
      `Messaging on ${this.transport.kind}: producing to ${own}, ${this.consumers.length} consumer(s)`,
    );
  }

  /** Resolves when every consumer has joined its group. */
  async consumersJoined(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.joined()));
  }

  async readiness(): Promise<ReadinessReport> {
    const report: ReadinessReport = {};
    try {
      await this.transport.ping();
      report[`transport:${this.transport.kind}`] = 'up';
    } catch (error) {
      report[`transport:${this.transport.kind}`] = (error as Error).message;
    }
    for (const consumer of this.consumers) {
      report[`consumer:${consumer.topics.join(',')}`] = consumer.isRunning() ? 'up' : 'not running';
    }
    return report;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const consumer of this.consumers) await consumer.stop();
    this.stopNudging();
    await this.relay.stop();
    await this.transport.close();
  }
}
