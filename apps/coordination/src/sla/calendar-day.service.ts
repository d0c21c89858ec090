import { Injectable, Logger, Optional } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { addDays, isCalendarDate, todayInChina, type CalendarDate } from '@gap/calendar';
import { COORDINATION_PERMISSIONS, hasOfficialHolidayData } from '@gap/coordination/domain';
import { localize } from '@gap/i18n';
import { CalendarDayErrors } from './calendar-day.errors.js';
import { OpenRequestsReplanner } from './escalation-planner.js';
import {
  CalendarDayRepository,
  type CalendarDayKind,
  type CalendarDayRow,
} from './calendar-day.repository.js';
import type { BusinessCalendarWarning } from './calendar-day.types.js';

const MAX_RANGE_DAYS = 3 * 366;

/**
 * The admin's corrections to China's official calendar. A change moves the due times of running
 * clocks, so the escalation ladder of every open request is planned again after it.
 */
@Injectable()
export class CalendarDayService {
  private readonly logger = new Logger(CalendarDayService.name);

  constructor(
    private readonly days: CalendarDayRepository,
    @Optional() private readonly sweeper?: OpenRequestsReplanner,
  ) {}

  async list(caller: Caller, from: string, to: string): Promise<CalendarDayRow[]> {
    authorize(COORDINATION_PERMISSIONS, 'calendarDays', caller);
    const start = date('from', from);
    const end = date('to', to);
    if (end < start || addDays(start, MAX_RANGE_DAYS) < end) throw CalendarDayErrors.rangeInvalid();
    return this.days.between(start, end);
  }

  async add(
    caller: Caller,
    day: string,
    kind: CalendarDayKind,
    note: string,
  ): Promise<CalendarDayRow> {
    authorize(COORDINATION_PERMISSIONS, 'addCalendarDay', caller);
    const saved = await this.days.save({
      day: date('day', day),
      kind,
      note: note.trim(),
      addedBy: caller.subject,
    });
    await this.replanOpenRequests();
    return saved;
  }

  async remove(caller: Caller, day: string): Promise<boolean> {
    authorize(COORDINATION_PERMISSIONS, 'removeCalendarDay', caller);
    if (!(await this.days.remove(date('day', day)))) throw CalendarDayErrors.notFound(day);
    await this.replanOpenRequests();
    return true;
  }

  /** This year and next (China), when the official holiday data does not know them yet. */
  warnings(caller: Caller, now: Date = new Date()): BusinessCalendarWarning[] {
    authorize(COORDINATION_PERMISSIONS, 'businessCalendarWarnings', caller);
    const year = Number(todayInChina(now).slice(0, 4));
    return [year, year + 1]
      .filter((y) => !hasOfficialHolidayData(y))
      .map((y) => ({
        year: y,
        code: 'OFFICIAL_HOLIDAYS_MISSING',
        hasOfficialHolidayData: false,
        message: localize({
          'zh-CN': `节假日数据尚无 ${y} 年的国务院安排：请添加已公布的节假日和调休工作日，或更新数据包。`,
          en: `The holiday data does not have ${y}'s official calendar yet: add the announced holidays and worked weekends, or update the package.`,
        }),
      }));
  }

  /** The change is saved either way; a failed replan is made up by the start-up sweep. */
  private async replanOpenRequests(): Promise<void> {
    try {
      await this.sweeper?.replanOpenRequests();
    } catch (error) {
      this.logger.error(`replanning after a calendar change failed: ${String(error)}`);
    }
  }
}

function date(field: string, value: string): CalendarDate {
  if (!isCalendarDate(value)) throw CalendarDayErrors.notADate(field, value);
  return value;
}
