import { execFile } from 'node:child_process';
import { isDeepStrictEqual, promisify } from 'node:util';
import { REST_SERVICES } from './services.js';

const run = promisify(execFile);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Where the merged document is checked in, and served by the gateway at /api/openapi.json. */
export const OPENAPI_FILE = 'apps/gateway/openapi.json';

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function printDocument(name: string): Promise<JsonObject> {
  const { stdout } = await run(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'tools/openapi/print-document.ts', name],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as JsonObject;
}

/**
 * @nestjs/swagger writes OpenAPI 3.0's `nullable: true`; 3.1 uses JSON Schema's `null` type
 * instead, and a `$ref` may have siblings. Rewritten everywhere so the merged document is 3.1
 * throughout.
 */
export function toOpenApi31(node: Json): Json {
  if (Array.isArray(node)) return node.map(toOpenApi31);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'nullable') out[key] = toOpenApi31(value);
  }
  // 3.0 allowed nothing beside a $ref, hence `allOf: [{ $ref }]`; 3.1 takes the $ref itself.
  const allOf = out['allOf'];
  if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0])) {
    const { allOf: _single, ...siblings } = out;
    Object.assign(out, allOf[0]);
    delete out['allOf'];
    Object.assign(out, siblings);
  }
  if (node['nullable'] !== true) return out;
  if (typeof out['type'] === 'string') {
    out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum'])) out['enum'] = [...out['enum'], null];
    return out;
  }
  const { description, ...schema } = out;
  return {
    ...(description === undefined ? {} : { description }),
    anyOf: [schema, { type: 'null' }],
  };
}

/** Adds `from`'s entries to `into`; one name defined two different ways is an error. */
function mergeNamed(into: JsonObject, from: Json | undefined, what: string, owner: string): void {
  if (!isObject(from)) return;
  for (const [name, value] of Object.entries(from)) {
    const existing = into[name];
    if (existing !== undefined && !isDeepStrictEqual(existing, value)) {
      throw new Error(`${what} ${name} of ${owner} differs from the one already defined.`);
    }
    into[name] = value;
  }
}

function sorted(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

/** Merges the services' documents into the one the gateway serves. */
export function mergeDocuments(
  documents: readonly { name: string; document: JsonObject }[],
): JsonObject {
  const paths: JsonObject = {};
  const schemas: JsonObject = {};
  const securitySchemes: JsonObject = {};
  const tags = new Map<string, JsonObject>();
  const operationIds = new Map<string, string>();
  for (const { name, document } of documents) {
    for (const [path, item] of Object.entries(
      isObject(document['paths']) ? document['paths'] : {},
    )) {
      if (paths[path] !== undefined) throw new Error(`Path ${path} of ${name} is served twice.`);
      paths[path] = item;
      for (const operation of Object.values(isObject(item) ? item : {})) {
        const id = isObject(operation) ? operation['operationId'] : undefined;
        if (typeof id !== 'string') continue;
        const owner = operationIds.get(id);
        if (owner) throw new Error(`operationId ${id} of ${name} is used by ${owner} too.`);
        operationIds.set(id, name);
      }
    }
    const components = isObject(document['components']) ? document['components'] : {};
    mergeNamed(schemas, components['schemas'], 'Schema', name);
    mergeNamed(securitySchemes, components['securitySchemes'], 'Security scheme', name);
    for (const tag of Array.isArray(document['tags']) ? document['tags'] : []) {
      if (isObject(tag) && typeof tag['name'] === 'string') tags.set(tag['name'], tag);
    }
  }
  return toOpenApi31({
    openapi: '3.1.0',
    info: {
      title: 'Group account platform',
      version: '1',
      description:
        'The REST API of the group account platform, served by the gateway on the same origin as ' +
        'the graph (`/graphql`) with the same bearer tokens. Every error is an RFC 9457 problem ' +
        '(`application/problem+json`) whose `code` and `category` are the ones the graph gives.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: 'http://127.0.0.1:4000', description: 'The gateway under npm start' }],
    tags: [...tags.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, tag]) => tag),
    paths: sorted(paths),
    components: { schemas: sorted(schemas), securitySchemes: sorted(securitySchemes) },
  }) as JsonObject;
}

/** Every service's document, each printed in its own process, merged. */
export async function composeOpenApi(): Promise<string> {
  const documents = await Promise.all(
    REST_SERVICES.map(async (service) => ({
      name: service.name,
      document: await printDocument(service.name),
    })),
  );
  return `${JSON.stringify(mergeDocuments(documents), null, 2)}\n`;
}

/** Runs Redocly's linter on a document with the workspace's redocly.yaml. */
export async function lintOpenApi(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        'node_modules/@redocly/cli/bin/cli.js',
        'lint',
        file,
        '--config',
        'redocly.yaml',
        '--format',
        'stylish',
      ],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? failed.message}` };
  }
}
