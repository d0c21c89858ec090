/**
 * What each account is: its name, kind of organisation, industry and place. Groups are built by
 * a family that knows how its members are named (a company's subsidiaries and branches, a
 * bureau's district bureaus and schools); standalone accounts are drafted one by one.
 */
import type { Authority } from './codes.js';
import { type SeededRandom, WeightedTable } from '@gap/random';
import {
  anyRegion,
  districtsOfCity,
  localPrefix,
  type Region,
  regionInCity,
  regionInProvince,
} from './regions.js';
import type { NodePosition } from './shape.js';
import type { AccountType } from './types.js';
import {
  AGENCIES,
  anyTrade,
  chineseNumber,
  DIVERSIFICATION,
  kindredTrade,
  MEDICAL_UNIVERSITIES,
  placeName,
  type Trade,
  tradeName,
} from './vocabulary.js';

/** When organisations of a kind were typically founded. */
export type FoundingEra = 'startup' | 'company' | 'established' | 'public' | 'agency' | 'reformed';

/** Which tags an account can carry. */
export type TagPool =
  'tech' | 'company' | 'listed' | 'government' | 'school' | 'hospital' | 'institution';

export type NodeKind = 'HEAD' | 'SUBSIDIARY' | 'BRANCH' | 'OFFICE' | 'MEMBER' | 'BUREAU' | 'UNIT';

/** An account before it gets its code, head count, dates and status. */
export interface Draft {
  readonly kind: NodeKind;
  readonly name: string;
  readonly legalName: string;
  readonly type: AccountType;
  readonly authority: Authority;
  readonly industryCode: string;
  readonly region: Region;
  /** Median head count; the actual one is drawn around it. */
  readonly size: number;
  /** Log-scale spread of the head count. */
  readonly spread: number;
  readonly era: FoundingEra;
  readonly tags: TagPool;
  /** The line of business, for companies. */
  readonly trade: Trade | null;
  /** The biggest group's HQ: always a customer. */
  readonly keyAccount?: boolean;
}

/** A group member already emitted, as its children need it. */
export interface GroupNode {
  readonly creditCode: string;
  readonly draft: Draft;
  readonly foundedDay: number;
}

/** Names the members of one group. */
export interface Family {
  /** Children of companies are not older than their parent. */
  readonly foundedAfterParent: boolean;
  head(): Draft;
  /** `attempt` > 0 when the previous try repeated a name already in the group. */
  child(parent: GroupNode, position: NodePosition, attempt: number): Draft;
}

const COMPANY_SUFFIXES = {
  SME: new WeightedTable([
    ['有限公司', 75],
    ['有限责任公司', 20],
    ['股份有限公司', 5],
  ] as const),
  ENTERPRISE: new WeightedTable([
    ['有限公司', 45],
    ['股份有限公司', 40],
    ['有限责任公司', 15],
  ] as const),
};

const TECH_INDUSTRIES = new Set(['C', 'I', 'M']);

function companyTags(trade: Trade): TagPool {
  return TECH_INDUSTRIES.has(trade.industry) ? 'tech' : 'company';
}

/** A standalone company: 厦门鹭岛智能装备股份有限公司, 福建恒信物流有限公司, 华瑞网络科技有限公司. */
function companyDraft(random: SeededRandom, type: 'SME' | 'ENTERPRISE'): Draft {
  const region = anyRegion(random);
  const trade = anyTrade(random);
  const brand = tradeName(random);
  const suffix = COMPANY_SUFFIXES[type].draw(random);
  const where = random.next();
  const prefix = where < 0.6 ? region.city : where < 0.72 ? region.province : '';
  const name = `${prefix}${brand}${trade.word}${suffix}`;
  // Without a place in front, the registered name often carries it in brackets.
  const legalName =
    prefix === '' && random.chance(0.4) ? `${brand}${trade.word}（${region.city}）${suffix}` : name;
  return {
    kind: 'HEAD',
    name,
    legalName,
    type,
    authority: '91',
    industryCode: trade.industry,
    region,
    size: type === 'SME' ? 12 : 220,
    spread: type === 'SME' ? 1 : 0.9,
    era: type === 'SME' ? 'startup' : 'company',
    tags: companyTags(trade),
    trade,
  };
}

/**
 * Names that exist once in a city (福州市教育局, 泉州市第一医院) are handed out once; when one is
 * taken, a name with a place in it (a street office, a community health centre) is used instead.
 * The set is bounded by the vocabulary, not by the size of the book.
 */
