import {
  Kind,
  OperationTypeNode,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_MAX_PAGE, LIST_SIZES, documentedMaximum } from './list-sizes.js';
import { limitError } from './limit-errors.js';

const SIZE_ARGUMENTS = ['first', 'last'];

type AnyField = GraphQLField<unknown, unknown>;

function isConnection(field: AnyField): boolean {
  return getNamedType(field.type).name.endsWith('Connection');
}

function isList(field: AnyField): boolean {
  return isListType(getNullableType(field.type)) || isConnection(field);
}

/** The most items `field` of `parent` can return, whatever the caller asks. */
function maximumOf(parent: string, field: AnyField): number {
  const sizeArgument = field.args.find((arg) => SIZE_ARGUMENTS.includes(arg.name));
  return (
    documentedMaximum(sizeArgument?.description) ??
    LIST_SIZES[`${parent}.${field.name}`]?.max ??
    DEFAULT_MAX_PAGE
  );
}

/**
 * How many items a list will return for this selection: the page asked for (its literal, or
 * the argument's default), capped at the list's maximum; the maximum itself when the size is a
 * variable, since one validated document serves every variable value.
 */
export function listSize(parent: string, field: AnyField, node: FieldNode): number {
  const maximum = maximumOf(parent, field);
  const sizeArgument = field.args.find((arg) => SIZE_ARGUMENTS.includes(arg.name));
  if (!sizeArgument) return maximum;
  const given = node.arguments?.find((arg) => arg.name.value === sizeArgument.name)?.value;
  let asked = maximum;
  if (given?.kind === Kind.INT) asked = Number(given.value);
  else if (!given && typeof sizeArgument.defaultValue === 'number') {
    asked = sizeArgument.defaultValue;
  }
  return Math.max(1, Math.min(asked, maximum));
}

function fieldsOf(type: GraphQLCompositeType): Record<string, AnyField> {
  return isObjectType(type) || isInterfaceType(type) ? type.getFields() : {};
}

class CostCounter {
  /**
   * A named fragment's cost at a multiplier of one: cost is linear in the multiplier, so each
   * fragment is counted once however often it is spread (a chain of fragments each spreading the
   * next twice would otherwise take 2^n steps to count).
   */
  private readonly fragmentCosts = new Map<string, number>();
  private readonly counting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly context: ValidationContext,
  ) {}

  /** Every field costs one per item of the lists around it; a list of scalars one per item. */
  cost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.fieldCost(selection, parent, multiplier);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? this.schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition)) {
          total += this.cost(selection.selectionSet, condition, multiplier);
        }
      } else {
        total += multiplier * this.fragmentCost(selection.name.value);
      }
    }
    return total;
  }

  private fragmentCost(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = this.context.getFragment(name);
    const condition = fragment && this.schema.getType(fragment.typeCondition.name.value);
    // Unknown fragments and fragment cycles are refused by GraphQL's own rules.
    if (!condition || !isCompositeType(condition) || this.counting.has(name)) return 0;
    this.counting.add(name);
    const cost = this.cost(fragment.selectionSet, condition, 1);
    this.counting.delete(name);
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private fieldCost(node: FieldNode, parent: GraphQLCompositeType, multiplier: number): number {
    if (node.name.value.startsWith('__')) return 0;
    const field = fieldsOf(parent)[node.name.value];
    if (!field) return 0;
    // A connection's `edges` are counted by the connection's page size.
    const paged = parent.name.endsWith('Connection');
    const items = isList(field) && !paged ? listSize(parent.name, field, node) : 1;
    const type = getNamedType(field.type);
    if (!node.selectionSet || !isCompositeType(type)) return multiplier * items;
    if (isConnection(field)) {
      return multiplier + this.connectionCost(node.selectionSet, type, multiplier, items);
    }
    return multiplier + this.cost(node.selectionSet, type, multiplier * items);
  }

  /**
   * A connection's page multiplies what its `edges` hold; what it says of the whole answer
   * (`pageInfo`, facets, totals) is there once. Fragments on it are counted as if every field
   * were per item, which only ever overestimates.
   */
  private connectionCost(
    selectionSet: SelectionSetNode,
    connection: GraphQLCompositeType,
    multiplier: number,
    page: number,
  ): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) {
        total += this.cost(
          { ...selectionSet, selections: [selection] },
          connection,
          multiplier * page,
        );
        continue;
      }
      const perItem = selection.name.value === 'edges' || selection.name.value === 'nodes';
      total += this.fieldCost(selection, connection, perItem ? multiplier * page : multiplier);
    }
    return total;
  }
}

/**
 * Refuses an operation whose estimated cost exceeds `max`: the number of values it can make
 * the subgraphs produce, with every list counted at what it can really return.
 */
export function queryCostRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const schema = context.getSchema();
      const root = {
        [OperationTypeNode.QUERY]: schema.getQueryType(),
        [OperationTypeNode.MUTATION]: schema.getMutationType(),
        [OperationTypeNode.SUBSCRIPTION]: schema.getSubscriptionType(),
      }[operation.operation];
      if (!root) return;
      const cost = new CostCounter(schema, context).cost(operation.selectionSet, root, 1);
      if (cost > max) {
        context.reportError(
          limitError(
            'QUERY_TOO_COMPLEX',
            `The query's estimated cost is ${cost}; at most ${max} is allowed. Ask for smaller pages or fewer nested lists.`,
            { cost, limit: max },
          ),
        );
      }
    },
  });
}
