import { rowError } from './import-file.js';
import { describeRowError, importLocale, renderReport } from './import-messages.js';
import { rolledBackReport, type ImportReport } from './import-report.js';

const report: ImportReport = {
  total: 3,
  created: 1,
  updated: 0,
  unchanged: 0,
  failed: 2,
  errors: [
    rowError(2, 'lines', 'TOO_LARGE', 'lines cannot exceed 10000000 a month.', { max: 10000000 }),
    rowError(3, 'month', 'MONTH_INVALID', "'2025-13' is not a month of the form YYYY-MM."),
  ],
  dryRun: false,
};

describe('the language of an import report', () => {
  it.each([
    [undefined, {}, 'zh-CN'],
    [undefined, { LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'C.UTF-8' }, 'zh-CN'],
    [undefined, { LANG: 'en_US.UTF-8' }, 'en'],
    [undefined, { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_GB.UTF-8' }, 'en'],
    [undefined, { LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'zh-CN'],
    ['en', { LANG: 'zh_CN.UTF-8' }, 'en'],
    ['zh-CN', { LC_ALL: 'en_US.UTF-8' }, 'zh-CN'],
  ] as const)('is chosen from --lang %s and the locale %j', (flag, env, expected) => {
    expect(importLocale(flag, env)).toBe(expected);
  });

  it('renders the report in Chinese with the same codes, and in English on request', () => {
    const zh = renderReport(report, 'zh-CN', {
      MONTH_INVALID: () => '月份应为 YYYY-MM 格式。',
    });
    expect(zh).toBe(
      [
        '共 3 行：新建 1，更新 0，未变 0，失败 2',
        '  第 2 行 lines：TOO_LARGE lines 不能超过 10000000。',
        '  第 3 行 month：MONTH_INVALID 月份应为 YYYY-MM 格式。',
        '',
      ].join('\n'),
    );
    expect(renderReport(report, 'en')).toBe(
      [
        '3 rows: 1 created, 0 updated, 0 unchanged, 2 failed',
        '  row 2 lines: TOO_LARGE lines cannot exceed 10000000 a month.',
        "  row 3 month: MONTH_INVALID '2025-13' is not a month of the form YYYY-MM.",
        '',
      ].join('\n'),
    );
  });

  it('falls back to the English message for a code it has no Chinese for', () => {
    expect(describeRowError(rowError(4, 'x', 'SOMETHING_NEW', 'Something new.'), 'zh-CN')).toBe(
      '第 4 行 x：SOMETHING_NEW Something new.',
    );
  });

  it('says plainly that a rolled-back import wrote nothing', () => {
    const rolledBack = rolledBackReport(3, report.errors, 'SQLSTATE 23514');
    expect(rolledBack).toMatchObject({ created: 0, failed: 3 });
    const zh = renderReport(rolledBack, 'zh-CN');
    expect(zh).toContain('共 3 行：导入已回滚，未写入任何数据');
    expect(zh).toContain('整个文件 file：IMPORT_ROLLED_BACK 数据库拒绝了写入（SQLSTATE 23514）');
    expect(renderReport(rolledBack, 'en')).toContain(
      '3 rows: nothing written, the import was rolled back',
    );
  });

  it('lists the first errors and says how many more there are', () => {
    const many = { ...report, errors: [...report.errors, ...report.errors, ...report.errors] };
    expect(renderReport(many, 'zh-CN', {}, 2)).toContain('……另有 4 条（使用 --json 查看全部）');
    expect(renderReport(many, 'en', {}, 2)).toContain('... and 4 more (use --json for all)');
  });
});
