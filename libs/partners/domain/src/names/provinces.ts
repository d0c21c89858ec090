/** A provincial-level division of China: its GB/T 2260 code, full name and short name. */
export interface Province {
  readonly code: string;
  readonly name: string;
  readonly short: string;
}

/**
 * The 34 provincial-level divisions (GB/T 2260): 23 provinces, 5 autonomous regions,
 * 4 municipalities and 2 special administrative regions.
 */
export const PROVINCES: readonly Province[] = [
  { code: '11', name: '北京市', short: '北京' },
  { code: '12', name: '天津市', short: '天津' },
  { code: '13', name: '河北省', short: '河北' },
  { code: '14', name: '山西省', short: '山西' },
  { code: '15', name: '内蒙古自治区', short: '内蒙古' },
  { code: '21', name: '辽宁省', short: '辽宁' },
  { code: '22', name: '吉林省', short: '吉林' },
  { code: '23', name: '黑龙江省', short: '黑龙江' },
  { code: '31', name: '上海市', short: '上海' },
  { code: '32', name: '江苏省', short: '江苏' },
  { code: '33', name: '浙江省', short: '浙江' },
  { code: '34', name: '安徽省', short: '安徽' },
  { code: '35', name: '福建省', short: '福建' },
  { code: '36', name: '江西省', short: '江西' },
  { code: '37', name: '山东省', short: '山东' },
  { code: '41', name: '河南省', short: '河南' },
  { code: '42', name: '湖北省', short: '湖北' },
  { code: '43', name: '湖南省', short: '湖南' },
  { code: '44', name: '广东省', short: '广东' },
  { code: '45', name: '广西壮族自治区', short: '广西' },
  { code: '46', name: '海南省', short: '海南' },
  { code: '50', name: '重庆市', short: '重庆' },
  { code: '51', name: '四川省', short: '四川' },
  { code: '52', name: '贵州省', short: '贵州' },
  { code: '53', name: '云南省', short: '云南' },
  { code: '54', name: '西藏自治区', short: '西藏' },
  { code: '61', name: '陕西省', short: '陕西' },
  { code: '62', name: '甘肃省', short: '甘肃' },
  { code: '63', name: '青海省', short: '青海' },
  { code: '64', name: '宁夏回族自治区', short: '宁夏' },
  { code: '65', name: '新疆维吾尔自治区', short: '新疆' },
  { code: '71', name: '台湾省', short: '台湾' },
  { code: '81', name: '香港特别行政区', short: '香港' },
  { code: '82', name: '澳门特别行政区', short: '澳门' },
];

const CODES = new Set(PROVINCES.map((p) => p.code));

/** Whether the two digits are a provincial-level division's GB/T 2260 code. */
export function isProvinceCode(code: string): boolean {
  return CODES.has(code);
}
