/**
 * Contacts of an account, drawn from a random stream keyed by the account's credit code, so
 * they can be generated for any account, in any order, at any time, and come out the same.
 */
import { DEFAULT_SEED } from './accounts.js';
import { dateOf, dayBetween, dayOf, dayOfYear, sameDayIn } from './dates.js';
import { hashSeed, SeededRandom, WeightedTable } from '@gap/random';
import { localPrefix, type Region, regionByCode, REGIONS } from './regions.js';
import type {
  ContactChannel,
  ContactRole,
  DemoAccountRow,
  DemoContactRow,
  DemoKeyDate,
  KeyDateKind,
} from './types.js';
import { chineseNumber, type PersonName, personName, TRADE_NAME_PINYIN } from './vocabulary.js';

type Organisation = 'company' | 'government' | 'hospital' | 'school' | 'institution';

/** Job titles by kind of organisation and role. */
const TITLES: Readonly<Record<Organisation, Readonly<Record<ContactRole, readonly string[]>>>> = {
  company: {
    DECISION_MAKER: ['总经理', '董事长', '副总经理', '总裁', '执行董事'],
    IT_LEAD: ['信息中心主任', 'IT经理', '信息化部部长', '首席信息官', '网络管理员'],
    FINANCE: ['财务总监', '财务经理', '会计主管', '出纳'],
    USER: ['办公室主任', '行政经理', '行政专员', '综合部经理'],
    OTHER: ['采购经理', '人力资源经理', '法务专员', '工会主席'],
  },
  government: {
    DECISION_MAKER: ['局长', '副局长', '党组书记'],
    IT_LEAD: ['信息中心主任', '信息科科长', '网络安全管理员'],
    FINANCE: ['财务科科长', '计划财务科负责人'],
    USER: ['办公室主任', '办公室副主任', '综合科科员'],
    OTHER: ['机关事务科科长', '采购专员'],
  },
  hospital: {
    DECISION_MAKER: ['院长', '副院长', '党委书记'],
    IT_LEAD: ['信息科科长', '信息中心主任', '网络工程师'],
    FINANCE: ['财务科科长', '总会计师'],
    USER: ['院办主任', '后勤保障部主任'],
    OTHER: ['设备科科长', '采购中心主任'],
  },
  school: {
    DECISION_MAKER: ['校长', '副校长', '党支部书记'],
    IT_LEAD: ['电教中心主任', '网络中心主任', '信息技术教研组长'],
    FINANCE: ['财务室主任', '会计'],
    USER: ['办公室主任', '总务处主任'],
    OTHER: ['教务处主任', '后勤主任'],
  },
  institution: {
    DECISION_MAKER: ['主任', '副主任'],
    IT_LEAD: ['信息科科长', '网络管理员'],
    FINANCE: ['财务科科长'],
    USER: ['办公室主任'],
    OTHER: ['综合科科长'],
  },
};

const OTHER_ROLES: readonly ContactRole[] = ['IT_LEAD', 'FINANCE', 'USER', 'OTHER'];

/** Mobile prefixes in use (MIIT allocation), the long-established ones weighted up. */
const MOBILE_PREFIXES = new WeightedTable(
  [
    ...range(130, 139),
    ...range(145, 149),
    ...range(150, 153),
    ...range(155, 159),
    162,
    ...range(165, 167),
    ...range(170, 178),
    ...range(180, 189),
    ...range(190, 193),
    ...range(195, 199),
  ].map((prefix) => {
    const common =
      prefix < 140 || (prefix >= 150 && prefix < 160) || (prefix >= 180 && prefix < 190);
    return [String(prefix), common ? 4 : 1] as const;
  }),
);

const MAIL_PROVIDERS = new WeightedTable([
  ['qq.com', 35],
  ['163.com', 30],
  ['126.com', 15],
  ['139.com', 10],
  ['sina.com', 5],
  ['foxmail.com', 5],
] as const);

const CHANNELS = new WeightedTable<ContactChannel>([
  ['PHONE', 50],
  ['SMS', 20],
  ['EMAIL', 15],
  ['VISIT', 15],
]);

const KEY_DATE_COUNTS = new WeightedTable([
  [0, 45],
  [1, 40],
  [2, 15],
] as const);

const KEY_DATE_KINDS: readonly KeyDateKind[] = [
  'LINE_ACTIVATION_ANNIVERSARY',
  'OFFICE_MOVE',
  'CUSTOM',
];

/** Occasions a contact wants remembered, besides round anniversaries. */
const OCCASIONS = ['年度通信预算编制', '合同续签', '年会', '新园区启用', '春节慰问', '中秋走访'];

