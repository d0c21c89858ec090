import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule, verifierOptionsFrom } from '@gap/auth';
import type { ServiceConfig } from '@gap/config';
import type { ProducingService } from '@gap/contracts';
import { serviceDataSourceOptions, type ServiceDatabaseOptions } from '@gap/database';
import { SubgraphModule, type SubgraphApi } from '@gap/graphql';
import { MessagingModule, messagingOptionsFrom } from '@gap/messaging';
import { ObservabilityModule } from '@gap/observability';

export interface ServicePlatformOptions {
  readonly service: ProducingService;
  readonly config: ServiceConfig;
  readonly database: ServiceDatabaseOptions;
  readonly api: SubgraphApi;
}

/**
 * What every service stands on, wired once: JSON logs, health and metrics; its own schema;
 * token verification; the outbox, relay and consumers; its Federation v2 subgraph.
 */
@Module({})
export class ServicePlatformModule {
  static forRoot({ service, config, database, api }: ServicePlatformOptions): DynamicModule {
    return {
      module: ServicePlatformModule,
      imports: [
        ObservabilityModule.forRoot({ service, logLevel: config.LOG_LEVEL }),
        TypeOrmModule.forRoot(serviceDataSourceOptions(database)),
        AuthModule.forRoot(verifierOptionsFrom(config)),
        MessagingModule.forRootAsync({ useFactory: () => messagingOptionsFrom(service, config) }),
        SubgraphModule.forRoot({ production: config.production, api }),
      ],
    };
  }
}
