import { businessCalendar } from '../calendar/business-calendar.js';
import { chinaInstant } from '../calendar/china-time.js';
import { dueEscalations, escalationSchedule } from './escalation.js';
import { pauseClock, resumeClock, startClock, stopClock, type ClockResult } from './sla-clock.js';
import { DEFAULT_SLA_POLICY } from './sla-policy.js';

const calendar = businessCalendar();
const at = (date: string, time: string) => chinaInstant(date, time);
const clockOf = (result: ClockResult) => {
  if (!result.ok) throw new Error(result.refusal.code);
  return result.clock;
};
// Tier B, P2 complaint: 540 business minutes to resolve.
const subject = { tier: 'B', priority: 'P2', type: 'COMPLAINT' } as const;
const fires = (steps: ReturnType<typeof escalationSchedule>) =>
  steps.map((step) => [step.kind, step.firesAt?.toISOString() ?? null]);

describe('the escalation ladder', () => {
  it('warns at 75 %, goes to the department head at the breach, then up the ladder, skipping National Day', () => {
    const clock = startClock('RESOLUTION', at('2026-09-30', '09:00'), DEFAULT_SLA_POLICY, subject);
    expect(fires(escalationSchedule(clock, DEFAULT_SLA_POLICY, calendar))).toEqual([
      ['WARNING', at('2026-09-30', '15:45').toISOString()],
      ['DEPARTMENT_HEAD', at('2026-09-30', '18:00').toISOString()],
      ['COORDINATION_LEAD', at('2026-10-08', '13:30').toISOString()],
      ['SENIOR_MANAGEMENT', at('2026-10-09', '18:00').toISOString()],
    ]);
  });

  it('reschedules every step still to come when the clock pauses and resumes', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const paused = clockOf(pauseClock(clock, at('2026-12-02', '16:00')));
    expect(fires(escalationSchedule(paused, DEFAULT_SLA_POLICY, calendar))).toEqual([
      ['WARNING', at('2026-12-02', '15:45').toISOString()],
      ['DEPARTMENT_HEAD', null],
      ['COORDINATION_LEAD', null],
      ['SENIOR_MANAGEMENT', null],
    ]);
    const resumed = clockOf(resumeClock(paused, at('2026-12-03', '10:00')));
    expect(fires(escalationSchedule(resumed, DEFAULT_SLA_POLICY, calendar))).toEqual([
      ['WARNING', at('2026-12-02', '15:45').toISOString()],
      ['DEPARTMENT_HEAD', at('2026-12-03', '12:00').toISOString()],
      ['COORDINATION_LEAD', at('2026-12-03', '16:30').toISOString()],
      ['SENIOR_MANAGEMENT', at('2026-12-07', '12:00').toISOString()],
    ]);
  });

  it('drops the steps after the clock stopped: a met target escalates no further', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const met = clockOf(stopClock(clock, at('2026-12-02', '16:00')));
    expect(fires(escalationSchedule(met, DEFAULT_SLA_POLICY, calendar))).toEqual([
      ['WARNING', at('2026-12-02', '15:45').toISOString()],
    ]);
    const onTheDot = clockOf(stopClock(clock, at('2026-12-02', '18:00')));
    expect(escalationSchedule(onTheDot, DEFAULT_SLA_POLICY, calendar).map((s) => s.kind)).toEqual([
      'WARNING',
    ]);
  });

  it('hands the scheduler the steps due and not yet fired, never one early', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const schedule = escalationSchedule(clock, DEFAULT_SLA_POLICY, calendar);
    const keys = (now: Date, fired: string[] = []) =>
      dueEscalations(schedule, now, new Set(fired)).map((s) => s.key);
    expect(keys(new Date(at('2026-12-02', '18:00').getTime() - 1))).toEqual(['RESOLUTION:WARNING']);
    expect(keys(at('2026-12-02', '18:00'), ['RESOLUTION:WARNING'])).toEqual([
      'RESOLUTION:DEPARTMENT_HEAD',
    ]);
  });
});