/** Contacts are as of 2026; birthdays put them between 25 and 62. */
const AS_OF_YEAR = 2026;

/** 1-4 contacts for an account, the same every time for the same seed and credit code. */
export function contactsFor(account: DemoAccountRow, seed = DEFAULT_SEED): DemoContactRow[] {
  const random = new SeededRandom(hashSeed(seed, account.creditCode));
  const organisation = organisationOf(account);
  const region = regionByCode(account.regionCode) ?? null;
  const domain = mailDomain(random, account, organisation, region);
  const most = account.type === 'SME' ? 2 : account.employees > 200 ? 4 : 3;
  const count = random.int(1, most);
  const roles: ContactRole[] = ['DECISION_MAKER', ...random.sample(OTHER_ROLES, count - 1)];
  return roles.map((role) => {
    const person = personName(random);
    const birthday = random.chance(0.7)
      ? dateOf(dayBetween(random, dayOfYear(AS_OF_YEAR - 62), dayOfYear(AS_OF_YEAR - 25) - 1))
      : null;
    let mobile = random.chance(0.9) ? mobileNumber(random) : null;
    const officePhone = region && random.chance(0.7) ? officeNumber(random, region) : null;
    if (mobile === null && officePhone === null) mobile = mobileNumber(random);
    const email = random.chance(0.75) ? emailAddress(random, person, birthday, domain) : null;
    return {
      accountCreditCode: account.creditCode,
      name: person.surname.zh + person.given.map((c) => c.zh).join(''),
      title: random.pick(titles(organisation, role, account.name)),
      role,
      mobile,
      officePhone,
      email,
      preferredChannel: channel(random, mobile, email),
      birthday,
      keyDates: keyDates(random, account, organisation),
    };
  });
}

/** Who heads a public body, by how its name ends: 所长 of a 派出所, 园长 of a kindergarten. */
const HEADS_BY_NAME: readonly (readonly [RegExp, readonly string[]])[] = [
  [/派出所$/, ['所长', '副所长', '教导员']],
  [/所$/, ['所长', '副所长']],
  [/分局$/, ['局长', '政委', '副局长']],
  [/人民政府$/, ['镇长', '副镇长', '党委书记']],
  [/(办事处|委员会|中心)$/, ['主任', '副主任']],
  [/(站|室)$/, ['站长', '负责人']],
  [/幼儿园$/, ['园长', '副园长']],
  [/馆$/, ['馆长', '副馆长']],
  [/台$/, ['台长', '副台长']],
  [/院$/, ['院长', '副院长']],
];

function titles(organisation: Organisation, role: ContactRole, name: string): readonly string[] {
  if (role === 'DECISION_MAKER' && organisation !== 'company') {
    const heads = HEADS_BY_NAME.find(([ending]) => ending.test(name));
    if (heads) return heads[1];
  }
  return TITLES[organisation][role];
}

function organisationOf(account: DemoAccountRow): Organisation {
  if (account.type === 'GOVERNMENT') return 'government';
  if (account.type === 'PUBLIC_INSTITUTION') {
    if (account.industryCode === 'Q') return 'hospital';
    if (account.industryCode === 'P') return 'school';
    return 'institution';
  }
  return 'company';
}

/** A company's own domain read off its trade name (鹭岛 → ludao.com), or the city's gov.cn. */
function mailDomain(
  random: SeededRandom,
  account: DemoAccountRow,
  organisation: Organisation,
  region: Region | null,
): string | null {
  if (organisation === 'government') {
    return region && random.chance(0.6) ? `${region.cityPinyin}.gov.cn` : null;
  }
  if (organisation !== 'company' || random.chance(0.4)) return null;
  const brand = tradeNameOf(account.name);
  if (brand === null) return null;
  const tld = random.pick(['.com', '.com.cn', '.cn']);
  return random.chance(0.2) && region ? `${region.cityPinyin}${brand}${tld}` : `${brand}${tld}`;
}

/** The pinyin of the trade name that follows an optional place at the start of a name. */
function tradeNameOf(name: string): string | null {
  let rest = name;
  const place = PLACE_PREFIXES.find((prefix) => name.startsWith(prefix));
  if (place) rest = name.slice(place.length);
  const first = TRADE_NAME_PINYIN.get(rest.charAt(0));
  const second = TRADE_NAME_PINYIN.get(rest.charAt(1));
  return first && second ? first + second : null;
}

/** Places a company name may start with, longest first (厦门市 before 厦门). */
const PLACE_PREFIXES = [
  ...new Set(REGIONS.flatMap((r) => [r.provinceFull, r.province, localPrefix(r, 'city'), r.city])),
].sort((a, b) => b.length - a.length);

