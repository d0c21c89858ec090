import fc from 'fast-check';
import { businessCalendar } from '../calendar/business-calendar.js';
import { escalationSchedule } from './escalation.js';
import {
  clockStatus,
  instantAfterActiveMinutes,
  type SlaClock,
  type SlaPause,
} from './sla-clock.js';
import { DEFAULT_SLA_POLICY } from './sla-policy.js';

const calendar = businessCalendar();
const instant = fc
  .integer({ min: Date.UTC(2025, 11, 1) / 60_000, max: Date.UTC(2026, 11, 31) / 60_000 })
  .map((minute) => new Date(minute * 60_000));
const target = fc.integer({ min: 1, max: 20 * 540 });
/** Closed pauses after the start, in order, from offsets (wall minutes) and lengths. */
const pauses = (start: Date) =>
  fc
    .array(fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 20_000 })), {
      maxLength: 4,
    })
    .map((gaps) => {
      const list: SlaPause[] = [];
      let cursor = start.getTime();
      for (const [gap, length] of gaps) {
        const from = cursor + gap * 60_000;
        cursor = from + length * 60_000;
        list.push({ from: new Date(from), to: new Date(cursor) });
      }
      return list;
    });
const clockArb = fc.tuple(instant, target).chain(([start, minutes]) =>
  pauses(start).map((list): SlaClock => ({
    kind: 'RESOLUTION',
    startedAt: start,
    targetMinutes: minutes,
    policyVersion: 'p',
    warningShare: 0.75,
    pauses: list,
    stoppedAt: null,
    retargetedAt: null,
  })),
);
const due = (clock: SlaClock) => instantAfterActiveMinutes(clock, clock.targetMinutes, calendar);

describe('SLA clocks, for any start, target and pauses', () => {
  it('are due no earlier for a longer target', () => {
    fc.assert(
      fc.property(clockArb, target, (clock, other) => {
        const longer = { ...clock, targetMinutes: Math.max(clock.targetMinutes, other) };
        expect(due(longer)!.getTime()).toBeGreaterThanOrEqual(due(clock)!.getTime());
      }),
    );
  });

  it('are never due earlier for a pause', () => {
    fc.assert(
      fc.property(clockArb, (clock) => {
        const unpaused = { ...clock, pauses: [] };
        expect(due(clock)!.getTime()).toBeGreaterThanOrEqual(due(unpaused)!.getTime());
      }),
    );
  });

  it('have used exactly their target at the due time, and breach then', () => {
    fc.assert(
      fc.property(clockArb, (clock) => {
        const status = clockStatus(clock, due(clock)!, calendar);
        expect(status.usedMinutes).toBe(clock.targetMinutes);
        expect(status.breach).toBe('BREACHED');
      }),
    );
  });

  it('escalate in ladder order', () => {
    fc.assert(
      fc.property(clockArb, (clock) => {
        const times = escalationSchedule(clock, DEFAULT_SLA_POLICY, calendar).map((s) =>
          s.firesAt!.getTime(),
        );
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
    );
  });
});
