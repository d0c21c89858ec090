import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  getNullableType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Page size assumed when a page's size is a variable: the largest page a service gives. */
export const ASSUMED_LIST_SIZE = 100;
/** A page asked for without a size gets the services' default page. */
export const DEFAULT_PAGE_SIZE = 20;
/**
 * Lists that are not paged are an entity's small collections (its contacts, key dates,
 * clusters, ancestors): each service bounds them, and they are counted at this size.
 */
export const ASSUMED_COLLECTION_SIZE = 10;

type Fragments = Record<string, FragmentDefinitionNode>;

const PAGE_PARTS = new Set(['edges', 'nodes']);

function fragmentsOf(context: ValidationContext): Fragments {
  const fragments: Fragments = {};
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Fragments,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      deepest = Math.max(
        deepest,
        depthOf(fragment.selectionSet, fragments, new Set(seen).add(name)),
      );
    }
  }
  return deepest;
}

/** Apollo answers every validation failure as GRAPHQL_VALIDATION_FAILED; `reason` says which. */
function tooMuch(reason: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { reason, http: { status: 400 } } });
}

/** Refuses operations whose selections nest deeper than `max` (introspection excepted). */
export function depthLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context);
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, fragments, new Set());
        if (depth > max) {
          context.reportError(
            tooMuch(
              'QUERY_TOO_DEEP',
              `The query is ${depth} levels deep; at most ${max} are allowed.`,
            ),
          );
        }
      },
    };
  };
}

function listSize(field: FieldNode, type: GraphQLOutputType): number {
  for (const argument of field.arguments ?? []) {
    if (['first', 'last', 'limit'].includes(argument.name.value)) {
      return argument.value.kind === Kind.INT
        ? Math.max(1, Number(argument.value.value))
        : ASSUMED_LIST_SIZE;
    }
  }
  return isConnection(type) ? DEFAULT_PAGE_SIZE : ASSUMED_COLLECTION_SIZE;
}

function isConnection(type: GraphQLOutputType): boolean {
  return getNamedType(getNullableType(type)).name.endsWith('Connection');
}

function isList(type: GraphQLOutputType | undefined | null): type is GraphQLOutputType {
  if (!type) return false;
  return isListType(getNullableType(type)) || isConnection(type);
}

/**
 * Refuses operations whose estimated cost exceeds `max`: every field costs one, times the
 * page sizes of the lists it sits in, so one query cannot ask for a million rows.
 */
export function costLimitRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let cost = 0;
    const multipliers: number[] = [1];
    return {
      Field: {
        enter(field) {
          if (field.name.value.startsWith('__')) return;
          const multiplier = multipliers.at(-1) ?? 1;
          cost += multiplier;
          const type = context.getType();
          // A connection's `edges` list is already counted by the connection's page size.
          const pages = isList(type) && field.selectionSet && !PAGE_PARTS.has(field.name.value);
          multipliers.push(pages ? multiplier * listSize(field, type) : multiplier);
        },
        leave(field) {
          if (!field.name.value.startsWith('__')) multipliers.pop();
        },
      },
      Document: {
        leave() {
          if (cost > max) {
            context.reportError(
              tooMuch(
                'QUERY_TOO_COMPLEX',
                `The query's estimated cost is ${cost}; at most ${max} is allowed.`,
              ),
            );
          }
        },
      },
    };
  };
}
