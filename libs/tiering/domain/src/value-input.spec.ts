import {
  checkValueInputRow,
  fenAsYuanText,
  MAX_MONTHLY_AMOUNT_YUAN,
  MAX_MONTHLY_COMPLAINTS,
  MAX_MONTHLY_LINES,
  VALUE_INPUT_AMOUNTS,
  VALUE_INPUT_FIELDS,
  type ValueInputField,
} from './value-input.js';

const THIS_MONTH = '2026-12';

function cells(given: Partial<Record<ValueInputField, string>>) {
  const all = Object.fromEntries(VALUE_INPUT_FIELDS.map((f) => [f, null])) as Record<
    ValueInputField,
    string | null
  >;
  return { ...all, accountCode: 'ga00100001', month: '2026-01', ...given };
}

const problems = (given: Partial<Record<ValueInputField, string>>) => {
  const checked = checkValueInputRow(cells(given), THIS_MONTH);
  return checked.ok ? [] : checked.violations.map((v) => [v.field, v.reason]);
};

describe('checking one month of value inputs', () => {
  it('takes amounts in yuan as exact fen, blanks as 0, and upper-cases the account code', () => {
    const checked = checkValueInputRow(
      cells({ voice: '8800.5', data: '0.29', cloud: String(MAX_MONTHLY_AMOUNT_YUAN), lines: '40' }),
      THIS_MONTH,
    );
    expect(checked).toMatchObject({
      ok: true,
      row: {
        accountCode: 'GA00100001',
        amountsFen: { voice: 880_050, data: 29, cloud: MAX_MONTHLY_AMOUNT_YUAN * 100, iot: 0 },
        lines: 40,
        complaints: 0,
      },
    });
  });

  describe.each(VALUE_INPUT_AMOUNTS)('the amount %s', (field) => {
    it.each([
      ['-0.01', 'NEGATIVE'],
      [String(MAX_MONTHLY_AMOUNT_YUAN + 0.01), 'TOO_LARGE'],
      ['1e15', 'NOT_A_NUMBER'],
      ['12.345', 'TOO_MANY_DECIMALS'],
      ['1,200', 'NOT_A_NUMBER'],
      ['0x10', 'NOT_A_NUMBER'],
      ['Infinity', 'NOT_A_NUMBER'],
    ])('refuses %s with %s', (value, code) => {
      expect(problems({ [field]: value })).toEqual([[field, code]]);
    });

    it('accepts zero and the maximum', () => {
      expect(problems({ [field]: '0' })).toEqual([]);
      expect(problems({ [field]: `${MAX_MONTHLY_AMOUNT_YUAN}.00` })).toEqual([]);
    });
  });

  it.each([
    ['lines', MAX_MONTHLY_LINES],
    ['complaints', MAX_MONTHLY_COMPLAINTS],
  ] as const)('bounds %s to whole numbers from 0 to %d', (field, max) => {
    expect(problems({ [field]: String(max) })).toEqual([]);
    expect(problems({ [field]: String(max + 1) })).toEqual([[field, 'TOO_LARGE']]);
    expect(problems({ [field]: '2147483648' })).toEqual([[field, 'TOO_LARGE']]);
    expect(problems({ [field]: '-1' })).toEqual([[field, 'NEGATIVE']]);
    expect(problems({ [field]: '1.5' })).toEqual([[field, 'NOT_AN_INTEGER']]);
    expect(problems({ [field]: 'many' })).toEqual([[field, 'NOT_AN_INTEGER']]);
  });

  it('names the month and the account when missing or impossible, all problems at once', () => {
    expect(problems({ accountCode: '', month: '' })).toEqual([
      ['accountCode', 'REQUIRED'],
      ['month', 'REQUIRED'],
    ]);
    expect(problems({ month: '2026-13', voice: '-1' })).toEqual([
      ['month', 'MONTH_INVALID'],
      ['voice', 'NEGATIVE'],
    ]);
    expect(problems({ month: '2027-01' })).toEqual([['month', 'MONTH_IN_FUTURE']]);
    expect(problems({ month: '1999-12' })).toEqual([['month', 'MONTH_TOO_EARLY']]);
  });

  it('writes fen back as the exact decimal text of yuan', () => {
    expect(fenAsYuanText(880_050)).toBe('8800.50');
    expect(fenAsYuanText(7)).toBe('0.07');
    expect(fenAsYuanText(MAX_MONTHLY_AMOUNT_YUAN * 100)).toBe('1000000000000.00');
  });
});
