import { businessCalendar } from '../calendar/business-calendar.js';
import { chinaInstant } from '../calendar/china-time.js';
import {
  clockStatus,
  pauseClock,
  retargetClock,
  retargetOpenClock,
  startClock,
  stopClock,
  type ClockResult,
} from './sla-clock.js';
import { DEFAULT_SLA_POLICY, slaPolicyProblems, slaTarget, type SlaPolicy } from './sla-policy.js';

const calendar = businessCalendar();
const at = (date: string, time: string) => chinaInstant(date, time);
const subject = { tier: 'B', priority: 'P2', type: 'COMPLAINT' } as const;
const faster: SlaPolicy = {
  ...DEFAULT_SLA_POLICY,
  version: 'faster-2027.1',
  resolutionMinutes: {
    ...DEFAULT_SLA_POLICY.resolutionMinutes,
    COMPLAINT: { P1: 120, P2: 240, P3: 540, P4: 1080 },
  },
};
const clockOf = (result: ClockResult) => {
  if (!result.ok) throw new Error(result.refusal.code);
  return result.clock;
};

describe('SLA targets and policy changes', () => {
  it('looks targets up by tier, priority and type, scaling resolution by tier', () => {
    expect(slaTarget(DEFAULT_SLA_POLICY, 'RESPONSE', { ...subject, tier: 'A' })).toBe(60);
    expect(slaTarget(DEFAULT_SLA_POLICY, 'RESOLUTION', subject)).toBe(540);
    expect(slaTarget(DEFAULT_SLA_POLICY, 'RESOLUTION', { ...subject, tier: 'A' })).toBe(405);
    expect(slaTarget(DEFAULT_SLA_POLICY, 'RESOLUTION', { ...subject, tier: 'C' })).toBe(810);
    expect(
      slaTarget(DEFAULT_SLA_POLICY, 'RESOLUTION', { ...subject, type: 'LEASED_LINE_BUILD' }),
    ).toBe(10 * 540);
  });

  it('keeps a running clock on the policy version it started with', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    expect(clock.policyVersion).toBe('default-2026.1');
    expect(clockStatus(clock, at('2026-12-02', '14:00'), calendar).dueAt).toEqual(
      at('2026-12-02', '18:00'),
    );
  });

  it('re-targets a clock under a new policy from the same start', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const retargeted = clockOf(retargetClock(clock, faster, subject, at('2026-12-02', '10:00')));
    expect(clockStatus(retargeted, at('2026-12-02', '11:59'), calendar).breach).toBe('ON_TRACK');
    expect(clockStatus(retargeted, at('2026-12-02', '12:00'), calendar)).toMatchObject({
      policyVersion: 'faster-2027.1',
      dueAt: at('2026-12-02', '13:00'),
      breach: 'WARNING',
    });
  });

  it('never back-dates a breach: a shorter target already used up is due when re-targeted', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const retargeted = clockOf(retargetClock(clock, faster, subject, at('2026-12-02', '15:00')));
    expect(clockStatus(retargeted, at('2026-12-02', '15:00'), calendar)).toMatchObject({
      dueAt: at('2026-12-02', '15:00'),
      breach: 'BREACHED',
      timeLeftMinutes: -120,
    });
  });

  it('re-targets after a tier change from that moment', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const tierA = { ...subject, tier: 'A' } as const;
    const retargeted = clockOf(
      retargetClock(clock, DEFAULT_SLA_POLICY, tierA, at('2026-12-02', '11:00')),
    );
    expect(retargeted.targetMinutes).toBe(405);
    expect(clockStatus(retargeted, at('2026-12-02', '11:00'), calendar).dueAt).toEqual(
      at('2026-12-02', '15:45'),
    );
  });

  it('accepts the defaults and names every field of a bad policy', () => {
    expect(slaPolicyProblems(DEFAULT_SLA_POLICY)).toEqual([]);
    const bad: SlaPolicy = {
      ...DEFAULT_SLA_POLICY,
      version: ' ',
      responseMinutes: {
        ...DEFAULT_SLA_POLICY.responseMinutes,
        A: { P1: 0, P2: -5, P3: 120, P4: 240 },
      },
      warningShare: 1,
      escalation: [
        { level: 'DEPARTMENT_HEAD', afterBreachMinutes: 60 },
        { level: 'COORDINATION_LEAD', afterBreachMinutes: 30 },
      ],
      reopenWindowDays: -1,
    };
    expect(slaPolicyProblems(bad).map((p) => [p.code, p.figures['field']])).toEqual([
      ['POLICY_VERSION_MISSING', 'version'],
      ['POLICY_TARGET_NOT_POSITIVE', 'responseMinutes.A.P1'],
      ['POLICY_TARGET_NOT_POSITIVE', 'responseMinutes.A.P2'],
      ['POLICY_WARNING_SHARE_OUT_OF_RANGE', 'warningShare'],
      ['POLICY_ESCALATION_NOT_ASCENDING', 'escalation.1.afterBreachMinutes'],
      ['POLICY_REOPEN_WINDOW_NEGATIVE', 'reopenWindowDays'],
    ]);
  });
});

describe('a tier change re-targets the clocks still counting', () => {
  const tierA = { ...subject, tier: 'A' } as const;

  it('gives a running clock the new tier’s target from the moment of the change', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const moved = retargetOpenClock(clock, DEFAULT_SLA_POLICY, tierA, at('2026-12-02', '11:00'));
    expect(moved).toMatchObject({ targetMinutes: 405, retargetedAt: at('2026-12-02', '11:00') });
  });

  it('applies a change learnt after the clock moved as of that later moment', () => {
    const clock = startClock('RESOLUTION', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const paused = clockOf(pauseClock(clock, at('2026-12-02', '12:00')));
    const moved = retargetOpenClock(paused, DEFAULT_SLA_POLICY, tierA, at('2026-12-02', '11:00'));
    expect(moved.retargetedAt).toEqual(at('2026-12-02', '12:00'));
    expect(moved.targetMinutes).toBe(405);
  });

  it('leaves a stopped clock, and one whose target does not change, as they were', () => {
    const clock = startClock('RESPONSE', at('2026-12-02', '09:00'), DEFAULT_SLA_POLICY, subject);
    const stopped = clockOf(stopClock(clock, at('2026-12-02', '10:00')));
    expect(retargetOpenClock(stopped, DEFAULT_SLA_POLICY, tierA, at('2026-12-02', '11:00'))).toBe(
      stopped,
    );
    const sameTarget = { ...subject, type: 'OTHER' } as const;
    expect(
      retargetOpenClock(clock, DEFAULT_SLA_POLICY, sameTarget, at('2026-12-02', '11:00')),
    ).toBe(clock);
  });
});
