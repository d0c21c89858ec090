import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs.js';

const run = promisify(execFile);

async function printSubgraph(name: string): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'tools/supergraph/print-subgraph.ts', name],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

export async function composeSupergraph(): Promise<string> {
  const sdls = await Promise.all(SUBGRAPHS.map((subgraph) => printSubgraph(subgraph.name)));
  const result = composeServices(
    SUBGRAPHS.map((subgraph, index) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(sdls[index] ?? ''),
    })),
  );
  if (result.errors) {
    throw new Error(
      `Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return `${result.supergraphSdl.trim()}\n`;
}
