import type { AttributeSpec, Product } from './catalogue.js';

/**
 * The demo catalogue: list prices in fen, per unit and month, at levels a provincial operator
 * publishes for group customers (2025). Tax categories follow 财税〔2016〕36号: voice and the
 * rental of bandwidth are basic telecom services (9%); internet access, SMS, cloud and IoT
 * connectivity are value-added telecom services (6%).
 */
const YUAN = 100;

const bandwidth = (min: number, max: number): AttributeSpec => ({
  name: 'bandwidthMbps',
  nameZh: '带宽',
  nameEn: 'Bandwidth',
  kind: 'INTEGER',
  min,
  max,
  step: 10,
  unit: 'Mbps',
  default: 100,
});

const slaClass: AttributeSpec = {
  name: 'slaClass',
  nameZh: '服务等级',
  nameEn: 'SLA class',
  kind: 'ENUM',
  values: ['GOLD', 'SILVER', 'BRONZE'],
  default: 'SILVER',
};

const slaSurcharges = [
  { attribute: 'slaClass', value: 'GOLD', monthlyFen: 800 * YUAN },
  { attribute: 'slaClass', value: 'SILVER', monthlyFen: 300 * YUAN },
];

const bands = (attribute: string, prices: readonly [number, number][]) =>
  prices.map(([from, yuan]) => ({ attribute, from, monthlyListFen: yuan * YUAN }));

