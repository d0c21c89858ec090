import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { lexicographicSortSchema } from 'graphql';
import { DateTimeScalar } from './scalars.js';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

/** The classes that make a subgraph's schema: shared by the running service and composition. */
export interface SubgraphApi {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest's own type for resolver classes
  readonly resolvers: Function[];
  /** Entity types this subgraph extends but that none of its own fields return. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest's own type for object type classes
  readonly orphanedTypes: Function[];
}

/**
 * The SDL a subgraph serves, built from its resolver classes alone (no database, no broker),
 * so the supergraph can be composed statically in a workspace script.
 */
export async function subgraphSdl(api: SubgraphApi): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, {
    logger: false,
  });
  try {
    const factory = app.get(GraphQLSchemaFactory);
    const schema = await factory.create(api.resolvers, {
      dateScalarMode: 'isoDate',
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      skipCheck: true,
      orphanedTypes: api.orphanedTypes,
    });
    return `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(lexicographicSortSchema(schema))}`;
  } finally {
    await app.close();
  }
}
