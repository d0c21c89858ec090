import type { DataSource } from 'typeorm';
import { EscalationSweeper } from './escalation.sweeper.js';
import {
  escalatedEvents,
  escalationParts,
  firedSteps,
  insertRequest,
  openEscalationTestDatabase,
  prepareEscalationDatabase,
  secondsPolicy,
  waitFor,
} from './escalation.fixture.js';

describe('the escalation ladder across a crash', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openEscalationTestDatabase('restart');
    await prepareEscalationDatabase(dataSource);
  });

  afterAll(() => dataSource?.destroy());

  it('fires, once, a step planned by a process that died before it was due', async () => {
    const first = escalationParts(dataSource);
    await first.policies.create(secondsPolicy('s6', 6), false, 'test');
    await first.queue.start();
    await first.worker.onApplicationBootstrap();
    const request = await insertRequest(dataSource, secondsPolicy('s6', 6), new Date());
    await dataSource.transaction((m) => first.scheduler.replan(m, request.id));
    // The process dies: no graceful completion, its pool closed under it.
    await first.queue.stop(false);
    expect(await firedSteps(dataSource, request.id)).toEqual([]);

    const second = escalationParts(dataSource);
    await second.queue.start();
    try {
      // What a start-up does: the sweep plans every open request again (adding no job here).
      const sweeper = new EscalationSweeper(second.requests, second.scheduler);
      expect(await sweeper.replanOpenRequests()).toBe(1);
      await second.worker.onApplicationBootstrap();
      const fired = await waitFor(
        () => firedSteps(dataSource, request.id),
        (rows) => rows.length >= 2,
        20_000,
      );
      expect(fired.map((r) => r.step)).toEqual(['RESPONSE:WARNING', 'RESPONSE:DEPARTMENT_HEAD']);
      const jobs = await dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM coordination_jobs.job WHERE data ->> 'requestId' = $1`,
        [request.id],
      );
      expect(jobs[0]?.n).toBe(4);
      expect((await escalatedEvents(dataSource, request.accountId)).map((e) => e.step)).toEqual([
        'RESPONSE:WARNING',
        'RESPONSE:DEPARTMENT_HEAD',
      ]);
    } finally {
      await second.queue.stop();
    }
  }, 40_000);
});
