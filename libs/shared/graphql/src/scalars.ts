import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function asFen(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new GraphQLError('Fen is an amount of money as a whole number of fen (0.01 yuan).', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Money in fen (分) as an integer: never a float. */
export const FenScalar = new GraphQLScalarType({
  name: 'Fen',
  description: 'An amount of money in fen (0.01 CNY), a whole number.',
  serialize: asFen,
  parseValue: asFen,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) return asFen(undefined);
    return asFen(Number(ast.value));
  },
});
