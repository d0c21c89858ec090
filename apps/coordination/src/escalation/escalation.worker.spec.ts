import type { DataSource } from 'typeorm';
import { pauseClock, resumeClock, type SlaClock } from '@gap/coordination/domain';
import { DepartmentRepository } from '../departments/department.repository.js';
import { RequestViewers } from '../requests/request-viewer.js';
import { clockEpoch } from './escalation-job.js';
import { EscalationService } from './escalation.service.js';
import {
  escalatedEvents,
  escalationParts,
  firedSteps,
  insertRequest,
  openEscalationTestDatabase,
  prepareEscalationDatabase,
  saveClock,
  secondsPolicy,
  waitFor,
} from './escalation.fixture.js';
import { type EscalationWorker } from './escalation.worker.js';

const must = (result: { ok: true; clock: SlaClock } | { ok: false }) => {
  if (!result.ok) throw new Error('clock refused');
  return result.clock;
};

describe('the escalation ladder on pg-boss', () => {
  let dataSource: DataSource;
  let parts: ReturnType<typeof escalationParts>;

  beforeAll(async () => {
    dataSource = await openEscalationTestDatabase('ladder');
    await prepareEscalationDatabase(dataSource);
    parts = escalationParts(dataSource);
    await parts.policies.create(secondsPolicy('s6', 6), false, 'test');
    await parts.policies.create(secondsPolicy('s8', 8), false, 'test');
    await parts.queue.start();
    await parts.worker.onApplicationBootstrap();
  });

  afterAll(async () => {
    await parts?.queue.stop();
    await dataSource?.destroy();
  });

  it('fires the warning and the breach once each, at their instants and not before', async () => {
    const policy = secondsPolicy('s6', 6);
    const request = await insertRequest(dataSource, policy, new Date());
    await dataSource.transaction((m) => parts.scheduler.replan(m, request.id));
    // Planning again without a change adds no job.
    await dataSource.transaction((m) => parts.scheduler.replan(m, request.id));
    const fired = await waitFor(
      () => firedSteps(dataSource, request.id),
      (rows) => rows.length >= 2,
      20_000,
    );
    expect(fired.map((r) => [r.step, r.notified])).toEqual([
      ['RESPONSE:WARNING', 'H-NET'],
      ['RESPONSE:DEPARTMENT_HEAD', 'H-NET'],
    ]);
    const start = request.clock.startedAt.getTime();
    expect(fired.map((r) => new Date(r.dueAt).getTime() - start)).toEqual([3_000, 6_000]);
    for (const row of fired) {
      const late = new Date(row.firedAt).getTime() - new Date(row.dueAt).getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(5_000);
    }
    const jobs = await dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM coordination_jobs.job WHERE data ->> 'requestId' = $1`,
      [request.id],
    );
    // The two steps and the coordination lead's and sponsor's (hours away): one job each.
    expect(jobs[0]?.n).toBe(4);
    expect(await escalatedEvents(dataSource, request.accountId)).toEqual([
      { type: 'SlaWarning', step: 'RESPONSE:WARNING', notify: 'H-NET' },
      { type: 'SlaBreached', step: 'RESPONSE:DEPARTMENT_HEAD', notify: 'H-NET' },
    ]);
  });

  it('does not fire a paused clock, and fires after the resume at the shifted instant', async () => {
    const policy = secondsPolicy('s8', 8);
    const t0 = new Date();
    const request = await insertRequest(dataSource, policy, t0);
    await dataSource.transaction((m) => parts.scheduler.replan(m, request.id));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const paused = must(pauseClock(request.clock, new Date(t0.getTime() + 1_000)));
    await dataSource.transaction(async (m) => {
      await saveClock(m, request.id, paused);
      await parts.scheduler.replan(m, request.id);
    });
    // Past the first plan's breach (t0 + 8 s): the old jobs ran and found themselves stale.
    await new Promise((resolve) => setTimeout(resolve, 9_000));
    expect(await firedSteps(dataSource, request.id)).toEqual([]);
    const resumedAt = new Date();
    const resumed = must(resumeClock(paused, resumedAt));
    await dataSource.transaction(async (m) => {
      await saveClock(m, request.id, resumed);
      await parts.scheduler.replan(m, request.id);
    });
    const fired = await waitFor(
      () => firedSteps(dataSource, request.id),
      (rows) => rows.length >= 2,
      20_000,
    );
    // 1 s ran before the pause: the warning (4 s) 3 s after the resume, the breach 7 s after.
    expect(fired.map((r) => [r.step, new Date(r.dueAt).getTime() - resumedAt.getTime()])).toEqual([
      ['RESPONSE:WARNING', 3_000],
      ['RESPONSE:DEPARTMENT_HEAD', 7_000],
    ]);
    expect(fired.every((r) => r.epoch === clockEpoch(resumed))).toBe(true);
    for (const row of fired) expect(new Date(row.firedAt) >= new Date(row.dueAt)).toBe(true);
  }, 45_000);

  it('records a due step once, whichever workers run its job how many times', async () => {
    const policy = secondsPolicy('s6', 6);
    const request = await insertRequest(dataSource, policy, new Date(Date.now() - 60_000));
    const job = {
      requestId: request.id,
      step: 'RESPONSE:DEPARTMENT_HEAD',
      epoch: clockEpoch(request.clock),
      firesAt: new Date(request.clock.startedAt.getTime() + 6_000).toISOString(),
    };
    const other = escalationParts(dataSource);
    const workers: EscalationWorker[] = [parts.worker, other.worker, parts.worker, other.worker];
    const outcomes = await Promise.all(workers.map((w) => w.fire(job)));
    expect(outcomes.map((o) => o.kind).sort()).toEqual([
      'ALREADY_FIRED',
      'ALREADY_FIRED',
      'ALREADY_FIRED',
      'FIRED',
    ]);
    expect((await parts.worker.fire(job)).kind).toBe('ALREADY_FIRED');
    expect((await firedSteps(dataSource, request.id)).map((r) => r.step)).toEqual([
      'RESPONSE:DEPARTMENT_HEAD',
    ]);
    expect(await escalatedEvents(dataSource, request.accountId)).toEqual([
      { type: 'SlaBreached', step: 'RESPONSE:DEPARTMENT_HEAD', notify: 'H-NET' },
    ]);
    // Shown to whoever sees the request: the team, not a manager without the account.
    const shown = new EscalationService(
      parts.requests,
      new RequestViewers(new DepartmentRepository(dataSource)),
    );
    const coordinator = { subject: 'C-1', roles: ['COORDINATOR' as const] };
    expect(await shown.list(coordinator, request.id)).toMatchObject([
      { clock: 'RESPONSE', level: 'DEPARTMENT_HEAD', notified: 'H-NET', epoch: job.epoch },
    ]);
    const stranger = { subject: 'M-9', roles: ['ACCOUNT_MANAGER' as const] };
    expect(await shown.list(stranger, request.id)).toEqual([]);
  });

  it('never fires a step early, nor a job planned under another epoch', async () => {
    const policy = secondsPolicy('s6', 6);
    const request = await insertRequest(dataSource, policy, new Date(Date.now() - 60_000));
    const epoch = clockEpoch(request.clock);
    const job = { requestId: request.id, step: 'RESPONSE:COORDINATION_LEAD', epoch, firesAt: '' };
    expect(await parts.worker.fire(job)).toMatchObject({ kind: 'NOT_DUE' });
    const stale = { ...job, step: 'RESPONSE:WARNING', epoch: epoch ^ 1 };
    expect(await parts.worker.fire(stale)).toEqual({ kind: 'STALE' });
    expect(await firedSteps(dataSource, request.id)).toEqual([]);
  });
});
