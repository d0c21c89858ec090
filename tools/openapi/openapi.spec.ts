import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  composeOpenApi,
  type JsonObject,
  lintOpenApi,
  mergeDocuments,
  OPENAPI_FILE,
  toOpenApi31,
} from './openapi.js';

describe('the checked-in OpenAPI document', () => {
  it('is composed from the services’ controllers as they are now', async () => {
    const composed = await composeOpenApi();
    // When this fails: run `npm run openapi` and commit apps/gateway/openapi.json.
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(composed);
  }, 120_000);

  it('passes the Redocly lint of redocly.yaml', async () => {
    const { ok, output } = await lintOpenApi(OPENAPI_FILE);
    // On failure the linter's report is what the assertion shows.
    expect(ok ? 'valid' : output).toBe('valid');
  }, 120_000);

  it('fails the lint when an operation says nothing of its errors', async () => {
    const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const item of Object.values(document.paths)) {
      for (const operation of Object.values(item)) {
        operation.responses = { '200': operation.responses['200'] };
      }
    }
    const file = join(mkdtempSync(join(tmpdir(), 'gap-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const { ok, output } = await lintOpenApi(file);
    expect(ok).toBe(false);
    expect(output).toMatch(/operation-4xx-response/);
  }, 120_000);
});

describe('composing the services’ documents', () => {
  const service = (path: string, schema: JsonObject): JsonObject => ({
    openapi: '3.0.0',
    paths: { [path]: { get: { operationId: `get${path}`, responses: {} } } },
    components: { schemas: { Shared: schema } },
    tags: [],
  });

  it('writes OpenAPI 3.0 nullable fields as 3.1 null types', () => {
    expect(toOpenApi31({ type: 'string', nullable: true, format: 'date' })).toEqual({
      type: ['string', 'null'],
      format: 'date',
    });
    expect(toOpenApi31({ allOf: [{ $ref: '#/components/schemas/X' }], nullable: true })).toEqual({
      anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'null' }],
    });
  });

  it('refuses two services serving the same path', () => {
    expect(() =>
      mergeDocuments([
        { name: 'accounts', document: service('/api/v1/x', { type: 'object' }) },
        { name: 'bundles', document: service('/api/v1/x', { type: 'object' }) },
      ]),
    ).toThrow(/\/api\/v1\/x of bundles is served twice/);
  });

  it('refuses one schema name defined two ways', () => {
    expect(() =>
      mergeDocuments([
        { name: 'accounts', document: service('/api/v1/a', { type: 'object' }) },
        { name: 'bundles', document: service('/api/v1/b', { type: 'string' }) },
      ]),
    ).toThrow(/Schema Shared of bundles differs/);
  });
});
