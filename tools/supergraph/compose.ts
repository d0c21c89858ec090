/**
 * Composes the supergraph statically from every subgraph's resolvers and writes it to
 * apps/gateway/supergraph.graphql. With --check it only compares, and fails when the checked-in
 * file is stale or composition fails: CI runs it through the test suite.
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph } from './supergraph.js';

const target = 'apps/gateway/supergraph.graphql';
const supergraph = await composeSupergraph();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== supergraph) {
    process.stderr.write(`${target} is stale: run npm run supergraph and commit the result.\n`);
    process.exit(1);
  }
  process.stdout.write(`${target} is up to date.\n`);
} else {
  writeFileSync(target, supergraph);
  process.stdout.write(`Wrote ${target}.\n`);
}
