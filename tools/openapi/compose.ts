/**
 * Composes the gateway's OpenAPI document from every service's controllers and writes it to
 * apps/gateway/openapi.json. With --check it only compares, and fails when the checked-in file
 * is stale: CI runs the same comparison through the test suite.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { composeOpenApi, OPENAPI_FILE } from './openapi.js';

const document = await composeOpenApi();
if (process.argv.includes('--check')) {
  if (readFileSync(OPENAPI_FILE, 'utf8') !== document) {
    process.stderr.write(`${OPENAPI_FILE} is stale: run npm run openapi and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(`${OPENAPI_FILE} is up to date.\n`);
} else {
  writeFileSync(OPENAPI_FILE, document);
  process.stdout.write(`Wrote ${OPENAPI_FILE}.\n`);
}