export type TakenNames = Set<string>;

function claim(taken: TakenNames, name: string): boolean {
  if (taken.has(name)) return false;
  taken.add(name);
  return true;
}

/** District bureaus and the offices they keep in each street or town. */
const FIELD_OFFICES = [
  ['司法局', '司法所'],
  ['市场监督管理局', '市场监督管理所'],
  ['财政局', '财政所'],
  ['自然资源局', '自然资源所'],
] as const;

/** 厦门市公安局思明分局; a county-level city has its own: 晋江市公安局. */
function policeBureau(region: Region): string {
  return region.district.endsWith('市')
    ? `${region.district}公安局`
    : `${region.city}市公安局${region.districtShort}分局`;
}

function governmentDraft(random: SeededRandom, taken: TakenNames): Draft {
  const region = anyRegion(random);
  const district = localPrefix(region, 'district');
  const draft = {
    kind: 'HEAD',
    type: 'GOVERNMENT',
    authority: '11',
    industryCode: 'S',
    region,
    spread: 0.5,
    era: 'agency',
    tags: 'government',
    trade: null,
  } as const;
  const local = (name: string, size: number): Draft => ({ ...draft, name, legalName: name, size });
  const which = random.next();
  if (which < 0.5) {
    const agency = random.pick(AGENCIES);
    const city = which < 0.2;
    const prefix = localPrefix(region, city ? 'city' : 'district');
    const name = prefix + (city ? agency.city : agency.district);
    if (claim(taken, name)) {
      const legalName =
        agency.alsoKnownAs && random.chance(0.5)
          ? `${name}（${prefix}${agency.alsoKnownAs}）`
          : name;
      const era = agency.reformed ? 'reformed' : 'agency';
      return { ...draft, name, legalName, era, size: city ? 180 : 70 };
    }
  } else if (which < 0.6) {
    const name = which < 0.55 ? `国家税务总局${district}税务局` : policeBureau(region);
    if (claim(taken, name)) return local(name, 240);
  }
  // Street offices, towns and the bureaus' field offices are many, each named after its place.
  const place = placeName(random);
  const roll = random.next();
  if (roll < 0.4) return local(`${district}${place}街道办事处`, 60);
  if (roll < 0.55) return local(`${district}${place}镇人民政府`, 50);
  if (roll < 0.75) return local(`${policeBureau(region)}${place}派出所`, 45);
  const [bureau, office] = random.pick(FIELD_OFFICES);
  return local(`${district}${bureau}${place}${office}`, 12);
}

/** A school, hospital, library or service centre funded by the state (事业单位). */
function institutionDraft(random: SeededRandom, taken: TakenNames): Draft {
  const region = anyRegion(random);
  const which = random.next();
  if (which < 0.45) return schoolDraft(random, region, taken);
  if (which < 0.75) return hospitalDraft(random, region, taken);
  const city = `${region.city}市`;
  const district = localPrefix(region, 'district');
  const [name, industryCode] = random.pick([
    [`${city}图书馆`, 'R'],
    [`${district}文化馆`, 'R'],
    [`${city}广播电视台`, 'R'],
    [`${city}公共资源交易中心`, 'S'],
    [`${district}政务服务中心`, 'S'],
    [`${city}不动产登记中心`, 'S'],
    [`${city}标准化研究院`, 'M'],
    [`${city}气象台`, 'M'],
    [`${district}市政园林服务中心`, 'N'],
  ] as const);
  if (!claim(taken, name)) return schoolDraft(random, region, taken);
  return institution(region, name, name, industryCode, 60, 'institution');
}

function schoolDraft(random: SeededRandom, region: Region, taken: TakenNames): Draft {
  const district = localPrefix(region, 'district');
  const which = random.next();
  const unique =
    which < 0.15
      ? `${region.city}市第${chineseNumber(random.int(1, 30))}中学`
      : which < 0.2
        ? `${district}实验小学`
        : null;
  if (unique !== null && claim(taken, unique)) {
    return institution(region, unique, unique, 'P', 150, 'school');
  }
  const kind = random.pick(['小学', '小学', '中学', '幼儿园', '幼儿园', '职业技术学校']);
  const name =
    kind === '职业技术学校'
      ? `${region.city}市${placeName(random)}${kind}`
      : `${district}${placeName(random)}${kind}`;
  return institution(region, name, name, 'P', kind === '幼儿园' ? 30 : 110, 'school');
}

