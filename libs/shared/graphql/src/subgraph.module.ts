import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { DomainErrorFilter } from './domain-error.filter.js';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request } from 'express';
import { GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { RolesGuard } from '@gap/auth';
import { formatGraphQLError } from './error-mapping.js';
import { InputValidationPipe } from './input-validation.pipe.js';
import { DateTimeScalar, FenScalar } from './scalars.js';
import type { SubgraphApi } from './subgraph-sdl.js';

/**
 * The federation schema is rebuilt from SDL, which keeps a code-first scalar's name but drops
 * its coercion (Nest restores its own, lenient, for DateTime only): without this, Fen would pass
 * any JSON value in and out untouched, and DateTime would take 30 February as 2 March.
 */
function withScalarCoercion(schema: GraphQLSchema): GraphQLSchema {
  for (const scalar of [FenScalar, DateTimeScalar]) {
    const type = schema.getType(scalar.name);
    if (type instanceof GraphQLScalarType) {
      type.serialize = scalar.serialize;
      type.parseValue = scalar.parseValue;
      type.parseLiteral = scalar.parseLiteral;
    }
  }
  return schema;
}

export interface SubgraphOptions {
  /** Introspection is off in production; the gateway composes from the checked-in supergraph. */
  readonly production: boolean;
  readonly api: SubgraphApi;
}

export interface SubgraphContext {
  readonly req: Request;
  loaders?: Map<string, never>;
}

/**
 * One service's GraphQL API as a Federation v2 subgraph (code first), with input validation,
 * role checks and coded errors wired the same way in every service.
 */
@Module({})
export class SubgraphModule {
  static forRoot(options: SubgraphOptions): DynamicModule {
    return {
      module: SubgraphModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          driver: ApolloFederationDriver,
          autoSchemaFile: { federation: 2 },
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: !options.production,
          csrfPrevention: true,
          buildSchemaOptions: {
            dateScalarMode: 'isoDate',
            scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
            orphanedTypes: options.api.orphanedTypes,
          },
          transformSchema: withScalarCoercion,
          context: ({ req }: { req: Request }): SubgraphContext => ({ req }),
          formatError: formatGraphQLError,
        }),
      ],
      providers: [
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
    };
  }
}
