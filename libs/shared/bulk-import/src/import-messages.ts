import type { RowError } from './import-file.js';
import { IMPORT_ROLLED_BACK, type ImportReport } from './import-report.js';

/** The users work in Chinese; English is there for whoever asks for it. */
export const IMPORT_LOCALES = ['zh-CN', 'en'] as const;
export type ImportLocale = (typeof IMPORT_LOCALES)[number];

/** A code's text in Chinese, from the error's field and params. */
export type ZhMessages = Readonly<Record<string, (error: RowError) => string>>;

/**
 * The language of a command line: `--lang` when given, otherwise the POSIX locale variables
 * in their order of precedence (LC_ALL, LC_MESSAGES, LANG); English when that starts with
 * `en`, Chinese otherwise (also when nothing is set).
 */
export function importLocale(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): ImportLocale {
  const chosen = flag ?? [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v);
  return chosen?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

const param = (error: RowError, name: string): string | undefined => {
  const value = error.params?.[name];
  return value === undefined ? undefined : String(value);
};

/** Chinese for the codes every import shares; each import adds its own. */
export const SHARED_ZH_MESSAGES: ZhMessages = {
  REQUIRED: (e) => `必须填写 ${e.field}。`,
  NEGATIVE: (e) => `${e.field} 不能为负数。`,
  NOT_AN_INTEGER: (e) => `${e.field} 必须是整数。`,
  NOT_A_NUMBER: (e) => `${e.field} 不是有效的数字。`,
  TOO_LARGE: (e) =>
    param(e, 'max') === undefined
      ? `${e.field} 超出上限。`
      : `${e.field} 不能超过 ${param(e, 'max')}。`,
  TOO_MANY_DECIMALS: (e) => `${e.field} 最多保留两位小数（精确到分）。`,
  TOO_LONG: (e) => `${e.field} 过长。`,
  CONTROL_CHARACTER: (e) => `${e.field} 不能包含控制字符。`,
  DUPLICATE_IN_FILE: (e) =>
    `${param(e, 'key') ?? e.field} 在文件中重复出现（第 ${param(e, 'rows') ?? e.row} 行），这些行都未导入。`,
  UNKNOWN_COLUMN: (e) =>
    `未知的列 ${e.field}；可用的列为 ${param(e, 'columns') ?? ''}。整个文件未导入。`,
  CSV_INVALID: (e) => `CSV 文件无法读取（${param(e, 'detail') ?? e.message}）。`,
  JSON_INVALID: () => 'JSON 文件无法读取：导入文件应为对象数组。',
  [IMPORT_ROLLED_BACK]: (e) =>
    `数据库拒绝了写入（${param(e, 'cause') ?? ''}），整个文件已回滚，未写入任何数据。修正后重新运行即可，重复运行是安全的。`,
};

/** One error in the chosen language, with its code unchanged (scripts match on codes). */
export function describeRowError(
  error: RowError,
  locale: ImportLocale,
  zh: ZhMessages = {},
): string {
  const message =
    locale === 'en'
      ? error.message
      : ((zh[error.code] ?? SHARED_ZH_MESSAGES[error.code])?.(error) ?? error.message);
  const where =
    error.row === 0
      ? locale === 'en'
        ? 'file'
        : '整个文件'
      : locale === 'en'
        ? `row ${error.row}`
        : `第 ${error.row} 行`;
  return locale === 'en'
    ? `${where} ${error.field}: ${error.code} ${message}`
    : `${where} ${error.field}：${error.code} ${message}`;
}

export function wasRolledBack(report: ImportReport): boolean {
  return report.errors.some((e) => e.row === 0 && e.code === IMPORT_ROLLED_BACK);
}

/** The report as a user reads it: a summary line, then the first `limit` errors. */
export function renderReport(
  report: ImportReport,
  locale: ImportLocale,
  zh: ZhMessages = {},
  limit = 100,
): string {
  const { total, created, updated, unchanged, failed } = report;
  const en = locale === 'en';
  const summary = wasRolledBack(report)
    ? en
      ? `${total} rows: nothing written, the import was rolled back`
      : `共 ${total} 行：导入已回滚，未写入任何数据`
    : en
      ? `${total} rows: ${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed${report.dryRun ? ' (dry run: nothing written)' : ''}`
      : `共 ${total} 行：新建 ${created}，更新 ${updated}，未变 ${unchanged}，失败 ${failed}${report.dryRun ? '（试运行：未写入任何数据）' : ''}`;
  const lines = [
    summary,
    ...report.errors.slice(0, limit).map((e) => `  ${describeRowError(e, locale, zh)}`),
  ];
  const more = report.errors.length - limit;
  if (more > 0) {
    lines.push(
      en
        ? `  ... and ${more} more (use --json for all)`
        : `  ……另有 ${more} 条（使用 --json 查看全部）`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The other texts of an import's command line. */
export const CLI_TEXTS: Readonly<
  Record<
    ImportLocale,
    {
      readonly checking: string;
      readonly importing: string;
      readonly failed: (cause: string) => string;
      readonly badLang: (value: string) => string;
    }
  >
> = {
  'zh-CN': {
    checking: '检查',
    importing: '导入',
    failed: (cause) => `导入失败，未写入任何数据：${cause}`,
    badLang: (value) => `不支持的语言 '${value}'；可选 zh-CN 或 en。`,
  },
  en: {
    checking: 'checking',
    importing: 'importing',
    failed: (cause) => `The import failed and nothing was written: ${cause}`,
    badLang: (value) => `Unknown language '${value}'; use zh-CN or en.`,
  },
};