function hospitalDraft(random: SeededRandom, region: Region, taken: TakenNames): Draft {
  const city = `${region.city}市`;
  const district = localPrefix(region, 'district');
  const which = random.next();
  if (which < 0.2) {
    const ordinal = chineseNumber(random.int(1, 9));
    const name = `${city}第${ordinal}医院`;
    const university = MEDICAL_UNIVERSITIES[region.province];
    if (claim(taken, name)) {
      const legalName =
        university && random.chance(0.5)
          ? `${name}（${university}附属${region.city}第${ordinal}医院）`
          : name;
      return institution(region, name, legalName, 'Q', 900, 'hospital');
    }
  } else if (which < 0.45) {
    const [name, size] = random.pick([
      [`${city}中医院`, 700],
      [`${city}妇幼保健院`, 400],
      [`${district}人民医院`, 500],
      [`${city}疾病预防控制中心`, 150],
    ] as const);
    if (claim(taken, name)) return institution(region, name, name, 'Q', size, 'hospital');
  }
  const name = `${district}${placeName(random)}${random.chance(0.7) ? '社区卫生服务中心' : '卫生院'}`;
  return institution(region, name, name, 'Q', 45, 'hospital');
}

function institution(
  region: Region,
  name: string,
  legalName: string,
  industryCode: string,
  size: number,
  tags: TagPool,
): Draft {
  return {
    kind: 'HEAD',
    name,
    legalName,
    type: 'PUBLIC_INSTITUTION',
    authority: '12',
    industryCode,
    region,
    size,
    spread: 0.6,
    era: 'public',
    tags,
    trade: null,
  };
}

const STANDALONE_TYPES = new WeightedTable<AccountType>([
  ['SME', 63],
  ['ENTERPRISE', 22],
  ['GOVERNMENT', 6],
  ['PUBLIC_INSTITUTION', 9],
]);

/** An account outside any group: mostly SMEs and enterprises, ~15% government and institutions. */
export function standaloneDraft(random: SeededRandom, taken: TakenNames): Draft {
  const type = STANDALONE_TYPES.draw(random);
  switch (type) {
    case 'SME':
    case 'ENTERPRISE':
      return companyDraft(random, type);
    case 'GOVERNMENT':
      return governmentDraft(random, taken);
    case 'PUBLIC_INSTITUTION':
      return institutionDraft(random, taken);
  }
}

/** How the biggest group's HQ describes itself: 福建海峡控股集团有限公司. */
const HOLDING: Trade = { word: '控股', industry: 'L', theme: '商务服务', weight: 0 };

/**
 * A company group: HQ, subsidiaries (legal entities, possibly several levels deep), branches
 * (分公司) and their offices, and member enterprises with names of their own. Subsidiaries
 * carry the group's trade name (字号), branches the name of the company they belong to.
 */
