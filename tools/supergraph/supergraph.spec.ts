import { readFileSync } from 'node:fs';
import { composeSupergraph } from './supergraph.js';

describe('the checked-in supergraph', () => {
  it('composes from the subgraphs as they are now and matches the file the gateway serves', async () => {
    const composed = await composeSupergraph();
    const checkedIn = readFileSync('apps/gateway/supergraph.graphql', 'utf8');
    // When this fails: run `npm run supergraph` and commit apps/gateway/supergraph.graphql.
    expect(checkedIn).toBe(composed);
  }, 120_000);
});
