import { SeededRandom, hashSeed } from '@gap/random';
import type { DemoAccountRow } from './types.js';

/** One account's bill and service for a month, as the value-input import reads it (yuan). */
export interface DemoValueInputRow {
  readonly accountCode: string;
  readonly month: string;
  readonly voice: number;
  readonly data: number;
  readonly leasedLine: number;
  readonly broadband: number;
  readonly groupShortNumber: number;
  readonly cloud: number;
  readonly iot: number;
  readonly commission: number;
  readonly marketing: number;
  readonly operating: number;
  readonly lines: number;
  readonly complaints: number;
}

/** The `count` months up to and including `last` ('YYYY-MM'), oldest first. */
export function monthsUpTo(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

const round = (yuan: number) => Math.round(yuan * 100) / 100;

/**
 * Monthly value inputs for a demo account, deterministic per account: spend grows with size
 * and is long-tailed (a few accounts hold most of the value, as in a real book), government
 * and large enterprises buy leased lines and cloud, costs take 35-75 % of revenue, and a
 * complaint comes now and then. Prospects and churned accounts have no bills.
 */
export function valueInputsFor(
  account: DemoAccountRow,
  accountCode: string,
  months: readonly string[],
): DemoValueInputRow[] {
  if (account.status === 'PROSPECT' || account.status === 'CHURNED') return [];
  const random = new SeededRandom(hashSeed(11, account.creditCode));
  const monthly = random.logNormal(800 * Math.sqrt(account.employees + 10), 1.1);
  const enterprise = account.type !== 'SME';
  const costShare = 0.35 + random.next() * 0.4;
  return months.map((month) => {
    const bill = monthly * (0.85 + random.next() * 0.3);
    const revenue = {
      voice: round(bill * 0.25),
      data: round(bill * 0.3),
      leasedLine: enterprise ? round(bill * 0.2) : 0,
      broadband: round(bill * 0.1),
      groupShortNumber: round(bill * 0.05),
      cloud: enterprise ? round(bill * 0.07) : 0,
      iot: round(bill * 0.03),
    };
    const total = Object.values(revenue).reduce((a, b) => a + b, 0);
    return {
      accountCode,
      month,
      ...revenue,
      commission: round(total * costShare * 0.3),
      marketing: round(total * costShare * 0.2),
      operating: round(total * costShare * 0.5),
      lines: Math.max(1, account.linesCount),
      complaints: random.chance(0.04) ? random.int(1, 3) : 0,
    };
  });
}