export function companyGroup(random: SeededRandom, largest: boolean): Family {
  const brand = tradeName(random);
  const home = anyRegion(random);
  const mainTrade = largest ? HOLDING : anyTrade(random);

  function company(
    kind: NodeKind,
    name: string,
    legalName: string,
    region: Region,
    trade: Trade,
    size: number,
  ): Draft {
    return {
      kind,
      name,
      legalName,
      type: kind === 'MEMBER' ? 'SME' : 'ENTERPRISE',
      authority: '91',
      industryCode: trade.industry,
      region,
      size,
      spread: kind === 'HEAD' ? 0.4 : 0.9,
      era: kind === 'HEAD' ? 'established' : 'company',
      tags: kind === 'HEAD' && name.includes('股份') ? 'listed' : companyTags(trade),
      trade,
    };
  }

  function head(): Draft {
    if (largest) {
      const kind = random.pick(['控股', '投资', '实业', '发展']);
      const name = `${home.province}${brand}${kind}集团有限公司`;
      return { ...company('HEAD', name, name, home, HOLDING, 8000), keyAccount: true };
    }
    const word = mainTrade.word;
    const name = random.pick([
      `${home.city}${brand}${word}集团有限公司`,
      `${home.city}${brand}集团有限公司`,
      `${home.city}${brand}${word}股份有限公司`,
      `${home.province}${brand}${word}集团有限公司`,
    ]);
    return company('HEAD', name, name, home, mainTrade, 600);
  }

  /** Subsidiaries spread over the country (biggest group) or the home province. */
  function childRegion(parent: Draft): Region {
    if (parent.kind === 'HEAD') {
      return largest || random.chance(0.3)
        ? anyRegion(random)
        : regionInProvince(random, home.province);
    }
    const where = random.next();
    if (where < 0.6) return regionInCity(random, parent.region.city);
    if (where < 0.9) return regionInProvince(random, parent.region.province);
    return anyRegion(random);
  }

  function child(parent: GroupNode, position: NodePosition, attempt: number): Draft {
    const above = parent.draft;
    const region = childRegion(above);
    const parentTrade = above.trade ?? mainTrade;
    if (above.kind === 'BRANCH') {
      const office = random.pick(['营业部', '办事处', '项目部', '服务站', '门店']);
      const name = `${above.name}${placeName(random)}${office}`;
      return company(
        'OFFICE',
        name,
        name,
        regionInCity(random, above.region.city),
        parentTrade,
        10,
      );
    }
    const kind = companyKind(random, position);
    if (kind === 'BRANCH') {
      const place = region.city === above.region.city ? region.districtShort : region.city;
      const ordinal = attempt > 0 ? `第${chineseNumber(attempt + 1)}` : '';
      const registered = `${above.legalName}${place}${ordinal}分公司`;
      const name =
        attempt === 0 && !above.legalName.includes('（') && random.chance(0.3)
          ? `${above.legalName}（${place}分公司）`
          : registered;
      return company('BRANCH', name, registered, region, parentTrade, 45);
    }
    if (kind === 'MEMBER') {
      const trade = kindredTrade(random, parentTrade);
      const name = `${region.city}${tradeName(random)}${trade.word}有限公司`;
      return company('MEMBER', name, name, region, trade, 25);
    }
    const trade = random.chance(largest ? 0.5 : 0.35)
      ? random.pick(DIVERSIFICATION)
      : kindredTrade(random, parentTrade === HOLDING ? anyTrade(random) : parentTrade);
    // Repeated names get a second trade name, as real groups do (鹭岛恒信物流有限公司).
    const second = attempt > 0 ? tradeName(random, 2) : '';
    const name =
      attempt === 0 && random.chance(0.2)
        ? `${brand}${trade.word}（${region.city}）有限公司`
        : `${region.city}${brand}${second}${trade.word}有限公司`;
    return company('SUBSIDIARY', name, name, region, trade, 150);
  }

  return { foundedAfterParent: true, head, child };
}

/**
 * What a company's child is. Only legal entities have subsidiaries of their own; a branch
 * (分公司) has offices, which have nothing below them; member enterprises sit at the edge.
 */
function companyKind(random: SeededRandom, position: NodePosition): NodeKind {
  const roll = random.next();
  if (position.hasGrandchildren) return 'SUBSIDIARY';
  if (position.hasChildren) return roll < 0.6 ? 'SUBSIDIARY' : 'BRANCH';
  return roll < 0.35 ? 'SUBSIDIARY' : roll < 0.8 ? 'BRANCH' : 'MEMBER';
}

/** A public-sector system run from one city: a bureau, its district bureaus, their units. */
interface PublicSystem {
  readonly head: (region: Region) => string;
  readonly district: ((region: Region) => string) | null;
  readonly unit: (random: SeededRandom, region: Region) => string;
  readonly subunits: readonly string[];
  readonly headType: AccountType;
  readonly unitType: AccountType;
  readonly industryCode: string;
  readonly tags: TagPool;
  readonly headSize: number;
  readonly unitSize: number;
  /** Set up in the 2018 reform of government departments. */
  readonly reformed: boolean;
}

