import { buildSchema, parse, validate } from 'graphql';
import { costLimitRule, depthLimitRule } from './query-limits.js';

const schema = buildSchema(`
  type Query { accounts(first: Int): AccountConnection! }
  type AccountConnection { edges: [Edge!]! }
  type Edge { node: Account! }
  type Account { id: ID! name: String! parent: Account }
`);

const errorsOf = (query: string, rule: ReturnType<typeof depthLimitRule>) =>
  validate(schema, parse(query), [rule]).map((error) => error.extensions['reason']);

describe('query limits', () => {
  it('allows a query exactly as deep as the limit', () => {
    expect(errorsOf('{ accounts { edges { node { id } } } }', depthLimitRule(4))).toEqual([]);
  });

  it('refuses a query one level deeper than the limit', () => {
    expect(
      errorsOf('{ accounts { edges { node { parent { id } } } } }', depthLimitRule(4)),
    ).toEqual(['QUERY_TOO_DEEP']);
  });

  it('counts the depth hidden in fragments', () => {
    const query = '{ accounts { edges { ...E } } } fragment E on Edge { node { parent { id } } }';
    expect(errorsOf(query, depthLimitRule(4))).toEqual(['QUERY_TOO_DEEP']);
  });

  it('multiplies the cost of fields inside a page by the page size', () => {
    const query = '{ accounts(first: 50) { edges { node { id name } } } }';
    // 1 (accounts) + 50 × (edges, node, id, name) = 201
    expect(errorsOf(query, costLimitRule(201))).toEqual([]);
    expect(errorsOf(query, costLimitRule(200))).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
