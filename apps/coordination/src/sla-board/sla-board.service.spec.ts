import type { DataSource } from 'typeorm';
import { chinaInstant } from '@gap/coordination/domain';
import type { DomainError } from '@gap/errors';
import { RequestChange } from '../requests/request-change.js';
import { SubmitRequestService } from '../requests/submit-request.service.js';
import {
  accountManager,
  addStaff,
  coordinator,
  leasedLine,
  openCoordinationTestDatabase,
  requestServices,
  seedAccount,
  staff,
  type RequestServices,
} from '../testing/requests-harness.js';
import { SlaBoardService } from './sla-board.service.js';

let dataSource: DataSource;
let services: RequestServices;
let board: SlaBoardService;
const TEAM = coordinator('E1001');
const OWNER = accountManager('M5001');
// A Wednesday, a working day: clocks run from 09:00 China time.
const at = (time: string) => chinaInstant('2026-12-09', time);
let accountId: string;
let idle: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dataSource = await openCoordinationTestDatabase('sla_board');
  services = requestServices(dataSource);
  board = services.get(SlaBoardService);
  await addStaff(dataSource, 'NETWORK', 'E3501');
  await addStaff(dataSource, 'LEGAL', 'E5501');
  accountId = await seedAccount(dataSource, 'M5001', { tier: 'A' });
  idle = await seedAccount(dataSource, 'M5001', { tier: 'A' });
  const submit = (priority: string, time: string) =>
    services
      .get(SubmitRequestService)
      .submit(OWNER, leasedLine(accountId, { priority }), 'submitCoordinationRequest', at(time));
  // Tier A responses: P1 in 30 minutes (warned at 75%), P4 in 240, P2 in 60.
  ids['urgent'] = await submit('P1', '09:00');
  ids['later'] = await submit('P4', '09:00');
  ids['routed'] = await submit('P2', '09:00');
  await services
    .get(RequestChange)
    .run(
      TEAM,
      'triageCoordinationRequest',
      ids['routed'],
      null,
      { kind: 'TRIAGE', leadDepartmentId: 'NETWORK', participatingDepartmentIds: [] },
      at('09:10'),
    );
});
afterAll(() => dataSource.destroy());

describe('an account’s SLA summary', () => {
  it('counts the open requests, the warned and the breached, and says what falls due next', async () => {
    const early = await board.summaries(OWNER, [accountId, idle], at('09:25'));
    expect(early.get(accountId)).toEqual({
      openRequests: 3,
      breached: 0,
      warning: 1,
      nextDueAt: at('09:30'),
    });
    expect(early.get(idle)).toEqual({
      openRequests: 0,
      breached: 0,
      warning: 0,
      nextDueAt: null,
    });
    const late = await board.summaries(TEAM, [accountId], at('09:40'));
    expect(late.get(accountId)).toEqual({
      openRequests: 3,
      breached: 1,
      warning: 0,
      nextDueAt: at('13:00'),
    });
  });

  it('counts only what the caller may see', async () => {
    const stranger = await board.summaries(accountManager('M5999'), [accountId], at('09:25'));
    expect(stranger.get(accountId)?.openRequests).toBe(0);
    const network = await board.summaries(staff('E3501'), [accountId], at('09:25'));
    expect(network.get(accountId)?.openRequests).toBe(1);
  });
});

describe('the SLA board', () => {
  it('shows open requests by lead department and state, and lists those breaching soon', async () => {
    const view = await board.slaBoard(TEAM, { breachingWithinHours: 4, first: 10 }, at('09:25'));
    expect(view.cells).toEqual([
      {
        departmentId: null,
        state: 'SUBMITTED',
        open: 2,
        breached: 0,
        warning: 1,
        breachingSoon: 2,
      },
      {
        departmentId: 'NETWORK',
        state: 'TRIAGED',
        open: 1,
        breached: 0,
        warning: 0,
        breachingSoon: 0,
      },
    ]);
    expect(view.breachingSoon.map((r) => r.id)).toEqual([ids['urgent'], ids['later']]);
    const narrow = await board.slaBoard(TEAM, { breachingWithinHours: 1, first: 1 }, at('09:25'));
    expect(narrow.breachingSoon.map((r) => r.id)).toEqual([ids['urgent']]);
    expect(narrow.cells[0]?.breachingSoon).toBe(1);
  });

  it('shows department staff only their department’s requests', async () => {
    const network = await board.slaBoard(
      staff('E3501'),
      { breachingWithinHours: 4, first: 10 },
      at('09:25'),
    );
    expect(network.cells.map((c) => [c.departmentId, c.state, c.open])).toEqual([
      ['NETWORK', 'TRIAGED', 1],
    ]);
    expect(network.breachingSoon).toEqual([]);
    const legal = await board.slaBoard(
      staff('E5501'),
      { breachingWithinHours: 4, first: 10 },
      at('09:25'),
    );
    expect(legal.cells).toEqual([]);
  });

  it('refuses a window or a list size out of range, naming the argument', async () => {
    const error = await board
      .slaBoard(TEAM, { breachingWithinHours: 0, first: 101 }, at('09:25'))
      .catch((e: DomainError) => e);
    expect(error).toMatchObject({ kind: 'INVALID_INPUT' });
    expect((error as DomainError).violations?.map((v) => v.field)).toEqual([
      'breachingWithinHours',
      'first',
    ]);
  });
});
