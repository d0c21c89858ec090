import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import { limitError, type LimitCode } from './limit-errors.js';
import { queryCostRule } from './query-cost.rule.js';

export interface QueryLimits {
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDepth: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
  /** Production hides GraphQL's "Did you mean …" suggestions, which map the schema out. */
  readonly hideSuggestions: boolean;
}

export interface QueryProtection {
  readonly validationRules: ValidationRule[];
  readonly plugins: ApolloServerPlugin<BaseContext>[];
  readonly parseOptions: ParseOptions;
}

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
type RejectCallback = NonNullable<NonNullable<ArmorConfig['maxAliases']>['onReject']>[number];

/** Armor's rules report through this, with the limit's own code and a plain message. */
function reportAs(code: LimitCode, what: string): RejectCallback {
  return (context, error) => {
    const detail = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(limitError(code, `The query has too many ${what}: ${detail}`));
  };
}

/**
 * Everything that refuses an abusive document before the query planner or any subgraph sees
 * it. GraphQL Armor counts aliases, depth and directives during validation and masks field
 * suggestions; graphql-js's parser stops at the token limit (`parseOptions.maxTokens`, the same
 * check Armor's max-tokens plugin makes, without parsing every document twice); the cost rule
 * is the gateway's own, because Armor's cost limit does not know how long each list can be.
 * The document's size is checked earlier still, before parsing (see document-size.ts).
 */
export function queryProtection(limits: QueryLimits): QueryProtection {
  const armor = new ApolloArmor({
    maxAliases: {
      n: limits.maxAliases,
      // Armor lets `__typename` be aliased freely by default: 1,000 of them are still 1,000.
      allowList: [],
      onReject: [reportAs('MAX_ALIASES_EXCEEDED', 'aliases')],
      propagateOnRejection: false,
    },
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      onReject: [reportAs('QUERY_TOO_DEEP', 'levels')],
      propagateOnRejection: false,
    },
    maxDirectives: {
      n: limits.maxDirectives,
      onReject: [reportAs('MAX_DIRECTIVES_EXCEEDED', 'directives')],
      propagateOnRejection: false,
    },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: limits.hideSuggestions },
  }).protect();
  return {
    validationRules: [...armor.validationRules, queryCostRule(limits.maxCost)],
    // Armor is a CommonJS package, so TypeScript sees its plugin type through @apollo/server's
    // CommonJS declarations: the same interface under another module identity.
    plugins: armor.plugins as unknown as ApolloServerPlugin<BaseContext>[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
