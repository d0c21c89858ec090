import { DomainError, violation } from '@gap/errors';

export const CalendarDayErrors = {
  notADate: (field: string, value: string): DomainError =>
    DomainError.invalidInput([
      violation(field, 'CALENDAR_DATE_INVALID', {
        'zh-CN': `${value} 不是有效日期（YYYY-MM-DD）。`,
        en: `${value} is not a date (YYYY-MM-DD).`,
      }),
    ]),

  rangeInvalid: (): DomainError =>
    DomainError.invalidInput([
      violation('to', 'CALENDAR_RANGE_INVALID', {
        'zh-CN': '结束日期不能早于开始日期，且范围不超过 3 年。',
        en: 'The end may not be before the start, nor more than 3 years after it.',
      }),
    ]),

  notFound: (day: string): DomainError =>
    DomainError.notFound(
      'CALENDAR_DAY_NOT_FOUND',
      { 'zh-CN': `${day} 不是管理员添加的日期。`, en: `${day} is not a day an admin added.` },
      'day',
    ),
};
