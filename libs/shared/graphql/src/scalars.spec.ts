import { Kind } from 'graphql';
import { DomainError } from '@gap/errors';
import { FenScalar } from './scalars.js';

function refusal(parse: () => unknown): string | undefined {
  try {
    parse();
  } catch (error) {
    if (error instanceof DomainError) return error.violations[0]?.reason;
    throw error;
  }
  return undefined;
}

describe('the Fen scalar', () => {
  it('sends whole fen as a string, so no client reads it into a double', () => {
    expect(FenScalar.serialize(123456)).toBe('123456');
    expect(FenScalar.serialize(9_007_199_254_740)).toBe('9007199254740');
    expect(FenScalar.serialize(-5)).toBe('-5');
  });

  it('will not send a fraction of a fen', () => {
    expect(() => FenScalar.serialize(12.5)).toThrow(TypeError);
  });

  it('reads a string of digits or an integer', () => {
    expect(FenScalar.parseValue('123456')).toBe(123456);
    expect(FenScalar.parseValue(42)).toBe(42);
    expect(FenScalar.parseLiteral({ kind: Kind.STRING, value: '100' })).toBe(100);
    expect(FenScalar.parseLiteral({ kind: Kind.INT, value: '100' })).toBe(100);
  });

  it('refuses fractions and absurd amounts with a coded reason', () => {
    expect(refusal(() => FenScalar.parseValue('1.50'))).toBe('NOT_WHOLE_FEN');
    expect(refusal(() => FenScalar.parseValue(0.5))).toBe('NOT_WHOLE_FEN');
    expect(refusal(() => FenScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' }))).toBe(
      'NOT_WHOLE_FEN',
    );
    expect(refusal(() => FenScalar.parseValue('10000000000000000'))).toBe('FEN_OUT_OF_RANGE');
  });
});
