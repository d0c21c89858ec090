import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { queryCostRule } from './query-cost.rule.js';
import { queryProtection } from './query-limits.js';
import { LIST_SIZES, documentedMaximum } from './list-sizes.js';

const schema = buildSchema(`
  type Query {
    accounts(
      "How many accounts: 1 to 100 (at most 100)."
      first: Int! = 20
    ): AccountConnection!
    managers(first: Int! = 100): [Manager!]!
  }
  type AccountConnection { edges: [Edge!]! pageInfo: PageInfo! facets: Facets! }
  type PageInfo { hasNextPage: Boolean! }
  type Facets { total: Int! }
  type Edge { node: GroupAccount! }
  type GroupAccount {
    id: ID!
    name: String!
    parent: GroupAccount
    contacts: [Contact!]!
    tags: [String!]!
  }
  type Contact { name: String keyDates: [KeyDate!]! }
  type KeyDate { date: String }
  type Manager { id: ID! }
`);

const LIMITS = {
  maxAliases: 5,
  maxTokens: 200,
  maxDepth: 4,
  maxDirectives: 3,
  maxCost: 1_000_000,
  hideSuggestions: false,
};

/** The codes the limits give `query`, and its estimated cost. */
function check(query: string, limits = LIMITS): { codes: unknown[]; cost?: unknown } {
  const document = parse(query, queryProtection(limits).parseOptions);
  const errors = validate(schema, document, queryProtection(limits).validationRules);
  return {
    codes: errors.map((error) => error.extensions['code']),
    cost: errors.find((e) => e.extensions['code'] === 'QUERY_TOO_COMPLEX')?.extensions['cost'],
  };
}

/** The estimated cost of `query`, read from the refusal of a limit of zero. */
function costOf(query: string, on: GraphQLSchema = schema): number {
  const [error] = validate(on, parse(query), [queryCostRule(0)]);
  return Number(error?.extensions['cost'] ?? 0);
}

describe('query limits', () => {
  it('allows a query exactly as deep as the limit and refuses one level deeper', () => {
    expect(check('{ accounts { edges { node { id } } } }').codes).toEqual([]);
    expect(check('{ accounts { edges { node { parent { id } } } } }').codes).toEqual([
      'QUERY_TOO_DEEP',
    ]);
  });

  it('counts a connection’s edges per item of the page, and what it says of the whole once', () => {
    const page = costOf('{ accounts(first: 50) { edges { node { id } } } }');
    const whole = costOf(
      '{ accounts(first: 50) { edges { node { id } } pageInfo { hasNextPage } facets { total } } }',
    );
    // pageInfo and facets: a field and a scalar each, once, whatever the page size.
    expect(whole - page).toBe(4);
  });

  it('counts the depth hidden in fragments', () => {
    const query = '{ accounts { edges { ...E } } } fragment E on Edge { node { parent { id } } }';
    expect(check(query).codes).toEqual(['QUERY_TOO_DEEP']);
  });

  it('refuses more aliases than allowed, __typename included', () => {
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ');
    expect(check(`{ ${aliases(5)} }`).codes).toEqual([]);
    expect(check(`{ ${aliases(6)} }`).codes).toEqual(['MAX_ALIASES_EXCEEDED']);
  });

  it('refuses more directives than allowed', () => {
    const query =
      '{ accounts @include(if: true) @skip(if: false) { edges @include(if: true) { node @skip(if: false) { id } } } }';
    expect(check(query).codes).toEqual(['MAX_DIRECTIVES_EXCEEDED']);
  });

  it('stops parsing at the token limit', () => {
    const fields = Array.from({ length: 250 }, () => 'id').join(' ');
    expect(() => check(`{ accounts { edges { node { ${fields} } } } }`)).toThrow(
      /more (than|that) 200 tokens/,
    );
  });
});

