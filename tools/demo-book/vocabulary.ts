/**
 * The words demo names are made of: trade names (字号), lines of business, place names, agencies,
 * and people's names with their pinyin, for e-mail addresses.
 */
import { type SeededRandom, WeightedTable } from '@gap/random';
import { REGIONS } from './regions.js';

/** A Chinese text and its pinyin, e.g. 鹭 / lu. */
export interface Spelled {
  readonly zh: string;
  readonly pinyin: string;
}

/** Parses `汉字pinyin` (optionally followed by a weight) items separated by spaces. */
function spelled(list: string): Spelled[] {
  return list.split(' ').map((item) => {
    const match = /^(\p{Script=Han}+)([a-z]+)\d*$/u.exec(item);
    if (!match?.[1] || !match[2]) throw new Error(`bad vocabulary item '${item}'`);
    return { zh: match[1], pinyin: match[2] };
  });
}

function weighted(list: string): WeightedTable<Spelled> {
  const items = spelled(list);
  const weights = list.split(' ').map((item) => Number(/\d+$/.exec(item)?.[0] ?? 1));
  return new WeightedTable(items.map((item, i) => [item, weights[i] ?? 1] as const));
}

/** Characters of a trade name (字号): a first one, then one or two more, e.g. 鹭 + 岛. */
const TRADE_NAME_FIRST = spelled(
  '华hua 宏hong 鑫xin 天tian 恒heng 嘉jia 永yong 金jin 中zhong 海hai 新xin 同tong 瑞rui ' +
    '盛sheng 泰tai 博bo 创chuang 兴xing 汇hui 鼎ding 正zheng 明ming 东dong 南nan 闽min 鹭lu ' +
    '榕rong 凯kai 万wan 星xing 众zhong 卓zhuo 致zhi 启qi 朗lang 德de 润run 安an 亿yi 联lian ' +
    '腾teng 锦jin 佳jia 顺shun 福fu 辰chen 旭xu 尚shang 乐le 美mei 宝bao 君jun 优you 广guang ' +
    '云yun 雅ya 和he 利li 合he 融rong',
);
const TRADE_NAME_SECOND = spelled(
  '达da 源yuan 元yuan 信xin 泰tai 安an 丰feng 昌chang 利li 通tong 科ke 瑞rui 和he 成cheng ' +
    '辉hui 阳yang 晟sheng 航hang 远yuan 峰feng 宇yu 智zhi 捷jie 益yi 睿rui 诚cheng 祥xiang ' +
    '隆long 弘hong 鸿hong 港gang 岛dao 海hai 川chuan 腾teng 威wei 邦bang 拓tuo 富fu 光guang ' +
    '鑫xin 宏hong 嘉jia 发fa 茂mao 顺shun 兴xing 华hua 美mei 佳jia 豪hao 凯kai 旺wang 恒heng ' +
    '升sheng 星xing 汇hui 博bo 创chuang 盈ying',
);

/** Pinyin of every character a trade name can have, to read a company's domain off its name. */
export const TRADE_NAME_PINYIN: ReadonlyMap<string, string> = new Map(
  [...TRADE_NAME_FIRST, ...TRADE_NAME_SECOND].map(({ zh, pinyin }) => [zh, pinyin]),
);

/** Trade names that would read as a place (南昌 is a city, not a company). */
const PLACE_LIKE = new Set(REGIONS.map((region) => region.city));

/**
 * A trade name (字号) of two or three characters, such as 鹭岛, 恒信 or 恒信达, never one character
 * twice in a row and never a city's name.
 */
export function tradeName(random: SeededRandom, longest: 2 | 3 = 3): string {
  let name = random.pick(TRADE_NAME_FIRST).zh;
  const length = longest === 3 && random.chance(0.5) ? 3 : 2;
  while (name.length < length) {
    const next = random.pick(TRADE_NAME_SECOND).zh;
    if (!name.includes(next) && !PLACE_LIKE.has(name + next)) name += next;
  }
  return name;
}

/** A line of business as it appears in a company name, with its GB/T 4754 section. */
export interface Trade {
  readonly word: string;
  readonly industry: string;
  /** The industrial theme it belongs to, as in 厦门智能装备产业集群. */
  readonly theme: string;
  /** How common it is among the book's companies. */
  readonly weight: number;
}

