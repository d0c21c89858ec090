import { type ManagerPolicy, type Tier } from '@gap/managers/domain';
import { type SeededRandom } from '@gap/random';

export interface GenerateOptions {
  readonly accounts: number;
  readonly managers: number;
  readonly seed: number;
  readonly policy?: ManagerPolicy;
  /** Shares of A, B and C accounts. Default 5 %, 15 %, 80 %. */
  readonly tierShares?: Readonly<Record<Tier, number>>;
  /** How much more room the active managers have than the accounts' points. Default 0.2. */
  readonly slack?: number;
  /** Two-digit province codes. Default Fujian, Guangdong, Jiangsu, Zhejiang, Shandong. */
  readonly provinces?: readonly string[];
  readonly citiesPerProvince?: number;
  readonly districtsPerCity?: number;
  /** Accounts without a manager now. Default 3 %. */
  readonly withoutManagerShare?: number;
  /** Accounts whose tier rose above what their manager's grade may own. Default 2 %. */
  readonly misfitShare?: number;
  /** Accounts now with a manager elsewhere in the province (a poor fit). Default 8 %. */
  readonly poorFitShare?: number;
  /** Managers carrying more than their limit now. Default 6 %. */
  readonly overloadedShare?: number;
  /** Managers on leave, leaving or gone. Default 3 %. */
  readonly inactiveShare?: number;
}

const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  '44': 1.6,
  '32': 1.3,
  '33': 1.2,
  '37': 1.1,
  '35': 1,
};

/** GB/T 4754 sections A–T, weighted roughly as enterprise customers are. */
export const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['A', 2],
  ['B', 1],
  ['C', 18],
  ['D', 2],
  ['E', 3],
  ['F', 8],
  ['G', 14],
  ['H', 4],
  ['I', 8],
  ['J', 6],
  ['K', 4],
  ['L', 5],
  ['M', 6],
  ['N', 2],
  ['O', 2],
  ['P', 5],
  ['Q', 4],
  ['R', 2],
  ['S', 3],
  ['T', 1],
];

export interface District {
  readonly code: string;
  readonly city: string;
  readonly province: string;
  readonly weight: number;
}

export function geography(random: SeededRandom, options: GenerateOptions): District[] {
  const provinces = options.provinces ?? ['35', '44', '32', '33', '37'];
  const cities = Math.min(options.citiesPerProvince ?? 7, 99);
  const districtsPerCity = Math.min(options.districtsPerCity ?? 6, 99);
  const two = (n: number) => String(n).padStart(2, '0');
  const districts: District[] = [];
  for (const province of provinces) {
    const provinceWeight = PROVINCE_WEIGHTS[province] ?? 1;
    for (let c = 1; c <= cities; c++) {
      const city = `${province}${two(c)}00`;
      const cityWeight = c === 1 ? 3 : 1 + random.next();
      for (let d = 1; d <= districtsPerCity; d++) {
        districts.push({
          code: `${province}${two(c)}${two(d)}`,
          city,
          province: `${province}0000`,
          weight: provinceWeight * cityWeight * (0.5 + random.next() * 1.5),
        });
      }
    }
  }
  return districts;
}
