import { REQUEST_STATES, type RequestState } from '@gap/coordination/domain';
import {
  commandForStatus,
  priorityOfTicket,
  severityOf,
  statesOf,
  statusHistory,
  statusOf,
  TMF_STATUSES,
} from './trouble-ticket.mapping.js';

const ticket = (state: RequestState, waitingForCustomer = false) => ({ state, waitingForCustomer });

describe('a coordination request as a TMF621 trouble ticket', () => {
  it.each<[RequestState, boolean, string]>([
    ['SUBMITTED', false, 'acknowledged'],
    ['SUBMITTED', true, 'pending'],
    ['TRIAGED', false, 'inProgress'],
    ['IN_PROGRESS', false, 'inProgress'],
    ['IN_PROGRESS', true, 'pending'],
    ['RESOLVED', false, 'resolved'],
    ['CONFIRMED', false, 'resolved'],
    ['CLOSED', false, 'closed'],
    ['REJECTED', false, 'rejected'],
    ['CANCELLED', false, 'cancelled'],
  ])('reads %s (waiting: %s) as %s', (state, waiting, status) => {
    expect(statusOf(ticket(state, waiting))).toBe(status);
  });

  it('filters each status to exactly the states that read as it', () => {
    for (const status of TMF_STATUSES) {
      const { states, waiting } = statesOf(status);
      for (const state of REQUEST_STATES) {
        for (const w of [false, true]) {
          const selected = states.includes(state) && (waiting === null || waiting === w);
          const reads = statusOf(ticket(state, w)) === status;
          // A resting state never waits: only the three open states can read as pending.
          if (!['SUBMITTED', 'TRIAGED', 'IN_PROGRESS'].includes(state) && w) continue;
          expect([status, state, w, selected]).toEqual([status, state, w, reads]);
        }
      }
    }
  });

  it('maps each status a caller asks for to the transition of the domain', () => {
    const kind = (state: RequestState, target: (typeof TMF_STATUSES)[number], waiting = false) => {
      const plan = commandForStatus(ticket(state, waiting), target, '客户要求撤回');
      return plan.kind === 'COMMAND' ? plan.command.kind : plan.kind;
    };
    expect(kind('SUBMITTED', 'pending')).toBe('WAIT_FOR_CUSTOMER');
    expect(kind('SUBMITTED', 'acknowledged', true)).toBe('CUSTOMER_RESPONDED');
    expect(kind('IN_PROGRESS', 'inProgress', true)).toBe('CUSTOMER_RESPONDED');
    expect(kind('IN_PROGRESS', 'resolved')).toBe('RESOLVE');
    expect(kind('CONFIRMED', 'closed')).toBe('CLOSE');
    expect(kind('RESOLVED', 'inProgress')).toBe('REOPEN');
    expect(kind('CLOSED', 'inProgress')).toBe('REOPEN');
    expect(kind('SUBMITTED', 'rejected')).toBe('REJECT');
    expect(kind('TRIAGED', 'cancelled')).toBe('CANCEL');
    expect(kind('TRIAGED', 'inProgress')).toBe('UNCHANGED');
    // Routing to departments is the coordination team's triage, not a status.
    expect(kind('SUBMITTED', 'inProgress')).toBe('UNSUPPORTED');
    expect(kind('IN_PROGRESS', 'held')).toBe('UNSUPPORTED');
    expect(kind('RESOLVED', 'acknowledged')).toBe('UNSUPPORTED');
  });

  it('carries the reason a reopening, rejection or cancellation needs', () => {
    expect(commandForStatus(ticket('RESOLVED'), 'inProgress', '客户反馈仍然断线')).toEqual({
      kind: 'COMMAND',
      command: { kind: 'REOPEN', reason: '客户反馈仍然断线' },
    });
  });

  it('takes the priority given, else the one the severity implies, and reads severity back', () => {
    expect(priorityOfTicket('Minor', 'Critical')).toBe('P1');
    expect(priorityOfTicket('Major')).toBe('P2');
    expect(priorityOfTicket('Minor', null)).toBe('P3');
    expect(['P1', 'P2', 'P3', 'P4'].map((p) => severityOf(p as 'P1'))).toEqual([
      'Critical',
      'Major',
      'Minor',
      'Minor',
    ]);
  });

  it('lists a status change only where the status differs from the one before', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 4, 6, 1, m));
    const history = statusHistory([
      { at: at(0), ticket: ticket('SUBMITTED') },
      { at: at(1), ticket: ticket('TRIAGED') },
      { at: at(2), ticket: ticket('IN_PROGRESS') },
      { at: at(3), ticket: ticket('IN_PROGRESS', true) },
      { at: at(4), ticket: ticket('RESOLVED') },
      { at: at(5), ticket: ticket('CONFIRMED') },
    ]);
    expect(history).toEqual([
      { status: 'acknowledged', statusChangeDate: at(0) },
      { status: 'inProgress', statusChangeDate: at(1) },
      { status: 'pending', statusChangeDate: at(3) },
      { status: 'resolved', statusChangeDate: at(4) },
    ]);
  });
});
