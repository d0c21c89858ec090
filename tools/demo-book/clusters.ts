/**
 * Industry clusters (产业集群: a leading enterprise and its supporting firms in one place) and
 * industry associations (行业协会, by province and city) over a sample of the book.
 */
import { DEFAULT_SEED } from './accounts.js';
import { firstOf, groupBy } from './collections.js';
import { hashSeed, SeededRandom } from '@gap/random';
import { cityCode, provinceCode, regionByCode, REGIONS } from './regions.js';
import type { AccountType, DemoAccountRow, DemoAssociation, DemoCluster } from './types.js';
import { tradeInName } from './vocabulary.js';

/** The industries supporting firms come from, by the leader's industry. */
const SUPPLY_CHAINS: Readonly<Record<string, readonly string[]>> = {
  A: ['A', 'C', 'F'],
  C: ['C', 'G', 'I', 'M', 'F'],
  D: ['D', 'C', 'E'],
  G: ['G', 'F', 'C'],
  I: ['I', 'M', 'C', 'L'],
  M: ['M', 'I', 'C'],
};

/** Lines of business that form clusters (智能装备, 鞋服, 软件和信息服务), unlike e.g. 水务. */
const CLUSTER_THEMES = new Set([
  '智能装备',
  '汽车及零部件',
  '新材料',
  '电子信息',
  '纺织服装',
  '鞋服',
  '食品加工',
  '生物医药',
  '建材',
  '新能源',
  '包装印刷',
  '家居',
  '现代农业',
  '茶产业',
  '海洋渔业',
  '软件和信息服务',
  '数字经济',
  '人工智能',
  '现代物流',
  '港口航运',
  '科技服务',
]);

const MIN_SUPPORTERS = 5;
const MAX_SUPPORTERS = 40;
/** About one cluster per thousand accounts in the sample. */
const ACCOUNTS_PER_CLUSTER = 1000;
const MAX_CLUSTERS = 100;

const COMPANY_TYPES: readonly AccountType[] = ['ENTERPRISE', 'SME'];

/**
 * Clusters led by the biggest group HQs (then standalone enterprises) of a clustering
 * industry, each with 5-40 supporting firms from its supply chain, from its own province
 * first. A firm may support several clusters; a leader never supports its own.
 */
export function generateClusters(
  accounts: readonly DemoAccountRow[],
  seed = DEFAULT_SEED,
): DemoCluster[] {
  const random = new SeededRandom(hashSeed(seed, 'clusters'));
  const companies = accounts.filter((a) => COMPANY_TYPES.includes(a.type));
  const byIndustry = groupBy(companies, (a) => a.industryCode);
  const byProvince = groupBy(companies, (a) => `${a.regionCode.slice(0, 2)}:${a.industryCode}`);
  const parents = new Set(accounts.map((a) => a.parentCreditCode));
  const isHead = (a: DemoAccountRow) => (parents.has(a.creditCode) ? 1 : 0);
  const leaders = companies
    .filter((a) => a.type === 'ENTERPRISE' && a.parentCreditCode === null)
    .filter((a) => a.industryCode in SUPPLY_CHAINS)
    .sort(
      (x, y) =>
        isHead(y) - isHead(x) ||
        y.employees - x.employees ||
        (x.creditCode < y.creditCode ? -1 : 1),
    );
  const wanted = Math.min(
    MAX_CLUSTERS,
    Math.max(1, Math.round(accounts.length / ACCOUNTS_PER_CLUSTER)),
  );

  const clusters: DemoCluster[] = [];
  const names = new Set<string>();
  for (const leader of leaders) {
    if (clusters.length >= wanted) break;
    const region = regionByCode(leader.regionCode);
    const trade = tradeInName(leader.name);
    const chain = SUPPLY_CHAINS[leader.industryCode];
    if (!region || !trade || trade.industry !== leader.industryCode || !chain) continue;
    if (!CLUSTER_THEMES.has(trade.theme)) continue;
    const cluster = trade.theme.endsWith('产业') ? `${trade.theme}集群` : `${trade.theme}产业集群`;
    const name = [
      `${region.city}${cluster}`,
      `${region.city}${region.districtShort}${cluster}`,
    ].find((candidate) => !names.has(candidate));
    if (name === undefined) continue;

    const size = random.int(MIN_SUPPORTERS, MAX_SUPPORTERS);
    const supporters = new Set<string>();
    const recruit = (pool: readonly DemoAccountRow[]) => {
      const candidates = pool.filter(
        (a) => a.creditCode !== leader.creditCode && !supporters.has(a.creditCode),
      );
      for (const a of random.sample(candidates, size - supporters.size)) {
        supporters.add(a.creditCode);
      }
    };
    const province = leader.regionCode.slice(0, 2);
    recruit(chain.flatMap((industry) => byProvince.get(`${province}:${industry}`) ?? []));
    if (supporters.size < size) {
      recruit(chain.flatMap((industry) => byIndustry.get(industry) ?? []));
    }
    if (supporters.size < MIN_SUPPORTERS) continue;

    names.add(name);
    clusters.push({
      name,
      industryCode: leader.industryCode,
      regionCode: leader.regionCode,
      leaderCreditCode: leader.creditCode,
      supportingCreditCodes: [...supporters],
    });
  }
  return clusters;
}

