import { buildASTSchema, isObjectType, parse } from 'graphql';
import { COORDINATION_OPERATIONS, COORDINATION_PERMISSIONS } from '@gap/coordination/domain';
import { subgraphSdl } from '@gap/graphql';
import { restDocument } from '@gap/rest';
import { COORDINATION_REST_API } from '../rest-api.js';
import { COORDINATION_API } from '../schema.js';

/** Every operation the coordination subgraph and its REST API serve, named as the matrix names them. */
async function servedOperations(): Promise<string[]> {
  const schema = buildASTSchema(parse(await subgraphSdl(COORDINATION_API)), {
    assumeValidSDL: true,
  });
  const operations: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.keys(root?.getFields() ?? {})) {
      if (!field.startsWith('_')) operations.push(field);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.astNode?.directives?.some((d) => d.name.value === 'key')) {
      continue;
    }
    operations.push(`_entities.${type.name}`);
    if (type.name === 'GroupAccount') {
      for (const field of Object.keys(type.getFields())) {
        if (field !== 'id') operations.push(`GroupAccount.${field}`);
      }
    }
  }
  const document = await restDocument(COORDINATION_REST_API);
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      const id = (operation as { operationId?: string }).operationId;
      if (id) operations.push(`rest.${id}`);
    }
  }
  return operations.sort();
}

describe('the coordination service’s operations and its permission matrix', () => {
  it('has a row for every operation it serves', async () => {
    const served = await servedOperations();
    expect(served.filter((op) => !(op in COORDINATION_PERMISSIONS))).toEqual([]);
    expect(served.filter((op) => !COORDINATION_OPERATIONS.includes(op as never))).toEqual([]);
  });

  it('has no request row for an operation it does not serve', async () => {
    const served = new Set(await servedOperations());
    const requestRows = Object.keys(COORDINATION_PERMISSIONS).filter((op) =>
      /coordinationRequest|coordinationTask|customer|complaintCallback|groupAccount/i.test(op),
    );
    expect(requestRows).toHaveLength(33);
    expect(requestRows.filter((op) => !served.has(op))).toEqual([]);
  });

  it('serves the requests under /api/v1/coordination/requests', async () => {
    const document = await restDocument(COORDINATION_REST_API);
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/coordination/queues/breaching',
      '/api/v1/coordination/queues/department-tasks',
      '/api/v1/coordination/queues/unassigned',
      '/api/v1/coordination/requests',
      '/api/v1/coordination/requests/{id}',
      '/api/v1/coordination/requests/{id}/audit',
      '/api/v1/coordination/requests/{id}/callback',
      '/api/v1/coordination/requests/{id}/cancel',
      '/api/v1/coordination/requests/{id}/close',
      '/api/v1/coordination/requests/{id}/reopen',
      '/api/v1/coordination/requests/{id}/resolve',
      '/api/v1/coordination/requests/{id}/tasks/{taskId}/accept',
      '/api/v1/coordination/requests/{id}/tasks/{taskId}/complete',
      '/api/v1/coordination/requests/{id}/tasks/{taskId}/decline',
      '/api/v1/coordination/requests/{id}/triage',
      '/tmf-api/troubleTicket/v5/hub',
      '/tmf-api/troubleTicket/v5/hub/{id}',
      '/tmf-api/troubleTicket/v5/troubleTicket',
      '/tmf-api/troubleTicket/v5/troubleTicket/{id}',
    ]);
  });
});
