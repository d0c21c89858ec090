import { readFileSync } from 'node:fs';
import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type TypeNode,
} from 'graphql';

export const SERVICES = [
  'accounts',
  'tiering',
  'managers',
  'coordination',
  'bundles',
  'partners',
] as const;
export type Service = (typeof SERVICES)[number];

/**
 * Which service an entity belongs to; the other services that declare it contribute fields
 * (`GroupAccount.tier`). Composition does not say who owns an entity, so it is written here,
 * and an entity missing from this list fails the coverage test.
 */
export const ENTITY_OWNERS: Readonly<Record<string, Service>> = {
  GroupAccount: 'accounts',
  AccountManager: 'managers',
};

/**
 * One operation of the graph, named as the permission matrices name it: a root field
 * (`groupAccounts`), an entity lookup (`_entities.GroupAccount`), a field a service adds to
 * another's entity (`GroupAccount.tier`), or a REST operation (`rest.getGroupAccount`).
 */
export interface Operation {
  readonly name: string;
  readonly service: Service;
  readonly kind: 'query' | 'mutation' | 'entity' | 'field' | 'rest';
  /** The entity of an `entity` or `field` operation. */
  readonly entity?: string;
  readonly field?: FieldDefinitionNode;
}

/** The service answering a REST path: its area, as the gateway's REST edge routes it. */
function serviceOfPath(path: string): Service {
  // TM Forum facades: /tmf-api/<api>/… (the gateway's TMF_APIS).
  if (path.startsWith('/tmf-api/troubleTicket/')) return 'coordination';
  if (/^\/tmf-api\/(partyManagement|customerManagement)\//.test(path)) return 'partners';
  const area = /^\/api\/v\d+\/([^/]+)/.exec(path)?.[1] ?? '';
  return (SERVICES as readonly string[]).includes(area) ? (area as Service) : 'accounts';
}

export const SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';
export const OPENAPI_FILE = 'apps/gateway/openapi.json';

export function readSupergraph(): DocumentNode {
  return parse(readFileSync(SUPERGRAPH_FILE, 'utf8'));
}

function objectTypes(supergraph: DocumentNode): ObjectTypeDefinitionNode[] {
  return supergraph.definitions.filter(
    (d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION,
  );
}

/** `graph: ACCOUNTS` of a join directive, as a service name. */
function graphOf(directive: ConstDirectiveNode): Service {
  const value = directive.arguments?.find((a) => a.name.value === 'graph')?.value;
  return (value && value.kind === Kind.ENUM ? value.value.toLowerCase() : '') as Service;
}

function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

const joins = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) =>
  (node.directives ?? []).filter((d) => d.name.value === `join__${name}`);

/** Every operation of the composed graph and of the REST edge. */
export function platformOperations(supergraph: DocumentNode = readSupergraph()): Operation[] {
  const operations: Operation[] = [];
  for (const type of objectTypes(supergraph)) {
    const typeName = type.name.value;
    if (typeName === 'Query' || typeName === 'Mutation') {
      for (const field of type.fields ?? []) {
        for (const join of joins(field, 'field')) {
          const kind = typeName === 'Query' ? 'query' : 'mutation';
          operations.push({ name: field.name.value, service: graphOf(join), kind, field });
        }
      }
      continue;
    }
    const keyed = joins(type, 'type').filter(
      (j) => argument(j, 'key') !== undefined && argument(j, 'resolvable') !== false,
    );
    for (const join of keyed) {
      operations.push({
        name: `_entities.${typeName}`,
        service: graphOf(join),
        kind: 'entity',
        entity: typeName,
      });
    }
    if (keyed.length < 2) continue;
    for (const field of type.fields ?? []) {
      const graphs = joins(field, 'field').map(graphOf);
      const [service] = graphs;
      if (graphs.length === 1 && service && service !== ENTITY_OWNERS[typeName]) {
        const name = `${typeName}.${field.name.value}`;
        operations.push({ name, service, kind: 'field', entity: typeName, field });
      }
    }
  }
  return [...operations, ...restOperations()];
}

/** The REST edge's operations, each served by the service owning its area (`/api/v1/<area>`). */
export function restOperations(): Operation[] {
  const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.values(methods).flatMap((operation) =>
      operation.operationId
        ? [
            {
              name: `rest.${operation.operationId}`,
              service: serviceOfPath(path),
              kind: 'rest' as const,
            },
          ]
        : [],
    ),
  );
}

/** The entity types that more than one service declares, or that a service lets others look up. */
export function entityTypes(supergraph: DocumentNode = readSupergraph()): string[] {
  return objectTypes(supergraph)
    .filter((t) => joins(t, 'type').some((j) => argument(j, 'key') !== undefined))
    .map((t) => t.name.value);
}

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** ` { __typename }` for an object, interface or union; nothing for a scalar or an enum. */
function selectionFor(supergraph: DocumentNode, type: TypeNode): string {
  const name = namedType(type);
  const composite = supergraph.definitions.some(
    (d) =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION ||
        d.kind === Kind.INTERFACE_TYPE_DEFINITION ||
        d.kind === Kind.UNION_TYPE_DEFINITION) &&
      d.name.value === name,
  );
  return composite ? ' { __typename }' : '';
}

/**
 * The smallest GraphQL document that runs the operation with the given variables: each
 * argument given a value becomes a variable of its declared type.
 */
export function documentFor(
  supergraph: DocumentNode,
  operation: Operation,
  variables: Record<string, unknown>,
): string {
  const field = operation.field;
  if (operation.kind === 'entity' || operation.kind === 'field') {
    const inner = field
      ? `${field.name.value}${selectionFor(supergraph, field.type)}`
      : '__typename';
    return `query Lookup($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${operation.entity} { ${inner} } } }`;
  }
  if (!field) throw new Error(`${operation.name} is not a GraphQL field`);
  const args = (field.arguments ?? []).filter((a) => variables[a.name.value] !== undefined);
  const declared = args.map((a) => `$${a.name.value}: ${print(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name.value}: $${a.name.value}`).join(', ');
  return `${operation.kind} Run${declared ? `(${declared})` : ''} { ${field.name.value}${
    passed ? `(${passed})` : ''
  }${selectionFor(supergraph, field.type)} }`;
}

/** The arguments an operation cannot run without. */
export function requiredArguments(operation: Operation): string[] {
  return (operation.field?.arguments ?? [])
    .filter((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue)
    .map((a) => a.name.value);
}
