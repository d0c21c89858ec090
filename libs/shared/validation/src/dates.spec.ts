import { dateProblem, monthProblem } from './dates.js';

describe('calendar dates from clients', () => {
  it.each([
    ['2026-02-30', 'NOT_A_DATE'],
    ['2026-13-01', 'NOT_A_DATE'],
    ['2026-00-10', 'NOT_A_DATE'],
    ['2026-1-1', 'NOT_A_DATE'],
    ['2026-01-01T00:00:00Z', 'NOT_A_DATE'],
    ['2100-02-29', 'NOT_A_DATE'],
    ['0000-01-01', 'DATE_OUT_OF_RANGE'],
    ['1899-12-31', 'DATE_OUT_OF_RANGE'],
    ['2101-01-01', 'DATE_OUT_OF_RANGE'],
  ])('refuses %s as %s', (value, problem) => {
    expect(dateProblem(value)).toBe(problem);
  });

  it.each(['1900-01-01', '2000-02-29', '2024-02-29', '2100-12-31'])('accepts %s', (value) => {
    expect(dateProblem(value)).toBeNull();
  });

  it('checks months the same way', () => {
    expect(monthProblem('2026-10')).toBeNull();
    expect(monthProblem('2026-13')).toBe('NOT_A_MONTH');
    expect(monthProblem('2026-10-01')).toBe('NOT_A_MONTH');
    expect(monthProblem('0000-01')).toBe('DATE_OUT_OF_RANGE');
  });
});
