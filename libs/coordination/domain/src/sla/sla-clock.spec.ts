import { businessCalendar } from '../calendar/business-calendar.js';
import { chinaInstant } from '../calendar/china-time.js';
import {
  clockStatus,
  pauseClock,
  restartClock,
  resumeClock,
  startClock,
  stopClock,
  type ClockResult,
  type SlaClock,
} from './sla-clock.js';
import { DEFAULT_SLA_POLICY } from './sla-policy.js';

const calendar = businessCalendar();
const at = (date: string, time: string) => chinaInstant(date, time);
const ok = (result: ClockResult): SlaClock => {
  if (!result.ok) throw new Error(result.refusal.code);
  return result.clock;
};
const complaintB = { tier: 'B', priority: 'P2', type: 'COMPLAINT' } as const; // 540 minutes

describe('an SLA clock', () => {
  it('gives a tier A P1 request raised on the eve of National Day its response time after the holiday', () => {
    const clock = startClock('RESPONSE', at('2026-09-30', '17:45'), DEFAULT_SLA_POLICY, {
      tier: 'A',
      priority: 'P1',
      type: 'LEASED_LINE_BUILD',
    });
    expect(clock.targetMinutes).toBe(30);
    expect(clockStatus(clock, at('2026-10-03', '12:00'), calendar)).toMatchObject({
      dueAt: at('2026-10-08', '09:15'),
      usedMinutes: 15,
      timeLeftMinutes: 15,
      breach: 'ON_TRACK',
    });
  });

  it('moves from on track to warning at 75 % to breached at the due time', () => {
    const clock = startClock(
      'RESOLUTION',
      at('2026-12-02', '09:00'),
      DEFAULT_SLA_POLICY,
      complaintB,
    );
    const status = (time: string) => clockStatus(clock, at('2026-12-02', time), calendar);
    expect(status('15:44').breach).toBe('ON_TRACK');
    expect(status('15:45').breach).toBe('WARNING');
    expect(status('15:45').warningAt).toEqual(at('2026-12-02', '15:45'));
    expect(status('17:59').breach).toBe('WARNING');
    expect(status('18:00')).toMatchObject({ breach: 'BREACHED', timeLeftMinutes: 0 });
    expect(clockStatus(clock, at('2026-12-03', '10:00'), calendar).timeLeftMinutes).toBe(-60);
  });

  it('does not count a pause for the customer that spans the National Day holiday', () => {
    const started = startClock(
      'RESOLUTION',
      at('2026-09-29', '09:00'),
      DEFAULT_SLA_POLICY,
      complaintB,
    );
    const paused = ok(pauseClock(started, at('2026-09-29', '10:00')));
    const whilePaused = clockStatus(paused, at('2026-10-05', '12:00'), calendar);
    expect(whilePaused).toMatchObject({ run: 'PAUSED', dueAt: null, usedMinutes: 60 });
    expect(whilePaused.pausedMinutes).toBe(480 + 540);

    const resumed = ok(resumeClock(paused, at('2026-10-08', '10:00')));
    expect(clockStatus(resumed, at('2026-10-08', '12:00'), calendar)).toMatchObject({
      run: 'RUNNING',
      dueAt: at('2026-10-08', '18:00'),
      usedMinutes: 180,
      pausedMinutes: 1080,
      breach: 'ON_TRACK',
    });
    expect(clockStatus(started, at('2026-10-08', '12:00'), calendar).dueAt).toEqual(
      at('2026-09-29', '18:00'),
    );
  });

  it('counts a request stopped exactly at its due time as met, and later as breached', () => {
    const clock = startClock(
      'RESOLUTION',
      at('2026-12-02', '09:00'),
      DEFAULT_SLA_POLICY,
      complaintB,
    );
    const onTime = ok(stopClock(clock, at('2026-12-02', '18:00')));
    expect(clockStatus(onTime, at('2026-12-09', '09:00'), calendar)).toMatchObject({
      run: 'STOPPED',
      breach: 'WARNING',
      timeLeftMinutes: 0,
    });
    const late = ok(stopClock(clock, at('2026-12-03', '09:01')));
    expect(clockStatus(late, at('2026-12-09', '09:00'), calendar).breach).toBe('BREACHED');
  });

  it('runs again on reopening without counting the time it stood resolved', () => {
    const clock = startClock(
      'RESOLUTION',
      at('2026-12-02', '09:00'),
      DEFAULT_SLA_POLICY,
      complaintB,
    );
    const stopped = ok(stopClock(clock, at('2026-12-02', '12:00')));
    const reopened = ok(restartClock(stopped, at('2026-12-04', '09:00')));
    expect(clockStatus(reopened, at('2026-12-04', '10:00'), calendar)).toMatchObject({
      run: 'RUNNING',
      usedMinutes: 240,
      dueAt: at('2026-12-04', '15:00'),
    });
  });

  it('refuses to pause twice, to resume a running clock, or to go back in time', () => {
    const clock = startClock(
      'RESOLUTION',
      at('2026-12-02', '09:00'),
      DEFAULT_SLA_POLICY,
      complaintB,
    );
    const paused = ok(pauseClock(clock, at('2026-12-02', '10:00')));
    const refusal = (r: ClockResult) => (r.ok ? null : r.refusal.code);
    expect(refusal(pauseClock(paused, at('2026-12-02', '11:00')))).toBe('CLOCK_ALREADY_PAUSED');
    expect(refusal(resumeClock(clock, at('2026-12-02', '11:00')))).toBe('CLOCK_NOT_PAUSED');
    expect(refusal(resumeClock(paused, at('2026-12-02', '09:30')))).toBe(
      'CLOCK_TIME_BEFORE_LAST_EVENT',
    );
    const stopped = ok(stopClock(paused, at('2026-12-02', '11:00')));
    expect(stopped.pauses).toEqual([
      { from: at('2026-12-02', '10:00'), to: at('2026-12-02', '11:00') },
    ]);
    expect(refusal(pauseClock(stopped, at('2026-12-02', '12:00')))).toBe('CLOCK_STOPPED');
    expect(refusal(restartClock(clock, at('2026-12-02', '12:00')))).toBe('CLOCK_NOT_STOPPED');
  });
});
