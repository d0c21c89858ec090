import { businessCalendar, hasOfficialHolidayData, isBusinessDay } from './business-calendar.js';
import { addBusinessMinutes, businessMinutesBetween } from './business-time.js';
import { chinaDate, chinaInstant } from './china-time.js';

const calendar = businessCalendar();
const at = (date: string, time: string) => chinaInstant(date, time);

describe('the business calendar across the 2026 holidays', () => {
  it('knows the 2026 National Day week and the weekends worked for it (调休)', () => {
    expect(isBusinessDay('2026-10-01', calendar)).toBe(false);
    expect(isBusinessDay('2026-10-07', calendar)).toBe(false);
    expect(isBusinessDay('2026-10-08', calendar)).toBe(true);
    expect(isBusinessDay('2026-09-20', calendar)).toBe(true); // a Sunday, worked
    expect(isBusinessDay('2026-10-10', calendar)).toBe(true); // a Saturday, worked
    expect(isBusinessDay('2026-10-11', calendar)).toBe(false); // an ordinary Sunday
  });

  it('carries a target over the National Day week to the first working day after it', () => {
    expect(addBusinessMinutes(at('2026-09-30', '17:00'), 120, calendar)).toEqual(
      at('2026-10-08', '10:00'),
    );
  });

  it('works on the adjusted Sunday before National Day', () => {
    expect(addBusinessMinutes(at('2026-09-18', '17:00'), 120, calendar)).toEqual(
      at('2026-09-20', '10:00'),
    );
  });

  it('works on the adjusted Saturday after National Day', () => {
    expect(addBusinessMinutes(at('2026-10-09', '17:30'), 60, calendar)).toEqual(
      at('2026-10-10', '09:30'),
    );
  });

  it('skips the nine days of the 2026 Spring Festival but works the Saturday before it', () => {
    expect(addBusinessMinutes(at('2026-02-13', '17:00'), 120, calendar)).toEqual(
      at('2026-02-14', '10:00'),
    );
    expect(addBusinessMinutes(at('2026-02-14', '17:00'), 120, calendar)).toEqual(
      at('2026-02-24', '10:00'),
    );
    expect(
      businessMinutesBetween(at('2026-02-13', '09:00'), at('2026-02-24', '09:00'), calendar),
    ).toBe(2 * 540);
  });

  it('starts a clock raised at midnight or after hours at the next opening', () => {
    expect(addBusinessMinutes(at('2026-12-02', '00:00'), 60, calendar)).toEqual(
      at('2026-12-02', '10:00'),
    );
    expect(addBusinessMinutes(at('2026-12-02', '23:59'), 60, calendar)).toEqual(
      at('2026-12-03', '10:00'),
    );
    expect(addBusinessMinutes(at('2026-12-04', '20:00'), 30, calendar)).toEqual(
      at('2026-12-07', '09:30'),
    );
    expect(
      businessMinutesBetween(at('2026-12-04', '18:00'), at('2026-12-07', '09:00'), calendar),
    ).toBe(0);
  });

  it('is due at closing time when the target ends exactly then', () => {
    expect(addBusinessMinutes(at('2026-12-02', '09:00'), 540, calendar)).toEqual(
      at('2026-12-02', '18:00'),
    );
  });

  it('counts China Standard Time whatever zone the machine is in', () => {
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'America/Los_Angeles';
      expect(addBusinessMinutes(at('2026-09-30', '17:00'), 120, calendar).toISOString()).toBe(
        '2026-10-08T02:00:00.000Z',
      );
      expect(chinaDate(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('follows business hours set by policy', () => {
    const longDay = businessCalendar({ hours: { opens: '08:30', closes: '20:00' } });
    expect(addBusinessMinutes(at('2026-12-02', '19:30'), 60, longDay)).toEqual(
      at('2026-12-03', '09:00'),
    );
    expect(() => businessCalendar({ hours: { opens: '18:00', closes: '09:00' } })).toThrow(
      RangeError,
    );
  });
});

describe('days an admin adds', () => {
  it('closes an extra holiday and opens an extra working day', () => {
    const adjusted = businessCalendar({
      extraHolidays: ['2026-12-04'], // a Friday, e.g. a typhoon day
      extraWorkdays: ['2026-12-05'], // the Saturday worked instead
    });
    expect(addBusinessMinutes(at('2026-12-03', '17:00'), 120, adjusted)).toEqual(
      at('2026-12-05', '10:00'),
    );
    expect(addBusinessMinutes(at('2026-12-03', '17:00'), 120, calendar)).toEqual(
      at('2026-12-04', '10:00'),
    );
  });

  it('lets an extra holiday win over an extra working day on the same date', () => {
    const both = businessCalendar({ extraHolidays: ['2026-12-05'], extraWorkdays: ['2026-12-05'] });
    expect(isBusinessDay('2026-12-05', both)).toBe(false);
  });

  it('refuses a malformed date', () => {
    expect(() => businessCalendar({ extraHolidays: ['2026-02-30'] })).toThrow(RangeError);
  });

  it('tells which years the holiday data knows, so an admin can fill a year in', () => {
    expect(hasOfficialHolidayData(2026)).toBe(true);
    expect(hasOfficialHolidayData(2003)).toBe(false);
  });
});
