export const GROUP_ACCOUNT_TYPES = [
  'ENTERPRISE',
  'GOVERNMENT',
  'PUBLIC_INSTITUTION',
  'SME',
] as const;
export type GroupAccountType = (typeof GROUP_ACCOUNT_TYPES)[number];

export const GROUP_ACCOUNT_STATUSES = ['PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED'] as const;
export type GroupAccountStatus = (typeof GROUP_ACCOUNT_STATUSES)[number];

export const ACCOUNT_NAME_MAX_LENGTH = 200;

/**
 * Industry sections of GB/T 4754-2017 (国民经济行业分类), the code list that care, bundles and
 * manager expertise all key on.
 */
export const INDUSTRIES = {
  A: { zh: '农、林、牧、渔业', en: 'Agriculture, forestry, animal husbandry and fishery' },
  B: { zh: '采矿业', en: 'Mining' },
  C: { zh: '制造业', en: 'Manufacturing' },
  D: { zh: '电力、热力、燃气及水生产和供应业', en: 'Electricity, heat, gas and water' },
  E: { zh: '建筑业', en: 'Construction' },
  F: { zh: '批发和零售业', en: 'Wholesale and retail' },
  G: { zh: '交通运输、仓储和邮政业', en: 'Transport, storage and post' },
  H: { zh: '住宿和餐饮业', en: 'Accommodation and catering' },
  I: {
    zh: '信息传输、软件和信息技术服务业',
    en: 'Information transmission, software and IT services',
  },
  J: { zh: '金融业', en: 'Finance' },
  K: { zh: '房地产业', en: 'Real estate' },
  L: { zh: '租赁和商务服务业', en: 'Leasing and business services' },
  M: { zh: '科学研究和技术服务业', en: 'Scientific research and technical services' },
  N: { zh: '水利、环境和公共设施管理业', en: 'Water, environment and public facilities' },
  O: { zh: '居民服务、修理和其他服务业', en: 'Residential, repair and other services' },
  P: { zh: '教育', en: 'Education' },
  Q: { zh: '卫生和社会工作', en: 'Health and social work' },
  R: { zh: '文化、体育和娱乐业', en: 'Culture, sports and entertainment' },
  S: { zh: '公共管理、社会保障和社会组织', en: 'Public administration and social organisations' },
  T: { zh: '国际组织', en: 'International organisations' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type IndustryCode = keyof typeof INDUSTRIES;

export function isIndustryCode(code: string): code is IndustryCode {
  return Object.prototype.hasOwnProperty.call(INDUSTRIES, code);
}

/** Province-level prefixes of GB/T 2260 division codes. */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** A region is a six-digit division code: province, city and district (GB/T 2260). */
export function isRegionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_PREFIXES.has(code.slice(0, 2));
}
