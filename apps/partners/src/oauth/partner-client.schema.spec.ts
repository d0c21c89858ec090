import { subgraphSdl } from '@gap/graphql';
import { PARTNERS_API } from '../schema.js';
import { PartnerClientResolver } from './partner-client.resolver.js';

describe('the admins’ GraphQL over partners’ clients', () => {
  it('builds into the subgraph, secrets only in the answers that issue them', async () => {
    const sdl = await subgraphSdl({
      ...PARTNERS_API,
      resolvers: [...PARTNERS_API.resolvers, PartnerClientResolver],
    });
    expect(sdl).toContain('partnerClients(partnerId: ID!): [PartnerClient!]!');
    expect(sdl).toContain(
      'issuePartnerClient(input: IssuePartnerClientInput!): IssuedPartnerClient!',
    );
    expect(sdl).toContain('rotatePartnerClientSecret(clientId: String!): IssuedPartnerClient!');
    expect(sdl).toContain('revokePartnerClient(clientId: String!): PartnerClient!');
    expect(sdl).toMatch(
      /enum PartnerScope \{\s+CUSTOMERS_READ\s+LEADS_READ\s+LEADS_WRITE\s+WEBHOOKS_MANAGE\s+\}/,
    );
    const partnerClient = /type PartnerClient \{[^}]*\}/.exec(sdl)?.[0] ?? '';
    expect(partnerClient).toContain('clientId: ID!');
    expect(partnerClient).not.toMatch(/^\s*\w*[sS]ecret\w*:/m);
  });
});
