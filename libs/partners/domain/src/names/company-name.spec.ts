import fc from 'fast-check';
import { compactCompanyName, namePinyin, normaliseCompanyName } from './company-name.js';
import { PROVINCES } from './provinces.js';

describe('normalising Chinese company names', () => {
  it.each([
    ['福建省福州市鼓楼区星辰科技有限公司', '星辰科技', '福建省福州市鼓楼区', '有限公司'],
    ['福州市星辰科技有限责任公司', '星辰科技', '福州市', '有限责任公司'],
    ['星辰科技股份有限公司', '星辰科技', null, '股份有限公司'],
    ['福建 星辰科技（集团）有限公司', '星辰科技', '福建', '集团有限公司'],
    ['福建【星辰】科技集团', '星辰科技', '福建', '集团'],
    ['内蒙古自治区包头市星辰稀土有限公司', '星辰稀土', '内蒙古自治区包头市', '有限公司'],
    [
      '广西壮族自治区南宁市青秀区星辰数据有限公司',
      '星辰数据',
      '广西壮族自治区南宁市青秀区',
      '有限公司',
    ],
    [
      '新疆维吾尔自治区乌鲁木齐市星辰物流有限公司',
      '星辰物流',
      '新疆维吾尔自治区乌鲁木齐市',
      '有限公司',
    ],
    ['北京市朝阳区星辰文化传媒有限公司', '星辰文化传媒', '北京市朝阳区', '有限公司'],
    ['上海浦东发展银行股份有限公司', '浦东发展银行', '上海', '股份有限公司'],
    ['泉州市石狮市星辰服装有限公司', '星辰服装', '泉州市石狮市', '有限公司'],
    ['福建省闽侯县星辰茶业有限公司', '星辰茶业', '福建省闽侯县', '有限公司'],
    ['ＡＢＣ（中国）科技有限公司', 'ABC中国科技', null, '有限公司'],
    ['abc 科技 有限公司', 'ABC科技', null, '有限公司'],
    ['星辰·数据—科技，“云”、服务有限公司', '星辰数据科技云服务', null, '有限公司'],
    ['福州星辰创业投资合伙企业（有限合伙）', '福州星辰创业投资合伙企业', null, '有限合伙'],
  ])('%s → %s', (raw, normalised, regionPrefix, legalForm) => {
    expect(normaliseCompanyName(raw)).toEqual({
      normalised,
      regionPrefix,
      legalForm,
      branch: false,
    });
  });

  it('finds one company under the names different partners give it', () => {
    const names = [
      '福建省星辰科技有限公司',
      '福建星辰科技（有限责任公司）',
      '福建(星辰)科技股份有限公司',
      '福建【星辰】科技集团有限公司',
      ' 福建省 星辰 科技 ',
    ];
    const normalised = new Set(names.map((n) => normaliseCompanyName(n).normalised));
    expect([...normalised]).toEqual(['星辰科技']);
  });

  it('takes a place in brackets before the legal form for a region, and no other bracket', () => {
    expect(normaliseCompanyName('星辰科技（福州）有限公司')).toEqual({
      normalised: '星辰科技',
      regionPrefix: '福州',
      legalForm: '有限公司',
      branch: false,
    });
    expect(normaliseCompanyName('星辰科技(福州市) 股份有限公司').normalised).toBe('星辰科技');
    expect(normaliseCompanyName('福建省福州市星辰科技有限公司').normalised).toBe('星辰科技');
    // Brackets elsewhere hold the trade name, and a bracketed legal form is no place.
    expect(normaliseCompanyName('福建(星辰)科技股份有限公司').normalised).toBe('星辰科技');
    expect(normaliseCompanyName('星辰科技（集团）有限公司').normalised).toBe('星辰科技');
    expect(normaliseCompanyName('星辰（福州）科技有限公司').normalised).toBe('星辰福州科技');
    // Brackets that cut through a legal form hold no place either.
    expect(normaliseCompanyName('广西壮族自治区星A星A（有限责任）公司')).toEqual({
      normalised: '星A星A',
      regionPrefix: '广西壮族自治区',
      legalForm: '有限责任公司',
      branch: false,
    });
    expect(normaliseCompanyName('星辰科技有限（责任）公司').legalForm).toBe('有限责任公司');
  });

  it('does not take shops, parks and estates for cities and districts', () => {
    expect(normaliseCompanyName('永辉超市股份有限公司').normalised).toBe('永辉超市');
    expect(normaliseCompanyName('福州市园区物业有限公司').normalised).toBe('园区物业');
    expect(normaliseCompanyName('福州市市政工程有限公司').normalised).toBe('市政工程');
    expect(normaliseCompanyName('福州市社区服务中心').normalised).toBe('社区服务中心');
  });

  it('never strips a name down to nothing', () => {
    expect(normaliseCompanyName('北京市').normalised).toBe('北京市');
    expect(normaliseCompanyName('公司').normalised).toBe('公司');
    expect(normaliseCompanyName('福建省公司')).toEqual({
      normalised: '福建省',
      regionPrefix: null,
      legalForm: '公司',
      branch: false,
    });
    expect(normaliseCompanyName('（）').normalised).toBe('');
  });

  it('keeps a branch apart from its parent, since a branch is a party of its own', () => {
    const branch = normaliseCompanyName('中国移动通信集团福建有限公司福州分公司');
    const parent = normaliseCompanyName('中国移动通信集团福建有限公司');
    expect(branch).toEqual({
      normalised: '中国移动通信集团福建福州分公司',
      regionPrefix: null,
      legalForm: '有限公司',
      branch: true,
    });
    expect(parent.normalised).toBe('中国移动通信集团福建');
    expect(normaliseCompanyName('福建省星辰科技有限公司厦门分公司').normalised).toBe(
      '星辰科技厦门分公司',
    );
    expect(normaliseCompanyName('星辰科技厦门分公司')).toMatchObject({
      normalised: '星辰科技厦门分公司',
      legalForm: null,
      branch: true,
    });
  });

  it.each(PROVINCES.flatMap((p) => [p.name, p.short]))(
    'strips the provincial-level name %s at the start',
    (province) => {
      expect(normaliseCompanyName(`${province}星辰科技有限公司`)).toEqual({
        normalised: '星辰科技',
        regionPrefix: province,
        legalForm: '有限公司',
        branch: false,
      });
    },
  );

  it('lists the 34 provincial-level divisions once each', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.short)).size).toBe(34);
  });

  const han = fc.constantFrom(...'星辰科技数据云宏达信息网络福州厦门');
  const latin = fc.constantFrom(...'ABCXYZ0123');
  const core = fc.string({ unit: fc.oneof(han, latin), minLength: 2, maxLength: 10 });
  const prefix = fc.constantFrom(
    '',
    '福建省',
    '福建',
    '福州市',
    '福建省福州市鼓楼区',
    '广西壮族自治区',
  );
  const suffix = fc.constantFrom('', '有限公司', '有限责任公司', '股份有限公司', '集团');
  const toFullWidth = (s: string) =>
    s.replace(/[A-Za-z0-9()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const noise = fc.constantFrom(' ', '【', '】', '·', '、', '—', '“', '”', '，');

  /** Marks inserted from the end backwards, so each position counts in the unmarked name. */
  const insertMarks = (text: string, marks: [number, string][], room: number) =>
    [...marks]
      .map(([at, mark]): [number, string] => [at % (room + 1), mark])
      .sort((a, b) => b[0] - a[0])
      .reduce((noisy, [i, mark]) => noisy.slice(0, i) + mark + noisy.slice(i), text);

  it('ignores width, case, spaces and punctuation wherever they are', () => {
    fc.assert(
      fc.property(prefix, core, suffix, fc.array(fc.tuple(fc.nat(30), noise)), (p, c, s, marks) => {
        const name = `${p}${c}${s}`;
        const noisy = insertMarks(toFullWidth(name).toLowerCase(), marks, name.length);
        expect(normaliseCompanyName(noisy)).toEqual(normaliseCompanyName(name));
      }),
    );
  });

  // Round brackets carry meaning only right before the legal form (字号（行政区划）组织形式);
  // anywhere that leaves a letter of the trade name after them, they are noise like the rest.
  it('ignores round brackets of either width that do not end right before the legal form', () => {
    const bracket = fc.constantFrom('（', '）', '(', ')');
    fc.assert(
      fc.property(
        prefix,
        core,
        suffix,
        fc.array(fc.tuple(fc.nat(30), bracket)),
        (p, c, s, marks) => {
          const name = `${p}${c}${s}`;
          const room = p.length + c.length - 1;
          const noisy = insertMarks(toFullWidth(name).toLowerCase(), marks, room);
          expect(normaliseCompanyName(noisy)).toEqual(normaliseCompanyName(name));
        },
      ),
    );
  });

  it('leaves only letters and digits, upper-cased', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        expect(compactCompanyName(raw)).not.toMatch(/[\s\p{P}\p{S}a-z]/u);
        expect(normaliseCompanyName(raw).normalised).not.toMatch(/[\s\p{P}\p{S}]/u);
      }),
    );
  });
});

describe('pinyin of a normalised name', () => {
  it('reads names that sound alike the same way', () => {
    expect(namePinyin('宏达科技')).toBe('hongdakeji');
    expect(namePinyin('弘达科技')).toBe('hongdakeji');
    expect(namePinyin('鸿达科技')).toBe(namePinyin('宏达科技'));
  });

  it('keeps Latin letters and digits, lower-cased, and writes ü as v', () => {
    expect(namePinyin('ABC12科技')).toBe('abc12keji');
    expect(namePinyin('绿地')).toBe('lvdi');
  });

  it('tells names that sound different apart', () => {
    expect(namePinyin('星辰科技')).not.toBe(namePinyin('辰星科技'));
    expect(namePinyin('')).toBe('');
  });
});
