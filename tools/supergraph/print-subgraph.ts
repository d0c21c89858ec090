/**
 * Prints one subgraph's SDL. Each subgraph is printed in a process of its own: Nest keeps
 * GraphQL type metadata process-wide, so two services' types must never meet in one process.
 */
import 'reflect-metadata';
import { subgraphSdl } from '@gap/graphql';
import { SUBGRAPHS } from './subgraphs.js';

const name = process.argv[2];
const subgraph = SUBGRAPHS.find((candidate) => candidate.name === name);
if (!subgraph) {
  process.stderr.write(
    `Unknown subgraph '${name}'. Known: ${SUBGRAPHS.map((s) => s.name).join(', ')}\n`,
  );
  process.exit(2);
}
process.stdout.write(await subgraphSdl(await subgraph.api()));