// prettier-ignore
const TRADE_ROWS = [
  '智能装备 C 智能装备 4', '精密机械 C 智能装备 3', '机电设备 C 智能装备 3', '电气 C 智能装备 2',
  '汽车零部件 C 汽车及零部件 2', '新材料 C 新材料 3', '光电科技 C 电子信息 2', '电子科技 C 电子信息 4',
  '半导体 C 电子信息 1', '纺织 C 纺织服装 2', '服饰 C 纺织服装 3', '鞋业 C 鞋服 3', '体育用品 C 鞋服 2',
  '食品 C 食品加工 3', '生物医药 C 生物医药 2', '医疗器械 C 生物医药 2', '石材 C 建材 2', '陶瓷 C 建材 2',
  '新能源科技 C 新能源 2', '包装印刷 C 包装印刷 2', '家具 C 家居 2',
  '农业发展 A 现代农业 2', '生态农业 A 现代农业 1', '茶业 A 茶产业 2', '水产 A 海洋渔业 1',
  '矿业 B 矿产资源 1',
  '能源 D 新能源 1', '电力 D 新能源 1', '燃气 D 能源 1', '水务 D 水务 1',
  '建设工程 E 建筑业 4', '建筑工程 E 建筑业 3', '市政工程 E 建筑业 2', '装饰工程 E 建筑业 3',
  '商贸 F 商贸流通 6', '贸易 F 商贸流通 5', '进出口 F 商贸流通 3', '医药连锁 F 商贸流通 1', '百货 F 商贸流通 2',
  '物流 G 现代物流 4', '运输 G 现代物流 2', '冷链物流 G 现代物流 1', '供应链管理 G 现代物流 2',
  '港务 G 港口航运 1', '航运 G 港口航运 1',
  '酒店管理 H 文旅 2', '餐饮管理 H 文旅 3',
  '软件科技 I 软件和信息服务 4', '信息技术 I 软件和信息服务 4', '网络科技 I 数字经济 4',
  '数据科技 I 数字经济 2', '智能科技 I 人工智能 2', '通信技术 I 电子信息 2',
  '融资担保 J 金融服务 1', '小额贷款 J 金融服务 1',
  '房地产开发 K 房地产 2', '置业 K 房地产 2', '物业管理 K 房地产 3',
  '企业管理咨询 L 商务服务 3', '人力资源 L 商务服务 2', '广告 L 文化创意 2', '会展服务 L 商务服务 1',
  '检测技术 M 科技服务 2', '工程设计 M 科技服务 2', '生物科技 M 生物医药 2',
  '环保科技 N 节能环保 2', '园林绿化 N 节能环保 2',
  '家政服务 O 生活服务 2', '汽车服务 O 生活服务 2',
  '教育科技 P 教育培训 2', '职业培训 P 教育培训 1',
  '医疗管理 Q 健康服务 1', '养老服务 Q 健康养老 1',
  '文化传媒 R 文化创意 3', '影视 R 文化创意 1', '体育发展 R 体育 1',
];

const TRADES: readonly Trade[] = TRADE_ROWS.map((row) => {
  const [word = '', industry = '', theme = '', weight = '1'] = row.split(' ');
  return { word, industry, theme, weight: Number(weight) };
});

const TRADE_TABLE = new WeightedTable(TRADES.map((trade) => [trade, trade.weight] as const));
const TRADES_BY_THEME = new Map<string, Trade[]>();
for (const trade of TRADES) {
  const kindred = TRADES_BY_THEME.get(trade.theme);
  if (kindred) kindred.push(trade);
  else TRADES_BY_THEME.set(trade.theme, [trade]);
}

export function anyTrade(random: SeededRandom): Trade {
  return TRADE_TABLE.draw(random);
}

/** Another line of business in the same theme, e.g. 精密机械 for a 智能装备 group. */
export function kindredTrade(random: SeededRandom, trade: Trade): Trade {
  return random.pick(TRADES_BY_THEME.get(trade.theme) ?? [trade]);
}

/** The line of business a company name mentions, if any. */
export function tradeInName(name: string): Trade | undefined {
  return TRADES.find((trade) => name.includes(trade.word));
}

/** What large groups diversify into: their own logistics, trading, property and IT arms. */
export const DIVERSIFICATION: readonly Trade[] = TRADES.filter((trade) =>
  ['物流', '供应链管理', '进出口', '置业', '物业管理', '信息技术', '融资担保', '酒店管理'].includes(
    trade.word,
  ),
);

/** Two-character place names for streets, schools and branch offices, e.g. 莲花, 东湖. */
const PLACE_FIRST = [
  ...'东西南北金莲湖江梅桂青龙凤鼓华文仙白紫翠玉石新长乌屏双滨竹云松柏杏桃兴和安康福寿丰宝',
];
const PLACE_SECOND = [
  ...'山湖江河溪桥塘洲岭峰园苑湾港门城坪林井阳华海浦岗坂洋亭岸田口头埔尾坑厝墩坡泉岛庄院',
];

export function placeName(random: SeededRandom): string {
  const first = random.pick(PLACE_FIRST);
  let second = random.pick(PLACE_SECOND);
  while (second === first) second = random.pick(PLACE_SECOND);
  return first + second;
}

/** A government department at city level and as its district counterpart is called. */
export interface Agency {
  readonly city: string;
  readonly district: string;
  /** The second name some departments carry (一个机构两块牌子), e.g. 文物局. */
  readonly alsoKnownAs?: string;
  /** Set up in the 2018 reform of government departments. */
  readonly reformed?: boolean;
}

