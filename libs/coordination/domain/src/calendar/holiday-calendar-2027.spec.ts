import { businessCalendar, hasOfficialHolidayData, isBusinessDay } from './business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.js';
import { chinaInstant } from './china-time.js';

const at = (date: string, time: string) => chinaInstant(date, time);

// The State Council announces a year's holidays late in the year before; until the holiday
// data has them, an admin enters the announced days. The days below are an illustration of
// such an entry around the 2027 Spring Festival (6 February), not the official arrangement.
const announced = {
  extraHolidays: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
  extraWorkdays: ['2027-01-30'],
};

describe('a year the holiday data may not know yet (2027)', () => {
  it('follows what an admin enters, on top of the data', () => {
    const calendar = businessCalendar(announced);
    expect(isBusinessDay('2027-01-30', calendar)).toBe(true); // a Saturday, worked
    expect(isBusinessDay('2027-02-08', calendar)).toBe(false); // a Monday, off
    expect(addBusinessMinutes(at('2027-02-04', '17:00'), 120, calendar)).toEqual(
      at('2027-02-12', '10:00'),
    );
    expect(
      businessMinutesBetween(at('2027-01-29', '09:00'), at('2027-02-12', '09:00'), calendar),
    ).toBe(6 * 540);
  });

  it('counts the weekdays of an unannounced year as working, and says whether the data knows it', () => {
    const calendar = businessCalendar();
    // New Year's Day 2027 is a Friday: a holiday once the data knows 2027, a working day before.
    expect(isBusinessDay('2027-01-01', calendar)).toBe(!hasOfficialHolidayData(2027));
    expect(isBusinessDay('2027-02-06', calendar)).toBe(false); // a Saturday either way
  });
});
