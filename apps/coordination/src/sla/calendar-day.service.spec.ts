import type { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import { addBusinessMinutes, chinaInstant, hasOfficialHolidayData } from '@gap/coordination/domain';
import { openEscalationTestDatabase } from '../escalation/escalation.fixture.js';
import { CalendarDayRepository } from './calendar-day.repository.js';
import { CalendarDayService } from './calendar-day.service.js';
import { SlaCalendarSource } from './sla-calendar.source.js';
import { SlaPolicyRepository } from './sla-policy.repository.js';

const ADMIN: Caller = { subject: 'A0001', roles: ['ADMIN'] };
const STAFF: Caller = { subject: 'D0001', roles: ['DEPARTMENT_STAFF'] };

describe('the business calendar an admin corrects', () => {
  let dataSource: DataSource;
  let days: CalendarDayService;
  let source: SlaCalendarSource;

  beforeAll(async () => {
    dataSource = await openEscalationTestDatabase('calendar');
    const repository = new CalendarDayRepository(dataSource);
    days = new CalendarDayService(repository);
    source = new SlaCalendarSource(new SlaPolicyRepository(dataSource), repository);
  });

  afterAll(() => dataSource?.destroy());

  it('counts a typhoon day closed and a worked Saturday open from the next decision on', async () => {
    // Friday 2026-09-11 17:00: one business hour to go that day, then the Monday.
    const friday = chinaInstant('2026-09-11', '17:00');
    const before = await source.calendar();
    expect(addBusinessMinutes(friday, 120, before)).toEqual(chinaInstant('2026-09-14', '10:00'));
    await days.add(ADMIN, '2026-09-12', 'WORKDAY', '调休上班');
    await days.add(ADMIN, '2026-09-14', 'HOLIDAY', '台风停工');
    const after = await source.calendar();
    expect(addBusinessMinutes(friday, 120, after)).toEqual(chinaInstant('2026-09-12', '10:00'));
    expect(addBusinessMinutes(friday, 60 + 540 + 60, after)).toEqual(
      chinaInstant('2026-09-15', '10:00'),
    );
    const listed = await days.list(STAFF, '2026-09-01', '2026-09-30');
    expect(listed.map((d) => [d.day, d.kind, d.note, d.addedBy])).toEqual([
      ['2026-09-12', 'WORKDAY', '调休上班', 'A0001'],
      ['2026-09-14', 'HOLIDAY', '台风停工', 'A0001'],
    ]);
    expect(await days.remove(ADMIN, '2026-09-14')).toBe(true);
    expect((await days.list(STAFF, '2026-09-01', '2026-09-30')).map((d) => d.day)).toEqual([
      '2026-09-12',
    ]);
  });

  it('refuses a day that is not one, a missing day, and anyone but an admin, each coded', async () => {
    await expect(days.add(ADMIN, '2026-02-30', 'HOLIDAY', 'x')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'day',
    });
    await expect(days.remove(ADMIN, '2026-01-05')).rejects.toMatchObject({
      code: 'CALENDAR_DAY_NOT_FOUND',
    });
    await expect(days.add(STAFF, '2026-10-10', 'HOLIDAY', 'x')).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
    await expect(days.list(STAFF, '2026-10-01', '2026-09-01')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'to',
    });
  });

  it('warns when the holiday data does not know this year or the next', () => {
    const warnings = days.warnings(STAFF, chinaInstant('2026-12-02', '10:00'));
    const expected = [2026, 2027].filter((year) => !hasOfficialHolidayData(year));
    expect(warnings.map((w) => [w.year, w.code, w.hasOfficialHolidayData])).toEqual(
      expected.map((year) => [year, 'OFFICIAL_HOLIDAYS_MISSING', false]),
    );
    expect(expected).toContain(2027);
    expect(warnings.every((w) => w.message.length > 0)).toBe(true);
  });
});
