import { fenToYuan, MAX_FEN, parseFen, yuanToFen } from './money.js';

describe('money in fen', () => {
  it.each([
    [123456, 123456],
    ['123456', 123456],
    ['-5', -5],
    ['0', 0],
    [MAX_FEN, MAX_FEN],
  ])('reads %j as %d fen', (value, fen) => {
    expect(parseFen(value)).toEqual({ fen });
  });

  it.each([
    [1.5, 'NOT_WHOLE_FEN'],
    ['1.5', 'NOT_WHOLE_FEN'],
    ['1e3', 'NOT_WHOLE_FEN'],
    [' 12', 'NOT_WHOLE_FEN'],
    ['012', 'NOT_WHOLE_FEN'],
    ['', 'NOT_WHOLE_FEN'],
    [true, 'NOT_WHOLE_FEN'],
    [null, 'NOT_WHOLE_FEN'],
    [MAX_FEN + 1, 'FEN_OUT_OF_RANGE'],
    ['-10000000000000000', 'FEN_OUT_OF_RANGE'],
    ['99999999999999999999', 'NOT_WHOLE_FEN'],
  ])('refuses %j as %s', (value, problem) => {
    expect(parseFen(value)).toEqual({ problem });
  });

  it('rounds yuan to the nearest fen, halves away from zero, as the decimal reads', () => {
    expect(yuanToFen(1.005)).toBe(101);
    expect(yuanToFen(-1.005)).toBe(-101);
    expect(yuanToFen(0.1 + 0.2)).toBe(30);
    expect(yuanToFen(1234.564)).toBe(123456);
    expect(yuanToFen(1234.565)).toBe(123457);
    expect(yuanToFen(-0.004)).toBe(0);
  });

  it('gives back the yuan of any whole fen exactly', () => {
    for (const fen of [1, 99, 123456, 100000000001]) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });
});
