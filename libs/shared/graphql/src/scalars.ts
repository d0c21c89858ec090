import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DomainError } from '@gap/errors';
import { fenProblemMessage, MAX_FEN, parseFen } from '@gap/validation';

/**
 * Thrown from the scalar, which does not know where its value sits: GraphQL puts the variable
 * path in its message and the error mapping reads the field back from there.
 */
function refused(value: unknown): number {
  const parsed = parseFen(value);
  if ('fen' in parsed) return parsed.fen;
  throw DomainError.invalidInput([
    { field: '', reason: parsed.problem, message: fenProblemMessage('The amount', parsed.problem) },
  ]);
}

function literal(ast: ValueNode): unknown {
  if (ast.kind === Kind.INT || ast.kind === Kind.STRING)
    return ast.kind === Kind.INT ? Number(ast.value) : ast.value;
  return undefined;
}

/**
 * Money in fen (分): a whole number, sent to clients as a decimal string so that no client
 * parses it into a double and loses a fen; read from a string of digits or an integer.
 */
export const FenScalar = new GraphQLScalarType({
  name: 'Fen',
  description: `An amount of money in fen (0.01 CNY): a whole number written as a string of digits, e.g. "123456" for ¥1,234.56. Accepted as such a string or as an integer, within ±${MAX_FEN}. Display in yuan is left to clients.`,
  serialize(value: unknown): string {
    const parsed = parseFen(value);
    if ('fen' in parsed) return String(parsed.fen);
    // A service handing out a fraction of a fen is a bug of ours, not the client's.
    throw new TypeError(`Fen cannot represent ${String(value)}`);
  },
  parseValue: refused,
  parseLiteral: (ast) => refused(literal(ast)),
});