/** A kind of association: who may join, by industry, line of business and type. */
interface AssociationKind {
  readonly name: string;
  readonly industryCode: string;
  readonly themes?: readonly string[];
  readonly types?: readonly AccountType[];
}

const ASSOCIATION_KINDS: readonly AssociationKind[] = [
  { name: '软件行业协会', industryCode: 'I', themes: ['软件和信息服务', '人工智能'] },
  { name: '互联网协会', industryCode: 'I', themes: ['数字经济'] },
  { name: '物流协会', industryCode: 'G', themes: ['现代物流', '港口航运'] },
  { name: '建筑业协会', industryCode: 'E' },
  { name: '机械工业协会', industryCode: 'C', themes: ['智能装备', '汽车及零部件'] },
  { name: '电子信息行业协会', industryCode: 'C', themes: ['电子信息'] },
  { name: '纺织服装行业协会', industryCode: 'C', themes: ['纺织服装', '鞋服'] },
  { name: '食品工业协会', industryCode: 'C', themes: ['食品加工'] },
  { name: '医药行业协会', industryCode: 'C', themes: ['生物医药'] },
  { name: '建材行业协会', industryCode: 'C', themes: ['建材'] },
  { name: '房地产业协会', industryCode: 'K' },
  { name: '商业联合会', industryCode: 'F' },
  { name: '茶叶协会', industryCode: 'A', themes: ['茶产业'] },
  { name: '旅游饭店业协会', industryCode: 'H' },
  { name: '文化产业协会', industryCode: 'R' },
  { name: '环境保护产业协会', industryCode: 'N' },
  { name: '医院协会', industryCode: 'Q', types: ['PUBLIC_INSTITUTION'] },
];

/** Where associations are registered: each province, and each city of a province. */
interface Scope {
  readonly name: string;
  readonly regionCode: string;
  /** Division-code prefix of the accounts in scope. */
  readonly prefix: string;
  readonly minimum: number;
}

const SCOPES: readonly Scope[] = [
  ...firstOf(REGIONS, (r) => r.province).map((r) => ({
    name: r.provinceFull,
    regionCode: provinceCode(r),
    prefix: r.code.slice(0, 2),
    minimum: 8,
  })),
  ...firstOf(REGIONS, (r) => r.city)
    .filter((r) => r.city !== r.province)
    .map((r) => ({
      name: `${r.city}市`,
      regionCode: cityCode(r),
      prefix: r.code.slice(0, 4),
      minimum: 15,
    })),
];

const MAX_MEMBERS = 200;

/**
 * Provincial associations (福建省软件行业协会) wherever a province has enough firms of the kind,
 * and city ones (厦门市物流协会) in cities with many; each with up to 200 members.
 */
export function generateAssociations(
  accounts: readonly DemoAccountRow[],
  seed = DEFAULT_SEED,
): DemoAssociation[] {
  const random = new SeededRandom(hashSeed(seed, 'associations'));
  const themes = new Map(accounts.map((a) => [a.creditCode, tradeInName(a.name)?.theme]));
  const associations: DemoAssociation[] = [];
  for (const kind of ASSOCIATION_KINDS) {
    const types = kind.types ?? COMPANY_TYPES;
    const eligible = accounts.filter(
      (a) =>
        a.industryCode === kind.industryCode &&
        types.includes(a.type) &&
        (kind.themes === undefined || kind.themes.includes(themes.get(a.creditCode) ?? '')),
    );
    for (const scope of SCOPES) {
      const local = eligible.filter((a) => a.regionCode.startsWith(scope.prefix));
      if (local.length < scope.minimum) continue;
      const count = Math.min(local.length, random.int(scope.minimum * 2, MAX_MEMBERS));
      associations.push({
        name: `${scope.name}${kind.name}`,
        industryCode: kind.industryCode,
        regionCode: scope.regionCode,
        memberCreditCodes: random.sample(local, count).map((a) => a.creditCode),
      });
    }
  }
  return associations;
}
