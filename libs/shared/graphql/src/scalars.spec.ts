import { Kind } from 'graphql';
import { DomainError } from '@gap/errors';
import { DateTimeScalar, FenScalar } from './scalars.js';

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

describe('the DateTime scalar', () => {
  it('reads ISO 8601 instants with an offset, and serves them in UTC', () => {
    expect(DateTimeScalar.parseValue('2026-12-03T09:30:00+08:00')).toEqual(
      new Date('2026-12-03T01:30:00Z'),
    );
    expect(DateTimeScalar.parseValue('2026-12-03T01:30:00.123Z')).toEqual(
      new Date('2026-12-03T01:30:00.123Z'),
    );
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-03T01:30Z' })).toEqual(
      new Date('2026-12-03T01:30:00Z'),
    );
    expect(DateTimeScalar.serialize(new Date('2026-12-03T01:30:00Z'))).toBe(
      '2026-12-03T01:30:00.000Z',
    );
  });

  it.each([
    ['2026-02-30T10:00:00Z', 'NOT_A_DATE_TIME'],
    ['2026-12-03T24:00:00Z', 'NOT_A_DATE_TIME'],
    ['2026-12-03', 'NOT_A_DATE_TIME'],
    ['2026-12-03T10:00:00', 'NOT_A_DATE_TIME'],
    ['yesterday', 'NOT_A_DATE_TIME'],
    ['0000-01-01T00:00:00Z', 'DATE_OUT_OF_RANGE'],
    ['2101-01-01T00:00:00Z', 'DATE_OUT_OF_RANGE'],
  ])('refuses %s with %s', (value, reason) => {
    expect(refusal(() => DateTimeScalar.parseValue(value))).toBe(reason);
  });

  it('refuses what is not text', () => {
    expect(refusal(() => DateTimeScalar.parseValue(1733200000000))).toBe('NOT_A_DATE_TIME');
    expect(refusal(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' }))).toBe(
      'NOT_A_DATE_TIME',
    );
  });
});
