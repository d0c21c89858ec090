import { ACCOUNTS_PERMISSIONS } from '@gap/accounts/domain';
import { BUNDLES_PERMISSIONS } from '@gap/bundles/domain';
import { COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import { MANAGERS_PERMISSIONS } from '@gap/managers/domain';
import { PARTNERS_PERMISSIONS } from '@gap/partners/domain';
import { TIERING_PERMISSIONS } from '@gap/tiering/domain';
import { ENTITY_OWNERS, entityTypes, platformOperations, SERVICES } from './operations.js';

/*
 * The permission matrices against the graph as composed (apps/gateway/supergraph.graphql) and
 * the REST edge (apps/gateway/openapi.json): every operation is in its service's matrix and in
 * no other's, and every matrix entry names an operation that exists. The end-to-end table
 * (authorization.e2e.spec.ts) then checks that the services enforce what the matrices say.
 */

const MATRICES: Record<(typeof SERVICES)[number], Readonly<Record<string, unknown>>> = {
  accounts: ACCOUNTS_PERMISSIONS,
  tiering: TIERING_PERMISSIONS,
  managers: MANAGERS_PERMISSIONS,
  coordination: COORDINATION_PERMISSIONS,
  bundles: BUNDLES_PERMISSIONS,
  partners: PARTNERS_PERMISSIONS,
};

describe('the permission matrices cover the graph', () => {
  const operations = platformOperations();

  it('lists every root query and mutation in exactly one matrix: the one of the service serving it', () => {
    const offenders = operations
      .filter((op) => op.kind === 'query' || op.kind === 'mutation' || op.kind === 'rest')
      .flatMap((op) => {
        const listedIn = SERVICES.filter((service) => op.name in MATRICES[service]);
        return listedIn.length === 1 && listedIn[0] === op.service
          ? []
          : [`${op.name} (served by ${op.service}) is listed in [${listedIn.join(', ')}]`];
      });
    expect(offenders).toEqual([]);
  });

  it('lists every entity lookup and every field added to another service’s entity in the matrix of the service resolving it', () => {
    const offenders = operations
      .filter((op) => op.kind === 'entity' || op.kind === 'field')
      .filter((op) => !(op.name in MATRICES[op.service]))
      .map((op) => `${op.service} resolves ${op.name} but its matrix does not list it`);
    expect(offenders).toEqual([]);
  });

  it('names in each matrix only operations its service serves', () => {
    const served = new Set(operations.map((op) => `${op.service}:${op.name}`));
    const offenders = SERVICES.flatMap((service) =>
      Object.keys(MATRICES[service])
        .filter((name) => !served.has(`${service}:${name}`))
        .map((name) => `${service} lists ${name}, which it does not serve`),
    );
    expect(offenders).toEqual([]);
  });

  it('knows which service owns each entity declared by several services', () => {
    expect(entityTypes().filter((type) => !(type in ENTITY_OWNERS))).toEqual([]);
  });
});
