import { buildASTSchema, isObjectType, parse } from 'graphql';
import { subgraphSdl } from '@gap/graphql';
import { MANAGERS_OPERATIONS, MANAGERS_PERMISSIONS } from '@gap/managers/domain';
import { MANAGERS_API } from '../schema.js';

/** Every operation the managers subgraph serves, named as the permission matrix names them. */
async function servedOperations(): Promise<string[]> {
  const sdl = await subgraphSdl(MANAGERS_API);
  const document = parse(sdl);
  const schema = buildASTSchema(document, { assumeValidSDL: true });
  const operations: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.keys(root?.getFields() ?? {})) {
      if (!field.startsWith('_')) operations.push(field);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const keyed = type.astNode?.directives?.some((d) => d.name.value === 'key');
    if (!keyed) continue;
    operations.push(`_entities.${type.name}`);
    // GroupAccount is the accounts service's: its fields here are contributions, each an operation.
    if (type.name === 'GroupAccount') {
      for (const field of Object.keys(type.getFields())) {
        if (field !== 'id') operations.push(`GroupAccount.${field}`);
      }
    }
  }
  return operations.sort();
}

describe('the managers subgraph’s operations and its permission matrix', () => {
  it('has a row for every operation it serves, and none for one it does not', async () => {
    const served = await servedOperations();
    expect([...MANAGERS_OPERATIONS].sort()).toEqual(served);
    expect(Object.keys(MANAGERS_PERMISSIONS).sort()).toEqual(served);
  });
});
