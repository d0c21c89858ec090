import { groupBy } from './collections.js';
import type { DemoAccountRow } from './types.js';

/** A manager of the demo sales force, as `registerAccountManager` takes them. */
export interface DemoManagerRow {
  readonly id: string;
  readonly name: string;
  readonly grade: 'KEY_ACCOUNT' | 'SENIOR' | 'STANDARD' | 'CHANNEL';
  readonly regions: string[];
  readonly industries: string[];
  readonly capacity: number;
  readonly supervisorId: string | null;
}

const SURNAMES = '陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖周';
const GIVEN = ['建华', '丽娟', '志强', '晓燕', '文斌', '海峰', '雅婷', '俊杰', '秀英', '明辉'];
/** Industries key-account and senior managers know, in turn. */
const EXPERTISE = [['C'], ['I', 'J'], ['S', 'P', 'Q'], ['F', 'G'], ['D', 'E'], ['K', 'L', 'M']];

/**
 * The demo's sales force, sized to the book: per province a supervisor (the development
 * token's subject, E0001, supervises the largest) and a channel manager for SMEs; per city
 * key-account, senior and standard managers with room for what the first tiering run will
 * make of their accounts (roughly a quarter A, a third B), and for every account as C at
 * first, when each new account goes to a standard manager.
 */
export function generateManagers(accounts: readonly DemoAccountRow[]): DemoManagerRow[] {
  const managers: DemoManagerRow[] = [];
  let serial = 1;
  const person = () => {
    const n = serial++;
    return {
      id: `E${String(1000 + n).padStart(4, '0')}`,
      name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[n % GIVEN.length]}`,
    };
  };
  const byProvince = groupBy(accounts, (account) => account.regionCode.slice(0, 2));
  const provinces = [...byProvince].sort((a, b) => b[1].length - a[1].length);
  provinces.forEach(([province, inProvince], index) => {
    const supervisor = index === 0 ? { id: 'E0001', name: '演示主管' } : person();
    const supervisorId = supervisor.id;
    managers.push({
      ...supervisor,
      grade: 'KEY_ACCOUNT',
      regions: [`${province}0000`],
      industries: [],
      capacity: 100,
      supervisorId: null,
    });
    managers.push({
      ...person(),
      grade: 'CHANNEL',
      regions: [`${province}0000`],
      industries: [],
      capacity: Math.max(50, Math.ceil(inProvince.length * 0.3)),
      supervisorId,
    });
    const byCity = groupBy(inProvince, (account) => `${account.regionCode.slice(0, 4)}00`);
    for (const [city, inCity] of byCity) {
      const n = inCity.length;
      const team = (
        grade: DemoManagerRow['grade'],
        count: number,
        capacity: number,
        withExpertise: boolean,
      ) => {
        for (let i = 0; i < count; i += 1) {
          managers.push({
            ...person(),
            grade,
            regions: [city],
            industries: withExpertise ? (EXPERTISE[i % EXPERTISE.length] ?? []) : [],
            capacity,
            supervisorId,
          });
        }
      };
      team('KEY_ACCOUNT', Math.ceil((n * 0.3 * 10) / 300), 300, true);
      team('SENIOR', Math.ceil((n * 0.4 * 4) / 300), 300, true);
      team('STANDARD', Math.ceil((n * 1.2) / 200), 200, false);
    }
  });
  return managers;
}
