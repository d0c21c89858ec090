import { GraphQLError } from 'graphql';
import { DomainError } from '@gap/errors';
import { coercionField, formatGraphQLError } from './error-mapping.js';

const COERCION =
  'Variable "$input" got invalid value "1.5" at "input.walletPerEmployee[0].perEmployee"; Expected type "Fen". The amount is not a whole number of fen.';

describe('mapping errors for clients', () => {
  it('reads the field a variable coercion error is about', () => {
    expect(coercionField(COERCION)).toBe('input.walletPerEmployee[0].perEmployee');
    expect(
      coercionField('Variable "$first" got invalid value 2147483648; Int cannot represent it.'),
    ).toBe('first');
    expect(coercionField('Cannot query field "x" on type "Query".')).toBeUndefined();
  });

  it('names the field of a scalar refusal, which the scalar itself cannot know', () => {
    const refusal = DomainError.invalidInput([
      { field: '', reason: 'NOT_WHOLE_FEN', message: 'not whole' },
    ]);
    const error = new GraphQLError(COERCION, { originalError: refusal });
    const formatted = formatGraphQLError({ message: COERCION }, error);
    expect(formatted.extensions).toEqual({
      code: 'INVALID_INPUT',
      category: 'BAD_USER_INPUT',
      field: 'input.walletPerEmployee[0].perEmployee',
      violations: [
        {
          field: 'input.walletPerEmployee[0].perEmployee',
          reason: 'NOT_WHOLE_FEN',
          message: 'not whole',
        },
      ],
    });
  });

  it('gives GraphQL’s own coercion errors a category and the field', () => {
    const message = 'Variable "$first" got invalid value 2147483648; Int cannot represent it.';
    const formatted = formatGraphQLError(
      { message, extensions: { code: 'BAD_USER_INPUT' } },
      new GraphQLError(message),
    );
    expect(formatted.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      category: 'BAD_USER_INPUT',
      field: 'first',
    });
  });
});
