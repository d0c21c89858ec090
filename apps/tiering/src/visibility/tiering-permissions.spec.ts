import { buildASTSchema, isObjectType, parse } from 'graphql';
import { subgraphSdl } from '@gap/graphql';
import { TIERING_OPERATIONS, TIERING_PERMISSIONS } from '@gap/tiering/domain';
import { TIERING_API } from '../schema.js';

/** Every operation the tiering subgraph serves, named as the permission matrix names them. */
async function servedOperations(): Promise<string[]> {
  const schema = buildASTSchema(parse(await subgraphSdl(TIERING_API)), { assumeValidSDL: true });
  const operations: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.keys(root?.getFields() ?? {})) {
      if (!field.startsWith('_')) operations.push(field);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    if (!type.astNode?.directives?.some((d) => d.name.value === 'key')) continue;
    operations.push(`_entities.${type.name}`);
    // GroupAccount is the accounts service's: its fields here are contributions, each an operation.
    for (const field of Object.keys(type.getFields())) {
      if (field !== 'id') operations.push(`${type.name}.${field}`);
    }
  }
  return operations.sort();
}

describe('the tiering subgraph’s operations and its permission matrix', () => {
  it('has a row for every operation it serves, and none for one it does not', async () => {
    const served = await servedOperations();
    expect([...TIERING_OPERATIONS].sort()).toEqual(served);
    expect(Object.keys(TIERING_PERMISSIONS).sort()).toEqual(served);
  });
});