const PUBLIC_SYSTEMS: readonly PublicSystem[] = [
  {
    head: (r) => `${r.city}市教育局`,
    district: (r) => `${localPrefix(r, 'district')}教育局`,
    unit: (random, r) =>
      `${localPrefix(r, 'district')}${placeName(random)}${random.pick(['小学', '中学', '幼儿园'])}`,
    subunits: ['校区', '分校'],
    headType: 'GOVERNMENT',
    unitType: 'PUBLIC_INSTITUTION',
    industryCode: 'P',
    tags: 'school',
    headSize: 150,
    unitSize: 90,
    reformed: false,
  },
  {
    head: (r) => `${r.city}市卫生健康委员会`,
    district: (r) => `${localPrefix(r, 'district')}卫生健康局`,
    unit: (random, r) => `${localPrefix(r, 'district')}${placeName(random)}社区卫生服务中心`,
    subunits: ['卫生服务站'],
    headType: 'GOVERNMENT',
    unitType: 'PUBLIC_INSTITUTION',
    industryCode: 'Q',
    tags: 'hospital',
    headSize: 120,
    unitSize: 45,
    reformed: true,
  },
  {
    head: (r) => `${r.city}市公安局`,
    district: (r) => policeBureau(r),
    unit: (random, r) => `${policeBureau(r)}${placeName(random)}派出所`,
    subunits: ['警务室', '警务站'],
    headType: 'GOVERNMENT',
    unitType: 'GOVERNMENT',
    industryCode: 'S',
    tags: 'government',
    headSize: 2000,
    unitSize: 45,
    reformed: false,
  },
  {
    head: (r) => `${r.city}市市场监督管理局`,
    district: (r) => `${localPrefix(r, 'district')}市场监督管理局`,
    unit: (random, r) =>
      `${localPrefix(r, 'district')}市场监督管理局${placeName(random)}市场监督管理所`,
    subunits: ['工作站'],
    headType: 'GOVERNMENT',
    unitType: 'GOVERNMENT',
    industryCode: 'S',
    tags: 'government',
    headSize: 300,
    unitSize: 20,
    reformed: true,
  },
  {
    // The number follows the district, so a city can have several medical groups (医联体).
    head: (r) => `${r.city}市第${chineseNumber(1 + (Number(r.code) % 5))}医院`,
    district: null,
    unit: (random, r) => `${localPrefix(r, 'district')}${placeName(random)}社区卫生服务中心`,
    subunits: ['卫生服务站', '分院'],
    headType: 'PUBLIC_INSTITUTION',
    unitType: 'PUBLIC_INSTITUTION',
    industryCode: 'Q',
    tags: 'hospital',
    headSize: 1500,
    unitSize: 45,
    reformed: false,
  },
  {
    head: (r) => `${r.city}市${r.districtShort}中学`,
    district: null,
    unit: (random, r) => `${localPrefix(r, 'district')}${placeName(random)}小学`,
    subunits: ['校区', '分校'],
    headType: 'PUBLIC_INSTITUTION',
    unitType: 'PUBLIC_INSTITUTION',
    industryCode: 'P',
    tags: 'school',
    headSize: 250,
    unitSize: 80,
    reformed: false,
  },
];

/**
 * A government or public-institution system in one city: e.g. 厦门市教育局 → 厦门市思明区教育局 →
 * 厦门市思明区莲花小学 → its 校区, or a hospital with its community health centres. Null when its
 * head is already taken: there is one 厦门市教育局.
 */
export function publicGroup(random: SeededRandom, taken: TakenNames): Family | null {
  const system = random.pick(PUBLIC_SYSTEMS);
  const home = anyRegion(random);
  const headName = system.head(home);
  if (!claim(taken, headName)) return null;
  const districts = districtsOfCity(home.city);
  let nextDistrict = 0;

  /** Bureaus are public administration (S); schools and hospitals are in their own sections. */
  function draft(
    kind: NodeKind,
    name: string,
    region: Region,
    type: AccountType,
    size: number,
  ): Draft {
    const government = type === 'GOVERNMENT';
    const bureau = kind === 'HEAD' || kind === 'BUREAU';
    return {
      kind,
      name,
      legalName: name,
      type,
      authority: government ? '11' : '12',
      industryCode: government ? 'S' : system.industryCode,
      region,
      size,
      spread: 0.5,
      era: !government ? 'public' : bureau && system.reformed ? 'reformed' : 'agency',
      tags: government ? 'government' : system.tags,
      trade: null,
    };
  }

  function head(): Draft {
    return draft('HEAD', headName, home, system.headType, system.headSize);
  }

  function child(parent: GroupNode, position: NodePosition): Draft {
    const above = parent.draft;
    // Heads of branches of the tree are the district bureaus, while the city has districts left.
    const district = districts[nextDistrict];
    if (above.kind === 'HEAD' && position.hasChildren && system.district && district) {
      nextDistrict++;
      const name = system.district(district);
      if (claim(taken, name))
        return draft('BUREAU', name, district, 'GOVERNMENT', system.headSize / 3);
    }
    if (above.kind === 'HEAD' || above.kind === 'BUREAU') {
      const region = above.kind === 'BUREAU' ? above.region : regionInCity(random, home.city);
      return draft('UNIT', system.unit(random, region), region, system.unitType, system.unitSize);
    }
    const name = `${above.name}${placeName(random)}${random.pick(system.subunits)}`;
    return draft('OFFICE', name, above.region, system.unitType, system.unitSize / 3);
  }

  return { foundedAfterParent: false, head, child };
}
