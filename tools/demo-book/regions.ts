import { groupBy } from './collections.js';
import { itemAt, type SeededRandom, WeightedTable } from '@gap/random';

/** A district (GB/T 2260) with what names, phone numbers and e-mail domains need from it. */
export interface Region {
  readonly code: string;
  /** 福建, 北京 */
  readonly province: string;
  /** 福建省, 北京市 */
  readonly provinceFull: string;
  /** 厦门 */
  readonly city: string;
  /** 思明区, 晋江市 (a county-level city) */
  readonly district: string;
  /** 思明, 晋江: as in 思明分公司 */
  readonly districtShort: string;
  /** 0592 */
  readonly areaCode: string;
  /** Local numbers are 8 digits behind 3-digit area codes and 7 or 8 behind 4-digit ones. */
  readonly subscriberDigits: 7 | 8;
  /** xiamen: for e-mail domains such as xiamen.gov.cn */
  readonly cityPinyin: string;
  /** Relative share of accounts: the book belongs to the Fujian branch, with national groups. */
  readonly weight: number;
}

type CityRow = readonly [
  province: string,
  city: string,
  cityPinyin: string,
  areaCode: string,
  subscriberDigits: 7 | 8,
  weight: number,
  districts: string,
];

const MUNICIPALITIES = new Set(['北京', '上海', '天津', '重庆']);

/** Cities and their districts as `code name` pairs; weights are per district. */
// prettier-ignore
const CITIES: readonly CityRow[] = [
  ['福建', '福州', 'fuzhou', '0591', 8, 3, '350102 鼓楼区 350103 台江区 350104 仓山区 350105 马尾区 350111 晋安区 350112 长乐区'],
  ['福建', '厦门', 'xiamen', '0592', 7, 3, '350203 思明区 350205 海沧区 350206 湖里区 350211 集美区 350212 同安区 350213 翔安区'],
  ['福建', '泉州', 'quanzhou', '0595', 8, 3, '350502 鲤城区 350503 丰泽区 350581 石狮市 350582 晋江市 350583 南安市'],
  ['福建', '漳州', 'zhangzhou', '0596', 7, 2, '350602 芗城区 350603 龙文区'],
  ['福建', '莆田', 'putian', '0594', 7, 2, '350302 城厢区 350303 涵江区'],
  ['福建', '三明', 'sanming', '0598', 7, 2, '350404 三元区'],
  ['福建', '南平', 'nanping', '0599', 7, 2, '350702 延平区'],
  ['福建', '龙岩', 'longyan', '0597', 7, 2, '350802 新罗区'],
  ['福建', '宁德', 'ningde', '0593', 7, 2, '350902 蕉城区'],
  ['浙江', '杭州', 'hangzhou', '0571', 8, 1, '330106 西湖区 330108 滨江区 330110 余杭区'],
  ['浙江', '宁波', 'ningbo', '0574', 8, 1, '330203 海曙区 330212 鄞州区'],
  ['浙江', '温州', 'wenzhou', '0577', 8, 1, '330302 鹿城区'],
  ['江苏', '南京', 'nanjing', '025', 8, 1, '320102 玄武区 320106 鼓楼区'],
  ['江苏', '苏州', 'suzhou', '0512', 8, 1, '320505 虎丘区 320506 吴中区'],
  ['江苏', '无锡', 'wuxi', '0510', 8, 1, '320214 新吴区'],
  ['广东', '广州', 'guangzhou', '020', 8, 1, '440104 越秀区 440106 天河区'],
  ['广东', '深圳', 'shenzhen', '0755', 8, 1, '440304 福田区 440305 南山区 440306 宝安区'],
  ['广东', '佛山', 'foshan', '0757', 8, 1, '440606 顺德区'],
  ['北京', '北京', 'beijing', '010', 8, 1, '110102 西城区 110105 朝阳区 110108 海淀区'],
  ['上海', '上海', 'shanghai', '021', 8, 1, '310101 黄浦区 310104 徐汇区 310115 浦东新区'],
  ['天津', '天津', 'tianjin', '022', 8, 1, '120116 滨海新区'],
  ['重庆', '重庆', 'chongqing', '023', 8, 1, '500103 渝中区'],
  ['四川', '成都', 'chengdu', '028', 8, 1, '510104 锦江区 510107 武侯区'],
  ['湖北', '武汉', 'wuhan', '027', 8, 1, '420106 武昌区 420111 洪山区'],
  ['湖南', '长沙', 'changsha', '0731', 8, 1, '430104 岳麓区'],
  ['山东', '济南', 'jinan', '0531', 8, 1, '370102 历下区'],
  ['山东', '青岛', 'qingdao', '0532', 8, 1, '370202 市南区 370212 崂山区'],
  ['河南', '郑州', 'zhengzhou', '0371', 8, 1, '410105 金水区'],
  ['陕西', '西安', 'xian', '029', 8, 1, '610113 雁塔区'],
  ['安徽', '合肥', 'hefei', '0551', 8, 1, '340104 蜀山区'],
  ['江西', '南昌', 'nanchang', '0791', 8, 1, '360102 东湖区'],
  ['辽宁', '沈阳', 'shenyang', '024', 8, 1, '210102 和平区'],
];

export const REGIONS: readonly Region[] = CITIES.flatMap(
  ([province, city, cityPinyin, areaCode, subscriberDigits, weight, districts]) => {
    const parts = districts.split(' ');
    const regions: Region[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const district = itemAt(parts, i + 1);
      regions.push({
        code: itemAt(parts, i),
        province,
        provinceFull: province + (MUNICIPALITIES.has(province) ? '市' : '省'),
        city,
        district,
        districtShort: district.replace(/(新区|区|市|县)$/, ''),
        areaCode,
        subscriberDigits,
        cityPinyin,
        weight,
      });
    }
    return regions;
  },
);

const BY_CODE = new Map(REGIONS.map((region) => [region.code, region]));
const BY_CITY = groupBy(REGIONS, (region) => region.city);
const BY_PROVINCE = groupBy(REGIONS, (region) => region.province);
const WEIGHTED = new WeightedTable(REGIONS.map((region) => [region, region.weight] as const));

export function regionByCode(code: string): Region | undefined {
  return BY_CODE.get(code);
}

/** Any district, in proportion to where the book's accounts are. */
export function anyRegion(random: SeededRandom): Region {
  return WEIGHTED.draw(random);
}

export function regionInCity(random: SeededRandom, city: string): Region {
  return random.pick(BY_CITY.get(city) ?? REGIONS);
}

export function regionInProvince(random: SeededRandom, province: string): Region {
  return random.pick(BY_PROVINCE.get(province) ?? REGIONS);
}

export function districtsOfCity(city: string): readonly Region[] {
  return BY_CITY.get(city) ?? [];
}

/** The name prefix of a city, e.g. 厦门市; a county-level city stands alone, e.g. 晋江市. */
export function localPrefix(region: Region, level: 'city' | 'district'): string {
  if (level === 'city') return `${region.city}市`;
  if (region.district.endsWith('市')) return region.district;
  return `${region.city}市${region.district}`;
}

/** Province-level division code, e.g. 350000 for bodies registered with the province. */
export function provinceCode(region: Region): string {
  return `${region.code.slice(0, 2)}0000`;
}

/** City-level division code, e.g. 350200. */
export function cityCode(region: Region): string {
  return `${region.code.slice(0, 4)}00`;
}