function mobileNumber(random: SeededRandom): string {
  const prefix = MOBILE_PREFIXES.draw(random);
  const middle = String(random.int(0, 9999)).padStart(4, '0');
  const last = String(random.int(0, 9999)).padStart(4, '0');
  const style = random.next();
  if (style < 0.45) return `${prefix}${middle}${last}`;
  if (style < 0.7) return `${prefix} ${middle} ${last}`;
  if (style < 0.85) return `${prefix}-${middle}-${last}`;
  if (style < 0.95) return `+86 ${prefix}-${middle}-${last}`;
  return `+86 ${prefix}${middle}${last}`;
}

/** A landline in the account's district: area code and a 7- or 8-digit number from 2-8. */
function officeNumber(random: SeededRandom, region: Region): string {
  const rest = region.subscriberDigits - 1;
  const number = `${random.int(2, 8)}${String(random.int(0, 10 ** rest - 1)).padStart(rest, '0')}`;
  const split = number.length - 4;
  const style = random.next();
  if (style < 0.55) return `${region.areaCode}-${number}`;
  if (style < 0.75) return `(${region.areaCode}) ${number.slice(0, split)} ${number.slice(split)}`;
  if (style < 0.9) return `${region.areaCode} ${number}`;
  return `+86 ${region.areaCode.slice(1)} ${number}`;
}

/**
 * zhangwei@ludao.com at work; on a free mailbox (no work domain) names are taken, so people
 * add their birth year or a number: zhangwei1985@163.com.
 */
function emailAddress(
  random: SeededRandom,
  person: PersonName,
  birthday: string | null,
  workDomain: string | null,
): string {
  const surname = person.surname.pinyin;
  const given = person.given.map((c) => c.pinyin).join('');
  const initials = person.given.map((c) => c.pinyin.charAt(0)).join('');
  if (workDomain !== null) {
    const local = random.pick([
      `${surname}${given}`,
      `${given}.${surname}`,
      `${surname}${initials}`,
      `${surname}.${given}`,
    ]);
    return `${local}@${workDomain}`;
  }
  const year = birthday ? birthday.slice(0, 4) : String(random.int(1970, 1999));
  const local = random.pick([
    `${surname}${given}${year}`,
    `${surname}${given}${random.int(1, 999)}`,
    `${surname}${initials}${year.slice(2)}`,
    `${surname}.${given}`,
  ]);
  return `${local}@${MAIL_PROVIDERS.draw(random)}`;
}

/** A channel the contact can actually be reached on. */
function channel(
  random: SeededRandom,
  mobile: string | null,
  email: string | null,
): ContactChannel {
  for (;;) {
    const choice = CHANNELS.draw(random);
    if (choice === 'SMS' && mobile === null) continue;
    if (choice === 'EMAIL' && email === null) continue;
    return choice;
  }
}

function keyDates(
  random: SeededRandom,
  account: DemoAccountRow,
  organisation: Organisation,
): DemoKeyDate[] {
  const kinds = random.sample(KEY_DATE_KINDS, KEY_DATE_COUNTS.draw(random));
  return kinds.map((kind) => {
    switch (kind) {
      case 'LINE_ACTIVATION_ANNIVERSARY': {
        const from = Math.max(dayOf(account.foundedOn), dayOfYear(2000));
        return { kind, date: dateOf(dayBetween(random, from, dayOfYear(2026) - 1)), label: null };
      }
      case 'OFFICE_MOVE':
        return {
          kind,
          date: dateOf(dayBetween(random, dayOfYear(2025), dayOfYear(2027) + 180)),
          label: null,
        };
      case 'CUSTOM':
        return random.chance(0.6)
          ? anniversary(account, organisation)
          : {
              kind,
              date: dateOf(dayBetween(random, dayOfYear(2026), dayOfYear(2027) - 1)),
              label: random.pick(OCCASIONS),
            };
    }
  });
}

/** The next round anniversary of the founding, e.g. 建厂二十周年 on the founding day. */
function anniversary(account: DemoAccountRow, organisation: Organisation): DemoKeyDate {
  const founded = Number(account.foundedOn.slice(0, 4));
  const years = Math.max(5, Math.ceil((AS_OF_YEAR - founded) / 5) * 5);
  const what = {
    company: account.industryCode === 'C' ? '建厂' : '公司成立',
    government: '机构成立',
    hospital: '建院',
    school: '建校',
    institution: '成立',
  }[organisation];
  return {
    kind: 'CUSTOM',
    date: sameDayIn(account.foundedOn, founded + years),
    label: `${what}${chineseNumber(years)}周年`,
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
