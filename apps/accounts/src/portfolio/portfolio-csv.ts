import type { PortfolioFacts } from '@gap/accounts/domain';
import type { GroupAccountEntity } from '../group-account/group-account.entity.js';

/**
 * The portfolio export's CSV: RFC 4180 (CRLF, fields quoted when they hold a comma, a quote or
 * a line break), UTF-8 with a byte order mark so that Excel reads Chinese names as such.
 *
 * The header is the API's own field names, in English, whatever the caller's language: the
 * same file is read by people in Excel and by scripts, and a script must not break when the
 * locale changes; the values (ACTIVE, A, VALUE…) are the API's codes as well. The two amounts
 * say their unit in the name, since the API gives fen and the file gives yuan.
 */
export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/** An account of the export with its read-model row, if the read model has one yet. */
export interface PortfolioExportRow {
  readonly account: Pick<
    GroupAccountEntity,
    'accountCode' | 'name' | 'creditCode' | 'type' | 'industryCode' | 'regionCode' | 'status'
  >;
  readonly facts?: PortfolioFacts | undefined;
}

interface Column {
  readonly header: string;
  /** A number, written as such: a leading minus is a sign, not a formula. */
  readonly numeric?: boolean;
  readonly cell: (row: PortfolioExportRow) => string | null;
}

const COLUMNS: readonly Column[] = [
  { header: 'accountCode', cell: (r) => r.account.accountCode },
  { header: 'name', cell: (r) => r.account.name },
  { header: 'creditCode', cell: (r) => r.account.creditCode },
  { header: 'type', cell: (r) => r.account.type },
  { header: 'industryCode', cell: (r) => r.account.industryCode },
  { header: 'regionCode', cell: (r) => r.account.regionCode },
  { header: 'status', cell: (r) => r.account.status },
  { header: 'tier', cell: (r) => r.facts?.tier ?? null },
  { header: 'segment', cell: (r) => r.facts?.segment ?? null },
  {
    header: 'currentValueYuan',
    numeric: true,
    cell: (r) => (r.facts ? fenToYuanText(r.facts.currentValue) : null),
  },
  {
    header: 'potentialValueYuan',
    numeric: true,
    cell: (r) => (r.facts ? fenToYuanText(r.facts.potentialValue) : null),
  },
  { header: 'primaryManagerId', cell: (r) => r.facts?.primaryManagerId ?? null },
  { header: 'handoverState', cell: (r) => r.facts?.handoverState ?? null },
  { header: 'tierChange', cell: (r) => r.facts?.tierChange ?? null },
  { header: 'changedAt', cell: (r) => r.facts?.changedAt ?? null },
];

export const PORTFOLIO_CSV_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

const WHOLE_FEN = /^(-?)(\d+)$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet may read as the start of a formula (OWASP's list, with tab and CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Whole fen (a string of digits, as the read model keeps them) as yuan with exactly two
 * decimals: `-5` → `-0.05`. String arithmetic on a bigint, so no amount loses a fen, however
 * large.
 */
export function fenToYuanText(fen: string): string {
  const match = WHOLE_FEN.exec(fen);
  if (!match) throw new RangeError(`not a whole number of fen: ${JSON.stringify(fen)}`);
  const digits = BigInt(match[2] ?? '0').toString();
  const sign = match[1] === '-' && digits !== '0' ? '-' : '';
  const padded = digits.padStart(3, '0');
  return `${sign}${padded.slice(0, -2)}.${padded.slice(-2)}`;
}

/**
 * One field, ready for the file: a text that a spreadsheet would run as a formula is defused
 * with a leading apostrophe (a number in a numeric column is left alone, minus and all), then
 * quoted as RFC 4180 asks when it holds a separator, a quote or a line break.
 */
export function csvField(value: string | null, numeric = false): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) && !(numeric && DECIMAL.test(value)) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The header line, with the byte order mark before it: the start of every export. */
export function portfolioCsvHeader(): string {
  return `${CSV_BOM}${PORTFOLIO_CSV_HEADERS.map((header) => csvField(header)).join(',')}${CRLF}`;
}

/** The lines of some accounts, each ended by CRLF. */
export function portfolioCsvRows(rows: readonly PortfolioExportRow[]): string {
  let out = '';
  for (const row of rows) {
    out += COLUMNS.map((column) => csvField(column.cell(row), column.numeric)).join(',') + CRLF;
  }
  return out;
}

/** `portfolio-20261202.csv`: the day of the export, in China's time zone, where it is read. */
export function exportFileName(now: Date = new Date()): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return `portfolio-${day.replace(/-/g, '')}.csv`;
}
