import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { JwtVerifier } from '@gap/auth';
import { IdempotencyKeysRepository } from './idempotency/idempotency-keys.repository.js';
import { BEARER_SCHEME } from './rest-controller.decorator.js';

/** The REST face of a service: its controllers and the tags they use, for its document. */
export interface RestApi {
  readonly title: string;
  readonly version: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest's own type for controller classes
  readonly controllers: Function[];
  /** Every tag (area) the controllers use, with what it holds. */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * A service's OpenAPI document, built from its controllers alone (no database, no broker): Nest
 * runs in preview mode, which scans the classes without creating them, so the merged document
 * can be composed in a workspace script as the supergraph is.
 */
export async function restDocument(api: RestApi): Promise<OpenAPIObject> {
  // Preview mode still resolves what the classes need; nothing is called, so stand-ins do.
  const needed = new Set<unknown>([JwtVerifier, IdempotencyKeysRepository]);
  const paramTypes = (type: unknown) =>
    (Reflect.getMetadata('design:paramtypes', type as object) ?? []) as unknown[];
  for (const controller of api.controllers) {
    for (const type of paramTypes(controller)) needed.add(type);
    // Guards on the class or a handler are built with the module too: their needs as well.
    const handlers = Object.values(
      Object.getOwnPropertyDescriptors((controller as { prototype: object }).prototype),
    ).map((descriptor) => descriptor.value as unknown);
    for (const target of [controller, ...handlers]) {
      if (typeof target !== 'function') continue;
      const guards = (Reflect.getMetadata('__guards__', target) ?? []) as unknown[];
      for (const guard of guards) for (const type of paramTypes(guard)) needed.add(type);
    }
  }
  @Module({
    controllers: api.controllers as Type[],
    providers: [...needed].map((provide) => ({ provide: provide as Type, useValue: {} })),
  })
  class RestApiModule {}

  const app = await NestFactory.create(RestApiModule, {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    const builder = new DocumentBuilder()
      .setTitle(api.title)
      .setVersion(api.version)
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The caller’s token.' },
        BEARER_SCHEME,
      );
    for (const [name, description] of Object.entries(api.tags)) builder.addTag(name, description);
    return SwaggerModule.createDocument(app, builder.build(), {
      operationIdFactory: (_controller, method) => method,
    });
  } finally {
    await app.close();
  }
}
