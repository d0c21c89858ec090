import type { RequestCommand } from '../request/request-commands.js';
import type { Callback } from '../model/coordination-terms.js';
import { transition } from '../request/request-transition.js';
import {
  accepted,
  aRequest,
  contextFor,
  coordinator,
  refusalCode,
} from '../request/request.fixture.js';
import { callbackDecision, callbackProblems } from './complaint.js';

const resolvedAt = new Date('2026-12-01T06:00:00Z');
const now = new Date('2026-12-02T02:00:00Z');
const resolvedComplaint = aRequest({
  type: 'COMPLAINT',
  state: 'RESOLVED',
  leadDepartmentId: 'NETWORK',
  resolvedAt,
});
const callback = (overrides: Partial<Callback> = {}): Callback => ({
  callerId: 'E1001',
  calledAt: new Date('2026-12-02T01:00:00Z'),
  satisfaction: 4,
  confirmsResolution: true,
  ...overrides,
});
const record = (c: Callback): RequestCommand => ({ kind: 'RECORD_CALLBACK', callback: c });

describe('a complaint and its callback (回访)', () => {
  it('cannot close without a callback', () => {
    expect(
      refusalCode(transition(resolvedComplaint, { kind: 'CLOSE' }, contextFor(coordinator, now))),
    ).toBe('COMPLAINT_CALLBACK_REQUIRED');
    expect(
      refusalCode(transition(resolvedComplaint, { kind: 'CONFIRM' }, contextFor(coordinator, now))),
    ).toBe('COMPLAINT_CONFIRMED_BY_CALLBACK');
  });

  it('closes after a satisfied callback', () => {
    const confirmed = accepted(
      transition(resolvedComplaint, record(callback()), contextFor(coordinator, now)),
    );
    expect(confirmed.request.state).toBe('CONFIRMED');
    expect(confirmed.events).toEqual(['ComplaintCallbackRecorded']);
    const closed = accepted(
      transition(confirmed.request, { kind: 'CLOSE' }, contextFor(coordinator, now)),
    );
    expect(closed.events).toEqual(['RequestClosed', 'ComplaintClosed']);
  });

  it.each([
    ['satisfaction 2', callback({ satisfaction: 2 })],
    ['satisfaction 1', callback({ satisfaction: 1 })],
    [
      'a customer who does not confirm resolution',
      callback({ satisfaction: 5, confirmsResolution: false }),
    ],
  ])('reopens on a dissatisfied callback: %s', (_, dissatisfied) => {
    const outcome = accepted(
      transition(resolvedComplaint, record(dissatisfied), contextFor(coordinator, now)),
    );
    expect(outcome.request).toMatchObject({
      state: 'IN_PROGRESS',
      reopenCount: 1,
      callbacks: [dissatisfied],
    });
    expect(outcome.events).toEqual([
      'ComplaintCallbackRecorded',
      'RequestReopened',
      'TaskAssigned',
    ]);
    expect(callbackDecision(dissatisfied)).toBe('REOPEN');
  });

  it('counts only a callback after the latest resolution towards closing', () => {
    const stale = aRequest({
      type: 'COMPLAINT',
      state: 'CONFIRMED',
      resolvedAt: new Date('2026-12-01T08:00:00Z'),
      callbacks: [callback({ calledAt: new Date('2026-11-30T08:00:00Z') })],
    });
    expect(refusalCode(transition(stale, { kind: 'CLOSE' }, contextFor(coordinator, now)))).toBe(
      'COMPLAINT_CALLBACK_REQUIRED',
    );
  });

  it('validates who called, when, and the satisfaction, naming each field', () => {
    const bad = callback({
      callerId: ' ',
      calledAt: new Date('2026-12-03T00:00:00Z'),
      satisfaction: 6,
    });
    expect(
      callbackProblems(bad, { resolvedAt, now }).map((p) => [p.code, p.figures['field']]),
    ).toEqual([
      ['CALLBACK_CALLER_REQUIRED', 'callerId'],
      ['CALLBACK_IN_FUTURE', 'calledAt'],
      ['CALLBACK_SATISFACTION_OUT_OF_RANGE', 'satisfaction'],
    ]);
    const early = callback({ calledAt: new Date('2026-12-01T05:00:00Z'), satisfaction: 2.5 });
    expect(callbackProblems(early, { resolvedAt, now }).map((p) => p.code)).toEqual([
      'CALLBACK_BEFORE_RESOLUTION',
      'CALLBACK_SATISFACTION_OUT_OF_RANGE',
    ]);
    expect(
      refusalCode(transition(resolvedComplaint, record(early), contextFor(coordinator, now))),
    ).toBe('CALLBACK_BEFORE_RESOLUTION');
  });

  it('takes callbacks only for complaints', () => {
    const resolvedBuild = aRequest({ state: 'RESOLVED', resolvedAt });
    expect(
      refusalCode(transition(resolvedBuild, record(callback()), contextFor(coordinator, now))),
    ).toBe('REQUEST_NOT_A_COMPLAINT');
  });
});
