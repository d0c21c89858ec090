import type { ImportLocale } from '@gap/bulk-import';
import { ROLES } from '@gap/authz';

/** The command line's options for the filter: the REST query's parameters, in kebab case. */
export const FILTER_OPTIONS = [
  'tiers',
  'segments',
  'statuses',
  'types',
  'industryCodes',
  'regionCode',
  'primaryManagerId',
  'teamMemberId',
  'handoverStates',
  'tierChange',
  'currentValueMin',
  'currentValueMax',
  'potentialValueMin',
  'potentialValueMax',
  'nameContains',
  'tag',
  'orderBy',
  'direction',
] as const;

export const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const OPTIONS = FILTER_OPTIONS.map((name) => `--${kebab(name)}`).join(' ');

export interface ExportTexts {
  readonly usage: string;
  readonly exporting: string;
  readonly done: (rows: number, out: string) => string;
  readonly refused: string;
  readonly closed: string;
  readonly failed: (cause: string) => string;
  readonly badRole: (role: string) => string;
  readonly badLang: (value: string) => string;
  /** A refused option, by its reason (class-validator's or the platform's code). */
  readonly reason: (reason: string, message: string) => string;
}

const ZH_REASONS: Readonly<Record<string, string>> = {
  isIn: '不是可选的取值之一',
  arrayMaxSize: '列出的取值过多',
  matches: '格式不正确（地区代码为 2、4 或 6 位数字）',
  NOT_WHOLE_FEN: '应为整数金额（单位：分）',
  FEN_OUT_OF_RANGE: '金额超出允许范围',
  NOT_AN_EMPLOYEE_NUMBER: '不是有效的工号',
  RANGE_REVERSED: '下限大于上限',
  TOO_LONG: '过长',
  EMPTY: '不能为空',
  unknownField: '不是可用的选项',
};

export const EXPORT_TEXTS: Readonly<Record<ImportLocale, ExportTexts>> = {
  'zh-CN': {
    usage: `把客户组合按筛选条件导出为 CSV 文件（UTF-8 带 BOM，Excel 可直接打开中文），从客户数据库
（DATABASE_URL，默认为内置数据库）逐页读取，不把全部行放在内存中。

  npm run export:portfolio -- [--out <文件.csv>|-] [--as <工号>] [--role <角色>] [筛选条件] [--lang zh-CN|en]

--out     输出文件，默认为当前目录下的 portfolio-YYYYMMDD.csv；先写入 <文件>.part，完成后
          才改名，中途失败不会留下看似完整的文件。"-" 表示写到标准输出（此时不显示进度条）。
--as      以该工号的身份导出（默认 export-cli）；--role 为其角色（默认 ADMIN，即全部客户；
          ${ROLES.join('、')}），可见范围与客户列表相同。
筛选条件（与 REST 接口 /api/v1/accounts/portfolio/export 的参数相同，列表以逗号分隔，金额单位为分）：
  ${OPTIONS}
进度条的总数为同一筛选条件的分面计数。
退出码：0 导出完成；1 参数无效、无权导出或导出失败（不留下输出文件）。`,
    exporting: '导出',
    done: (rows, out) => `已导出 ${rows} 个客户到 ${out}`,
    refused: '参数无效：',
    closed: '输出在完成前被关闭',
    failed: (cause) => `导出失败，未生成文件：${cause}`,
    badRole: (role) => `未知角色 '${role}'；可选 ${ROLES.join('、')}。`,
    badLang: (value) => `不支持的语言 '${value}'；可选 zh-CN 或 en。`,
    reason: (reason, message) => ZH_REASONS[reason] ?? message,
  },
  en: {
    usage: `Exports the portfolio for a filter as a CSV file (UTF-8 with a BOM, so that Excel opens
Chinese names), read from the accounts database (DATABASE_URL, the embedded server by default) a
page at a time, never all rows at once.

  npm run export:portfolio -- [--out <file.csv>|-] [--as <employee no.>] [--role <role>] [filter] [--lang zh-CN|en]

--out     The file; portfolio-YYYYMMDD.csv in the current directory by default. Written as
          <file>.part and renamed when complete, so a failed export leaves no file that looks
          whole. "-" writes to standard output (without the progress bar).
--as      Exports as this employee (export-cli by default); --role is their role (ADMIN by
          default: every account; ${ROLES.join(', ')}), seeing what the account list shows them.
Filter (the parameters of the REST route /api/v1/accounts/portfolio/export; lists are
comma-separated, amounts in fen):
  ${OPTIONS}
The progress bar's total is the facet count of the same filter.
Exit code: 0 exported; 1 a bad option, not allowed, or the export failed (no file is left).`,
    exporting: 'exporting',
    done: (rows, out) => `Exported ${rows} accounts to ${out}`,
    refused: 'Invalid options:',
    closed: 'the output closed before the end',
    failed: (cause) => `The export failed and no file was written: ${cause}`,
    badRole: (role) => `Unknown role '${role}'; use one of ${ROLES.join(', ')}.`,
    badLang: (value) => `Unknown language '${value}'; use zh-CN or en.`,
    reason: (_reason, message) => message,
  },
};
