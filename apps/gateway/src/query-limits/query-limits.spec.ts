import { buildSchema, parse, validate } from 'graphql';
import { costLimitRule, depthLimitRule } from './query-limits.js';

const schema = buildSchema(`
  type Query { accounts(first: Int): AccountConnection! }
  type AccountConnection { edges: [Edge!]! }
  type Edge { node: Account! }
  type Account { id: ID! name: String! parent: Account contacts: [Contact!]! }
  type Contact { name: String keyDates: [KeyDate!]! }
  type KeyDate { date: String }
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

  it('counts a page without a size at the default page, and one sized by a variable at the largest', () => {
    // 1 + 20 × (edges, node, id) = 61
    expect(errorsOf('{ accounts { edges { node { id } } } }', costLimitRule(61))).toEqual([]);
    expect(errorsOf('{ accounts { edges { node { id } } } }', costLimitRule(60))).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    const sized = 'query ($n: Int) { accounts(first: $n) { edges { node { id } } } }';
    expect(errorsOf(sized, costLimitRule(300))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it("counts an entity's small collections at ten each", () => {
    // 1 + 1 × (edges, node, contacts) + 10 × (name, keyDates) + 100 × date = 124
    const query =
      '{ accounts(first: 1) { edges { node { contacts { name keyDates { date } } } } } }';
    expect(errorsOf(query, costLimitRule(124))).toEqual([]);
    expect(errorsOf(query, costLimitRule(123))).toEqual(['QUERY_TOO_COMPLEX']);
  });
});
