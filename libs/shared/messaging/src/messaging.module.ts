import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxPublisher } from './outbox/outbox.publisher.js';
import { createTransport } from './transport/create-transport.js';
import type { EventTransport } from './transport/event-transport.js';
import {
  EVENT_TRANSPORT,
  MESSAGING_OPTIONS,
  MessagingService,
  type MessagingOptions,
} from './messaging.service.js';

export interface MessagingModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly inject?: unknown[];
  readonly useFactory: (...args: never[]) => MessagingOptions | Promise<MessagingOptions>;
}

@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: options.imports ?? [],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: (options.inject ?? []) as never[],
          useFactory: options.useFactory,
        },
        {
          provide: EVENT_TRANSPORT,
          inject: [MESSAGING_OPTIONS],
          useFactory: (messaging: MessagingOptions): EventTransport =>
            createTransport(messaging.transport),
        },
        {
          provide: OutboxPublisher,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new OutboxPublisher(dataSource),
        },
        MessagingService,
      ],
      exports: [OutboxPublisher, MessagingService, EVENT_TRANSPORT],
    };
  }
}
