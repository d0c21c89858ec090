import { DomainError, violation } from '@gap/errors';
import type { RunStatus } from './tiering-run.types.js';

/** Errors of tiering runs, in both languages. */
export const TieringRunErrors = {
  monthInvalid(asOf: string): DomainError {
    return DomainError.invalidInput([
      violation('asOf', 'MONTH_INVALID', {
        'zh-CN': `“${asOf}”不是 YYYY-MM 格式的月份。`,
        en: `'${asOf}' is not a month of the form YYYY-MM.`,
      }),
    ]);
  },
  dateInvalid(field: string, value: string): DomainError {
    return DomainError.invalidInput([
      violation(field, 'DATE_INVALID', {
        'zh-CN': `“${value}”不是 YYYY-MM-DD 格式的日期。`,
        en: `'${value}' is not a date of the form YYYY-MM-DD.`,
      }),
    ]);
  },
  notFound(runId: string): DomainError {
    return DomainError.notFound(
      'RUN_NOT_FOUND',
      { 'zh-CN': `没有分级运行 ${runId}。`, en: `No tiering run ${runId}.` },
      'runId',
    );
  },
  notAPreview(runId: string, status: RunStatus): DomainError {
    return DomainError.conflict(
      status === 'APPLIED' ? 'RUN_ALREADY_APPLIED' : 'RUN_DISCARDED',
      {
        'zh-CN': `分级运行 ${runId} 的状态是 ${status}，不是预览，不能生效。`,
        en: `Run ${runId} is ${status}, not a preview.`,
      },
      'runId',
    );
  },
  stale(newerRunId: string): DomainError {
    return DomainError.conflict(
      'RUN_STALE',
      {
        'zh-CN': `之后预览的分级运行 ${newerRunId} 已经生效；请重新预览。`,
        en: `Run ${newerRunId}, previewed later, has been applied since; preview again.`,
      },
      'runId',
    );
  },
};