describe('the cost estimate', () => {
  it('multiplies the fields inside a page by the page size asked for', () => {
    // 1 (accounts) + 50 × (edges, node, id, name) = 201
    expect(costOf('{ accounts(first: 50) { edges { node { id name } } } }')).toBe(201);
  });

  it("counts a page without a size at the argument's default", () => {
    // 1 + 20 × (edges, node, id) = 61
    expect(costOf('{ accounts { edges { node { id } } } }')).toBe(61);
  });

  it('counts a page sized by a variable, or asked too large, at its documented maximum', () => {
    // 1 + 100 × 3 = 301
    expect(costOf('query ($n: Int!) { accounts(first: $n) { edges { node { id } } } }')).toBe(301);
    expect(costOf('{ accounts(first: 5000) { edges { node { id } } } }')).toBe(301);
  });

  it('counts an unpaged list at what it can really return, not at ten', () => {
    // 1 + 1 × (edges, node, contacts) + 100 contacts × (name, keyDates) + 100 × 20 × date
    const query =
      '{ accounts(first: 1) { edges { node { contacts { name keyDates { date } } } } } }';
    expect(costOf(query)).toBe(1 + 3 + 100 * 2 + 100 * 20);
  });

  it('counts a list of scalars one per item', () => {
    // 1 + 1 × (edges, node) + 20 tags
    expect(costOf('{ accounts(first: 1) { edges { node { tags } } } }')).toBe(23);
  });

  it('counts a list it has no size for at the largest page', () => {
    // 1 + 100 managers × id
    expect(costOf('{ managers(first: 1000) { id } }')).toBe(101);
  });

  it('counts the fields of a named fragment wherever it is spread', () => {
    const inline = costOf('{ accounts(first: 10) { edges { node { id name } } } }');
    const spread = costOf(
      '{ accounts(first: 10) { edges { node { ...F } } } } fragment F on GroupAccount { id name }',
    );
    expect(spread).toBe(inline);
  });

  it('counts a chain of fragments each spread twice at once, not in 2^n steps', () => {
    const chain = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on GroupAccount { ...F${i + 1} ...F${i + 1} }`,
    );
    const query = `{ accounts(first: 1) { edges { node { ...F0 } } } } ${chain.join(' ')} fragment F24 on GroupAccount { id }`;
    // 1 + edges + node + 2^24 ids
    expect(costOf(query)).toBe(3 + 2 ** 24);
  });

  it('refuses a query over the limit with its cost and the limit', () => {
    const query = '{ accounts(first: 100) { edges { node { contacts { keyDates { date } } } } } }';
    expect(check(query, { ...LIMITS, maxDepth: 10, maxCost: 5_000 })).toEqual({
      codes: ['QUERY_TOO_COMPLEX'],
      cost: costOf(query),
    });
  });
});

describe('the list sizes', () => {
  // The supergraph's SDL is valid GraphQL: its join__ directives and types come along, and
  // its object types are the graph's.
  const supergraph = buildSchema(readFileSync('apps/gateway/supergraph.graphql', 'utf8'));

  it('reads the maximum a page-size argument documents', () => {
    expect(documentedMaximum('How many managers: 1 to 500 (at most 500).')).toBe(500);
    expect(documentedMaximum('How many, at most 1,000.')).toBe(1000);
    expect(documentedMaximum('The endCursor of the previous page.')).toBeUndefined();
  });

  it('knows how long every list of the supergraph can be', () => {
    const unsized: string[] = [];
    for (const type of Object.values(supergraph.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('__') || !('getInterfaces' in type)) {
        continue;
      }
      for (const field of Object.values(type.getFields())) {
        const named = field.type.toString().replace(/[[\]!]/g, '');
        const list = field.type.toString().includes('[') || named.endsWith('Connection');
        const pagePart = type.name.endsWith('Connection') && field.name === 'edges';
        const documented = field.args.some((arg) => documentedMaximum(arg.description));
        const key = `${type.name}.${field.name}`;
        if (list && !pagePart && !documented && !LIST_SIZES[key]) unsized.push(key);
      }
    }
    expect(unsized).toEqual([]);
  });

  it('makes a page of 100 accounts with their contacts too costly for the default limit', () => {
    const query =
      '{ groupAccounts(first: 100) { edges { node { id contacts { name keyDates { date } } } } } }';
    expect(costOf(query, supergraph)).toBeGreaterThan(20_000);
  });
});
