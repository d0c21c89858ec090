import { pinyin } from 'pinyin-pro';
import { PROVINCES } from './provinces.js';

/**
 * A Chinese company name reduced to what tells companies apart, for de-duplication: the same
 * company is submitted as 福建省福州市XX科技有限公司, 福州XX科技(有限责任公司) or ＸＸ科技
 * 股份有限公司 by different partners.
 */
export interface NormalisedCompanyName {
  /** The distinctive part: no punctuation, no region prefix, no legal form; Latin upper-cased. */
  readonly normalised: string;
  /** The region words stripped from the start, e.g. 福建省福州市, or null. */
  readonly regionPrefix: string | null;
  /** The legal form stripped from the end, e.g. 有限责任公司, or null. */
  readonly legalForm: string | null;
  /**
   * Whether the name is a branch (分公司). A branch registers on its own (its own credit code,
   * its own contracts), so it is a different party from its parent: its normalised name keeps
   * the branch words and the 分公司 marker (XX福州分公司), and never equals the parent's (XX).
   */
  readonly branch: boolean;
}

/** Longest first, so 股份有限公司 is taken whole rather than as 有限公司. */
export const LEGAL_FORMS: readonly string[] = [
  '集团股份有限公司',
  '集团有限责任公司',
  '集团有限公司',
  '股份有限公司',
  '有限责任公司',
  '个人独资企业',
  '有限公司',
  '股份公司',
  '集团公司',
  '有限合伙',
  '合伙企业',
  '总公司',
  '集团',
  '公司',
].sort((a, b) => b.length - a.length);

const BRANCH = '分公司';

/** A name is never stripped below this many characters: 北京市 alone stays 北京市. */
const MIN_CORE = 2;

const PROVINCE_NAMES: readonly string[] = PROVINCES.flatMap((p) => [p.name, p.short]).sort(
  (a, b) => b.length - a.length,
);

/** A city at the start: 2 to 5 characters ending in 市 (福州市, 石家庄市, 乌鲁木齐市). */
const CITY = /^\p{Script=Han}{1,4}?市/u;
/** After a province or city: a district, county or county-level city (鼓楼区, 闽侯县, 福清市). */
const DISTRICT = /^\p{Script=Han}{1,3}?[市区县]/u;
/** Words ending in 市, 区 or 县 that are not places: 永辉超市 is not a city called 永辉超. */
const NOT_PLACES = new Set([
  '超市',
  '门市',
  '菜市',
  '夜市',
  '股市',
  '城市',
  '集市',
  '花市',
  '都市',
  '上市',
  '街市',
  '社区',
  '园区',
  '小区',
  '景区',
  '厂区',
  '矿区',
  '校区',
  '港区',
  '片区',
  '山区',
]);

/** Spaces, punctuation and symbols of both widths: （）()【】[]·.,，、-—"“”' and the like. */
const NOISE = /[\s\p{P}\p{S}]/gu;

/** NFKC (full-width letters, digits and brackets to half width), upper case, no punctuation. */
export function compactCompanyName(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(NOISE, '');
}

function takePlace(text: string, pattern: RegExp): string | null {
  const run = pattern.exec(text)?.[0];
  if (run === undefined || NOT_PLACES.has(run.slice(-2))) return null;
  return text.length - run.length >= MIN_CORE ? run : null;
}

/** Province, then city, then district or county, each only when something is left after it. */
function stripRegion(text: string): { rest: string; prefix: string } {
  let rest = text;
  let prefix = '';
  const take = (part: string | null | undefined): boolean => {
    if (!part) return false;
    prefix += part;
    rest = rest.slice(part.length);
    return true;
  };
  const province = PROVINCE_NAMES.find(
    (name) => rest.startsWith(name) && rest.length - name.length >= MIN_CORE,
  );
  const tookProvince = take(province);
  const tookCity = take(takePlace(rest, CITY));
  if (tookProvince || tookCity) take(takePlace(rest, DISTRICT));
  return { rest, prefix };
}

/** The legal form the text ends with, when something distinctive is left before it. */
function trailingLegalForm(text: string): string | null {
  return (
    LEGAL_FORMS.find((form) => text.endsWith(form) && text.length - form.length >= MIN_CORE) ?? null
  );
}

/** The parent's legal form inside a branch's name: the one ending last, the longest there. */
function parentLegalForm(body: string): { at: number; form: string } | null {
  let best: { at: number; form: string } | null = null;
  for (const form of LEGAL_FORMS) {
    const at = body.lastIndexOf(form);
    if (at < MIN_CORE) continue;
    const end = at + form.length;
    if (best === null || end > best.at + best.form.length) best = { at, form };
  }
  return best;
}

/**
 * 字号（行政区划）组织形式: the registration rules let a name carry its place in brackets after
 * the trade name, e.g. 星辰科技（福州）有限公司 — right before the legal form that ends the name.
 * Only there: 福建(星辰)科技 keeps its brackets' words, and a bracketed legal form is no place.
 */
const BRACKETED_PLACE = new RegExp(
  `\\(\\s*(\\p{Script=Han}{2,5})\\s*\\)\\s*(?=(${LEGAL_FORMS.join('|')})\\s*$)`,
  'u',
);

function bracketedPlace(raw: string): { text: string; place: string | null } {
  const text = raw.normalize('NFKC');
  const match = BRACKETED_PLACE.exec(text);
  const place = match?.[1];
  const after = match?.[2] ?? '';
  // 有限（责任）公司 or XX（集团）有限公司: read without the brackets, the name ends in a longer
  // legal form that starts inside them, so the brackets cut through a legal form and hold no place.
  const cutsLegalForm = (words: string) => {
    const unbracketed = `${text.slice(0, match?.index ?? 0)}${words}${after}`;
    return (
      LEGAL_FORMS.some((form) => words.includes(form)) ||
      LEGAL_FORMS.some((form) => form.length > after.length && unbracketed.endsWith(form))
    );
  };
  if (!match || !place || cutsLegalForm(place)) {
    return { text, place: null };
  }
  return { text: text.slice(0, match.index) + text.slice(match.index + match[0].length), place };
}

/** The name reduced for matching; see {@link NormalisedCompanyName}. */
export function normaliseCompanyName(raw: string): NormalisedCompanyName {
  const { text, place } = bracketedPlace(raw);
  const compact = compactCompanyName(text);
  if (compact.endsWith(BRANCH) && compact.length > BRANCH.length) {
    const body = compact.slice(0, -BRANCH.length);
    const parent = parentLegalForm(body);
    const parentName = parent ? body.slice(0, parent.at) : body;
    const branchWords = parent ? body.slice(parent.at + parent.form.length) : '';
    const { rest, prefix } = stripRegion(parentName);
    return {
      normalised: `${rest}${branchWords}${BRANCH}`,
      regionPrefix: prefix || null,
      legalForm: parent?.form ?? null,
      branch: true,
    };
  }
  const legalForm = trailingLegalForm(compact);
  const core = legalForm ? compact.slice(0, -legalForm.length) : compact;
  const { rest, prefix } = stripRegion(core);
  const region = `${prefix}${place ?? ''}`;
  return { normalised: rest, regionPrefix: region || null, legalForm, branch: false };
}

/**
 * The toneless pinyin of a normalised name, without spaces, Latin letters and digits kept as
 * they are (lower case): a second comparison that finds 宏达 and 弘达 alike. Characters with
 * several readings take the one pinyin-pro chooses in context, the same on both sides.
 */
export function namePinyin(normalised: string): string {
  return pinyin(normalised, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .join('')
    .toLowerCase();
}
