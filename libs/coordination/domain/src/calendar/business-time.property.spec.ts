import fc from 'fast-check';
import { businessCalendar } from './business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.js';
import { chinaDate } from './china-time.js';

// Instants from December 2025 to January 2027, on the minute, over every holiday of 2026.
const instant = fc
  .integer({ min: Date.UTC(2025, 11, 1) / 60_000, max: Date.UTC(2027, 0, 31) / 60_000 })
  .map((minute) => new Date(minute * 60_000));
const minutes = fc.integer({ min: 0, max: 30 * 540 });
const adminDays = fc.array(instant.map(chinaDate), { maxLength: 6 });
const calendarArb = fc
  .record({ extraHolidays: adminDays, extraWorkdays: adminDays })
  .map((days) => businessCalendar(days));

describe('business time, for any start and any calendar', () => {
  it('counts back exactly the minutes it added', () => {
    fc.assert(
      fc.property(instant, minutes, calendarArb, (start, n, calendar) => {
        const end = addBusinessMinutes(start, n, calendar);
        expect(businessMinutesBetween(start, end, calendar)).toBe(n);
      }),
    );
  });

  it('never goes back in time, and more minutes never end earlier', () => {
    fc.assert(
      fc.property(instant, minutes, minutes, calendarArb, (start, a, b, calendar) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const first = addBusinessMinutes(start, less, calendar);
        expect(first.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(addBusinessMinutes(start, more, calendar).getTime()).toBeGreaterThanOrEqual(
          first.getTime(),
        );
      }),
    );
  });

  it('adds up over consecutive stretches and is antisymmetric', () => {
    fc.assert(
      fc.property(instant, instant, instant, (x, y, z) => {
        const calendar = businessCalendar();
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = businessMinutesBetween(a, c, calendar);
        expect(
          businessMinutesBetween(a, b, calendar) + businessMinutesBetween(b, c, calendar),
        ).toBe(whole);
        expect(businessMinutesBetween(c, a, calendar)).toBe(-whole);
      }),
    );
  });
});
