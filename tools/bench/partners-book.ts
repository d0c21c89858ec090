import type pg from 'pg';
import { creditCodeCheckCharacter, namePinyin, normaliseCompanyName } from '@gap/partners/domain';

/*
 * The book as the partners service knows it (its `partners.account` projection, which the
 * accounts', tiering's and managers' events fill), written directly for the benchmark: a
 * million companies of Fujian with Chinese names, credit codes, tiers and managers.
 */

const CITIES = [
  ['福州市', '350102'],
  ['厦门市', '350203'],
  ['泉州市', '350502'],
  ['漳州市', '350602'],
  ['莆田市', '350302'],
  ['三明市', '350402'],
  ['南平市', '350702'],
  ['龙岩市', '350802'],
  ['宁德市', '350902'],
] as const;
const SYLLABLES = [
  ...'星辰宏达鑫源恒泰华盛金鹏嘉瑞海峡闽江榕城鹭岛云图智联德信永安天成众合博远新锐万通汇丰开元正和明阳盛世',
];
const TRADES = [
  '科技',
  '信息技术',
  '数据服务',
  '物流',
  '冷链物流',
  '机械制造',
  '精密电子',
  '食品',
  '纺织',
  '建材',
  '医药',
  '电子商务',
  '建设工程',
  '环保科技',
  '文化传媒',
  '网络科技',
] as const;
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '集团有限公司'] as const;

/** The n-th company of the book (1-based): always the same name, code and region. */
export function companyNumbered(n: number): {
  name: string;
  brand: string;
  trade: string;
  creditCode: string;
  regionCode: string;
} {
  const s = SYLLABLES.length;
  const brand = [n % s, Math.floor(n / s) % s, Math.floor(n / (s * s)) % s]
    .map((i) => SYLLABLES[i])
    .join('');
  const trade = TRADES[Math.floor(n / (s * s * s)) % TRADES.length] ?? '科技';
  const [city, regionCode] = CITIES[n % CITIES.length] ?? CITIES[0];
  const form = FORMS[n % FORMS.length] ?? '有限公司';
  const body = `91${regionCode}MA${String(n).padStart(7, '0')}`;
  return {
    name: `${city}${brand}${trade}${form}`,
    brand,
    trade,
    creditCode: body + creditCodeCheckCharacter(body),
    regionCode,
  };
}

/** Writes `count` companies into partners.account, 5,000 to a statement. */
export async function writePartnerBook(db: pg.Pool, count: number): Promise<void> {
  const BATCH = 5_000;
  for (let start = 1; start <= count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start + 1) }, (_, i) => {
      const n = start + i;
      const company = companyNumbered(n);
      const normalised = normaliseCompanyName(company.name).normalised;
      return {
        ...company,
        normalised,
        pinyin: namePinyin(normalised),
        tier: n % 20 === 0 ? 'A' : n % 5 === 0 ? 'B' : 'C',
        manager: n % 3 === 0 ? null : `E${String(1000 + (n % 900)).padStart(4, '0')}`,
      };
    });
    await db.query(
      `INSERT INTO partners.account
         (group_account_id, credit_code, name, normalised_name, name_pinyin, status, tier,
          tier_at, primary_manager_id, region_code)
       SELECT gen_random_uuid(), x.code, x.name, x.normalised, x.pinyin, 'ACTIVE', x.tier,
              now(), x.manager, x.region
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[]) AS x(code, name, normalised, pinyin, tier, manager, region)`,
      [
        rows.map((r) => r.creditCode),
        rows.map((r) => r.name),
        rows.map((r) => r.normalised),
        rows.map((r) => r.pinyin),
        rows.map((r) => r.tier),
        rows.map((r) => r.manager),
        rows.map((r) => r.regionCode),
      ],
    );
  }
  await db.query('ANALYZE partners.account');
}