export const SEED_PRODUCTS: readonly Product[] = [
  {
    code: 'DIA',
    version: 1,
    nameZh: '互联网专线',
    nameEn: 'Dedicated internet access',
    family: 'LEASED_LINE',
    unit: '条',
    monthlyListFen: 1_200 * YUAN,
    oneTimeFeeFen: 3_000 * YUAN,
    attributes: [bandwidth(10, 10_000), slaClass],
    priceBands: bands('bandwidthMbps', [
      [10, 1_200], [20, 2_000], [50, 3_800], [100, 6_000], [200, 10_000],
      [500, 20_000], [1_000, 32_000], [2_000, 55_000], [5_000, 110_000], [10_000, 180_000],
    ]), // prettier-ignore
    surcharges: slaSurcharges,
    taxCategory: 'VALUE_ADDED_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'DATA_LINE',
    version: 1,
    nameZh: '数据专线',
    nameEn: 'Data leased line',
    family: 'LEASED_LINE',
    unit: '条',
    monthlyListFen: 800 * YUAN,
    oneTimeFeeFen: 2_000 * YUAN,
    attributes: [bandwidth(10, 10_000), slaClass],
    priceBands: bands('bandwidthMbps', [
      [10, 800], [50, 2_000], [100, 3_500], [500, 10_000], [1_000, 18_000], [10_000, 100_000],
    ]), // prettier-ignore
    surcharges: slaSurcharges,
    taxCategory: 'BASIC_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'FIXED_LINE',
    version: 1,
    nameZh: '固定电话',
    nameEn: 'Fixed line',
    family: 'FIXED_LINE',
    unit: '线',
    monthlyListFen: 25 * YUAN,
    oneTimeFeeFen: 100 * YUAN,
    attributes: [],
    taxCategory: 'BASIC_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'CLOUD_PBX',
    version: 1,
    nameZh: '云总机',
    nameEn: 'Cloud switchboard',
    family: 'FIXED_LINE',
    unit: '座席',
    monthlyListFen: 30 * YUAN,
    oneTimeFeeFen: 0,
    attributes: [],
    taxCategory: 'BASIC_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'VPMN',
    version: 1,
    nameZh: '集团短号',
    nameEn: 'Group short number (VPMN)',
    family: 'GROUP_SHORT_NUMBER',
    unit: '个集团',
    monthlyListFen: 100 * YUAN,
    oneTimeFeeFen: 0,
    attributes: [
      {
        name: 'members',
        nameZh: '成员数',
        nameEn: 'Members',
        kind: 'INTEGER',
        min: 2,
        max: 10_000,
        default: 20,
      },
    ],
    priceBands: bands('members', [[2, 100], [51, 300], [201, 800], [1_001, 2_000]]), // prettier-ignore
    taxCategory: 'BASIC_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'GROUP_CALLING',
    version: 1,
    nameZh: '集团通话优惠',
    nameEn: 'Group calling discount',
    family: 'GROUP_CALLING',
    unit: '成员',
    monthlyListFen: 10 * YUAN,
    oneTimeFeeFen: 0,
    attributes: [
      {
        name: 'minutes',
        nameZh: '每月通话分钟',
        nameEn: 'Minutes a month',
        kind: 'ENUM',
        values: ['300', '500', '1000'],
        default: '300',
      },
    ],
    surcharges: [
      { attribute: 'minutes', value: '500', monthlyFen: 5 * YUAN },
      { attribute: 'minutes', value: '1000', monthlyFen: 15 * YUAN },
    ],
    taxCategory: 'BASIC_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'MOBILE_OFFICE',
    version: 1,
    nameZh: '移动办公',
    nameEn: 'Mobile office',
    family: 'MOBILE_OFFICE',
    unit: '用户',
    monthlyListFen: 15 * YUAN,
    oneTimeFeeFen: 0,
    attributes: [
      {
        name: 'edition',
        nameZh: '版本',
        nameEn: 'Edition',
        kind: 'ENUM',
        values: ['STANDARD', 'PREMIUM'],
        default: 'STANDARD',
      },
    ],
    surcharges: [{ attribute: 'edition', value: 'PREMIUM', monthlyFen: 10 * YUAN }],
    taxCategory: 'VALUE_ADDED_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'SMS_BROADCAST',
    version: 1,
    nameZh: '短信群发',
    nameEn: 'SMS broadcast',
    family: 'SMS',
    unit: '万条包',
    monthlyListFen: 450 * YUAN,
    oneTimeFeeFen: 0,
    attributes: [
      {
        name: 'channel',
        nameZh: '通道类型',
        nameEn: 'Channel',
        kind: 'ENUM',
        values: ['NOTIFICATION', 'MARKETING'],
        default: 'NOTIFICATION',
      },
    ],
    surcharges: [{ attribute: 'channel', value: 'MARKETING', monthlyFen: 50 * YUAN }],
    taxCategory: 'VALUE_ADDED_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'CLOUD_HOST',
    version: 1,
    nameZh: '云主机',
    nameEn: 'Cloud host',
    family: 'CLOUD',
    unit: '台',
    monthlyListFen: 90 * YUAN,
    oneTimeFeeFen: 0,
    attributes: [
      {
        name: 'vcpu',
        nameZh: '虚拟CPU核数',
        nameEn: 'vCPUs',
        kind: 'INTEGER',
        min: 1,
        max: 64,
        default: 2,
      },
    ],
    priceBands: bands('vcpu', [[1, 90], [2, 180], [4, 360], [8, 720], [16, 1_400], [32, 2_700]]), // prettier-ignore
    taxCategory: 'VALUE_ADDED_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'CLOUD_STORAGE',
    version: 1,
    nameZh: '云存储',
    nameEn: 'Cloud storage',
    family: 'CLOUD',
    unit: 'TB',
    monthlyListFen: 120 * YUAN,
    oneTimeFeeFen: 0,
    attributes: [
      {
        name: 'redundancy',
        nameZh: '冗余方式',
        nameEn: 'Redundancy',
        kind: 'ENUM',
        values: ['LOCAL', 'CROSS_REGION'],
        default: 'LOCAL',
      },
    ],
    surcharges: [{ attribute: 'redundancy', value: 'CROSS_REGION', monthlyFen: 40 * YUAN }],
    taxCategory: 'VALUE_ADDED_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'IOT_CARD',
    version: 1,
    nameZh: '物联网卡',
    nameEn: 'IoT card',
    family: 'IOT',
    unit: '张',
    monthlyListFen: 3 * YUAN,
    oneTimeFeeFen: 5 * YUAN,
    attributes: [
      {
        name: 'dataMb',
        nameZh: '每月流量',
        nameEn: 'Data a month',
        kind: 'INTEGER',
        min: 10,
        max: 10_240,
        unit: 'MB',
        default: 100,
      },
    ],
    priceBands: bands('dataMb', [[10, 3], [100, 5], [1_024, 15], [10_240, 60]]), // prettier-ignore
    taxCategory: 'VALUE_ADDED_TELECOM',
    lifecycle: 'ACTIVE',
  },
  {
    code: 'PRIVATE_5G',
    version: 1,
    nameZh: '5G专网',
    nameEn: '5G private network',
    family: 'LEASED_LINE',
    unit: '个园区',
    monthlyListFen: 50_000 * YUAN,
    oneTimeFeeFen: 200_000 * YUAN,
    attributes: [],
    taxCategory: 'BASIC_TELECOM',
    lifecycle: 'DRAFT',
  },
  {
    code: 'ISDN_LINE',
    version: 3,
    nameZh: 'ISDN数字线路',
    nameEn: 'ISDN line',
    family: 'FIXED_LINE',
    unit: '线',
    monthlyListFen: 60 * YUAN,
    oneTimeFeeFen: 200 * YUAN,
    attributes: [],
    taxCategory: 'BASIC_TELECOM',
    lifecycle: 'RETIRED',
  },
];
