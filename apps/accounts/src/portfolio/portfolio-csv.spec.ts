import fc from 'fast-check';
import { emptyPortfolioFacts, type PortfolioFacts } from '@gap/accounts/domain';
import {
  CSV_BOM,
  csvField,
  exportFileName,
  fenToYuanText,
  PORTFOLIO_CSV_HEADERS,
  portfolioCsvHeader,
  portfolioCsvRows,
  type PortfolioExportRow,
} from './portfolio-csv.js';

/** RFC 4180 read back, as a spreadsheet would: records of fields, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          field += text[i];
          i += 1;
        }
      }
    } else if (text[i] === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      records.push([...fields, field]);
      fields = [];
      field = '';
      i += 2;
    } else {
      field += text[i];
      i += 1;
    }
  }
  return records;
}

const account = (overrides: Partial<PortfolioExportRow['account']> = {}) => ({
  accountCode: 'GA0000001',
  name: '厦门鹭岛物流集团有限公司',
  creditCode: '91350203MA2Y000001',
  type: 'ENTERPRISE' as const,
  industryCode: 'G' as const,
  regionCode: '350203',
  status: 'ACTIVE' as const,
  ...overrides,
});

const facts = (overrides: Partial<PortfolioFacts> = {}): PortfolioFacts => ({
  ...emptyPortfolioFacts('3b8a1d4e-0000-4000-8000-000000000001', '2026-11-30T02:00:00.000Z'),
  tier: 'A',
  segment: 'VALUE',
  currentValue: '123456',
  potentialValue: '-5',
  primaryManagerId: 'E1001',
  tierChange: 'UP',
  ...overrides,
});

describe('fen as yuan in the export', () => {
  it.each([
    ['0', '0.00'],
    ['5', '0.05'],
    ['-5', '-0.05'],
    ['-100', '-1.00'],
    ['123456', '1234.56'],
    ['-0', '0.00'],
    ['007', '0.07'],
    ['1000000000000000000000000000001', '10000000000000000000000000000.01'],
  ])('writes %s fen as %s yuan', (fen, yuan) => {
    expect(fenToYuanText(fen)).toBe(yuan);
  });

  it('keeps every fen of any amount, with exactly two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (fen) => {
        const yuan = fenToYuanText(fen.toString());
        expect(yuan).toMatch(/^-?(0|[1-9]\d*)\.\d{2}$/);
        expect(BigInt(yuan.replace('.', ''))).toBe(fen);
      }),
    );
  });

  it.each(['1.5', '', '1e3', ' 12', 'abc'])('refuses %j, which is not whole fen', (fen) => {
    expect(() => fenToYuanText(fen)).toThrow(RangeError);
  });
});

describe('a CSV field', () => {
  it.each([
    ['plain', 'plain'],
    ['鹭岛, 物流', '"鹭岛, 物流"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('writes %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('writes a missing value as an empty field', () => {
    expect(csvField(null)).toBe('');
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+86 591', "'+86 591"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('defuses %j, which a spreadsheet would run, as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('leaves a negative number alone in a numeric column, but not a formula there', () => {
    expect(csvField('-12.50', true)).toBe('-12.50');
    expect(csvField('-12.50')).toBe("'-12.50");
    expect(csvField('-1+cmd', true)).toBe("'-1+cmd");
  });

  it('reads back as written, a formula start defused, whatever the text', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '鹭', ',', '"', '\r', '\n', '=', '-', '@', '+', '\t', ' '),
    });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (values) => {
        const line = `${values.map((value) => csvField(value)).join(',')}\r\n`;
        const expected = values.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v));
        expect(parseCsv(line)).toEqual([expected]);
      }),
    );
  });
});

describe('the portfolio export file', () => {
  it('starts with the byte order mark and the header, ended by CRLF', () => {
    const header = portfolioCsvHeader();
    expect(header.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(header, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(header).toBe(
      `${CSV_BOM}accountCode,name,creditCode,type,industryCode,regionCode,status,tier,segment,currentValueYuan,potentialValueYuan,primaryManagerId,handoverState,tierChange,changedAt\r\n`,
    );
  });

  it('writes an account with its read-model row, one line, in the header’s order', () => {
    const text = portfolioCsvRows([
      { account: account({ name: '=鹭岛, "物流"' }), facts: facts() },
    ]);
    const [record, ...rest] = parseCsv(text);
    expect(rest).toEqual([]);
    expect(Object.fromEntries(PORTFOLIO_CSV_HEADERS.map((h, i) => [h, record?.[i]]))).toEqual({
      accountCode: 'GA0000001',
      name: `'=鹭岛, "物流"`,
      creditCode: '91350203MA2Y000001',
      type: 'ENTERPRISE',
      industryCode: 'G',
      regionCode: '350203',
      status: 'ACTIVE',
      tier: 'A',
      segment: 'VALUE',
      currentValueYuan: '1234.56',
      potentialValueYuan: '-0.05',
      primaryManagerId: 'E1001',
      handoverState: 'NONE',
      tierChange: 'UP',
      changedAt: '2026-11-30T02:00:00.000Z',
    });
  });

  it('leaves the read model’s columns empty for an account it does not know yet', () => {
    const [record] = parseCsv(portfolioCsvRows([{ account: account() }]));
    expect(record?.slice(7)).toEqual(['', '', '', '', '', '', '', '']);
    expect(record).toHaveLength(PORTFOLIO_CSV_HEADERS.length);
  });

  it('is named after the day in China, where it is read', () => {
    expect(exportFileName(new Date('2026-12-02T15:59:59Z'))).toBe('portfolio-20261202.csv');
    expect(exportFileName(new Date('2026-12-02T16:00:00Z'))).toBe('portfolio-20261203.csv');
  });
});