export const AGENCIES: readonly Agency[] = [
  { city: '教育局', district: '教育局', alsoKnownAs: '语言文字工作委员会办公室' },
  { city: '卫生健康委员会', district: '卫生健康局', reformed: true },
  { city: '交通运输局', district: '交通运输局' },
  { city: '市场监督管理局', district: '市场监督管理局', reformed: true },
  { city: '自然资源和规划局', district: '自然资源局', reformed: true },
  { city: '人力资源和社会保障局', district: '人力资源和社会保障局', alsoKnownAs: '公务员局' },
  { city: '财政局', district: '财政局' },
  { city: '大数据管理局', district: '数据管理局', reformed: true },
  { city: '应急管理局', district: '应急管理局', reformed: true },
  { city: '住房和城乡建设局', district: '住房和建设局' },
  { city: '商务局', district: '商务局' },
  { city: '工业和信息化局', district: '工业和信息化局', alsoKnownAs: '中小企业局' },
  { city: '农业农村局', district: '农业农村局', reformed: true },
  { city: '文化和旅游局', district: '文化体育和旅游局', alsoKnownAs: '文物局', reformed: true },
  { city: '民政局', district: '民政局' },
  { city: '司法局', district: '司法局' },
  { city: '审计局', district: '审计局' },
  { city: '统计局', district: '统计局' },
  { city: '医疗保障局', district: '医疗保障局', reformed: true },
  { city: '退役军人事务局', district: '退役军人事务局', reformed: true },
  { city: '发展和改革委员会', district: '发展和改革局' },
  { city: '城市管理局', district: '城市管理局' },
];

/** The medical university a province's city hospitals are often affiliated with. */
export const MEDICAL_UNIVERSITIES: Readonly<Record<string, string>> = {
  福建: '福建医科大学',
  浙江: '温州医科大学',
  江苏: '南京医科大学',
  广东: '广州医科大学',
  北京: '首都医科大学',
  上海: '上海交通大学医学院',
  天津: '天津医科大学',
  重庆: '重庆医科大学',
  四川: '成都医学院',
  湖北: '湖北医药学院',
  湖南: '湖南中医药大学',
  山东: '山东第一医科大学',
  河南: '新乡医学院',
  陕西: '西安医学院',
  安徽: '安徽医科大学',
  江西: '南昌大学',
  辽宁: '中国医科大学',
};

/** Surnames weighted by how common they are (per thousand people), with pinyin. */
const SURNAMES = weighted(
  '王wang71 李li70 张zhang66 刘liu54 陈chen55 杨yang31 黄huang25 赵zhao23 吴wu20 周zhou19 ' +
    '徐xu15 孙sun15 马ma14 朱zhu13 胡hu13 郭guo12 何he12 林lin18 高gao12 罗luo10 郑zheng12 ' +
    '梁liang9 谢xie8 宋song7 唐tang7 许xu7 韩han6 冯feng6 邓deng6 曹cao6 彭peng6 曾zeng6 ' +
    '肖xiao5 田tian5 董dong5 袁yuan5 潘pan5 蔡cai5 蒋jiang5 余yu5 于yu5 杜du4 叶ye5 程cheng4 ' +
    '苏su4 魏wei4 吕lv4 丁ding4 任ren4 沈shen4 姚yao4 卢lu4 傅fu3 钟zhong3 欧阳ouyang1',
);

const GIVEN_NAME_CHARACTERS = spelled(
  '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie ' +
    '娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 建jian 文wen ' +
    '斌bin 辉hui 玲ling 婷ting 鹏peng 飞fei 宇yu 浩hao 俊jun 峰feng 琳lin 晨chen 欣xin ' +
    '颖ying 雪xue 梅mei 志zhi 国guo 海hai 小xiao 红hong 春chun 金jin 荣rong 鑫xin 佳jia ' +
    '凯kai 瑞rui 晓xiao 丹dan 萍ping 慧hui 雯wen 倩qian 思si 嘉jia 子zi 泽ze 毅yi 昊hao ' +
    '然ran 怡yi 琪qi 翔xiang 坤kun 彬bin 清qing 燕yan 龙long 东dong 锋feng 亮liang 晶jing',
);

/** A person's name: a surname and a one- or two-character given name. */
export interface PersonName {
  readonly surname: Spelled;
  readonly given: readonly Spelled[];
}

export function personName(random: SeededRandom): PersonName {
  const surname = SURNAMES.draw(random);
  const given = [random.pick(GIVEN_NAME_CHARACTERS)];
  if (random.chance(0.7)) given.push(random.pick(GIVEN_NAME_CHARACTERS));
  return { surname, given };
}

const DIGITS = '零一二三四五六七八九';

/** 1 to 99 in Chinese numerals, as in 第二十一中学 or 建厂三十周年. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`${n} is not in 1..99`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS.charAt(tens)}十`;
  return tensPart + (units === 0 ? '' : DIGITS.charAt(units));
}
