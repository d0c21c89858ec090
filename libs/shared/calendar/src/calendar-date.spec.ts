import { addDays, isCalendarDate, nextYearly, todayInChina } from './calendar-date.js';

describe('calendar dates', () => {
  it('knows which dates exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
  });

  it('finds the next yearly occurrence, on the day itself or after', () => {
    expect(nextYearly('1980-11-25', '2026-11-23')).toBe('2026-11-25');
    expect(nextYearly('1980-11-23', '2026-11-23')).toBe('2026-11-23');
    expect(nextYearly('1980-01-05', '2026-11-23')).toBe('2027-01-05');
    expect(nextYearly('1984-02-29', '2027-02-01')).toBe('2027-02-28');
    expect(nextYearly('1984-02-29', '2028-02-01')).toBe('2028-02-29');
  });

  it('adds days across months and years, and reads today in China', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(todayInChina(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
});
