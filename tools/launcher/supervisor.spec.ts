import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, freePort } from '@gap/testing';
import { Supervisor, type SupervisorEvent } from './supervisor.js';

const logDir = mkdtempSync(join(tmpdir(), 'gap-supervisor-'));

/** A process that runs until killed and says so on stdout. */
const idle = (name: string, script = "console.log('up'); setInterval(() => {}, 1000);") => ({
  name,
  command: process.execPath,
  args: ['-e', script],
  logFile: join(logDir, `${name}.log`),
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the supervisor', () => {
  let events: SupervisorEvent[];
  let supervisor: Supervisor;

  const of = <K extends SupervisorEvent['kind']>(kind: K, name: string) =>
    events.filter(
      (e): e is Extract<SupervisorEvent, { kind: K }> => e.kind === kind && e.name === name,
    );

  function supervise(backoff = { initialMs: 50, maxMs: 400, resetAfterMs: 60_000 }): Supervisor {
    events = [];
    supervisor = new Supervisor({
      backoff,
      readyPollMs: 20,
      stopTimeoutMs: 500,
      onEvent: (event) => events.push(event),
    });
    return supervisor;
  }

  afterEach(async () => {
    await supervisor.stopAll();
  });

  it('restarts a killed process with a doubling delay and reports it back', async () => {
    const worker = supervise().start(idle('worker'));
    await worker.whenReady();
    const first = worker.pid ?? 0;

    process.kill(first, 'SIGKILL');
    await eventually(() => of('ready', 'worker').some((e) => e.restart === 1), 30_000, 'back');
    const second = worker.pid ?? 0;
    process.kill(second, 'SIGKILL');
    await eventually(() => of('ready', 'worker').some((e) => e.restart === 2), 30_000, 'back');

    expect(of('exited', 'worker')).toEqual([
      expect.objectContaining({ signal: 'SIGKILL', restart: 1, restartInMs: 50 }),
      expect.objectContaining({ signal: 'SIGKILL', restart: 2, restartInMs: 100 }),
    ]);
    expect(new Set([first, second, worker.pid]).size).toBe(3);
    expect(alive(worker.pid ?? 0)).toBe(true);
  });

  it('caps the delay and starts again from the first delay after a healthy period', async () => {
    const worker = supervise({ initialMs: 50, maxMs: 100, resetAfterMs: 60_000 }).start(
      idle('capped', 'process.exit(3)'),
    );
    await eventually(() => of('exited', 'capped').length >= 4, 30_000, 'four exits');
    expect(
      of('exited', 'capped')
        .map((e) => e.restartInMs)
        .slice(0, 4),
    ).toEqual([50, 100, 100, 100]);
    expect(of('exited', 'capped')[0]).toMatchObject({ code: 3, signal: null });
    await worker.stop();

    const steady = supervise({ initialMs: 50, maxMs: 400, resetAfterMs: 300 }).start(
      idle('steady'),
    );
    await steady.whenReady();
    process.kill(steady.pid ?? 0, 'SIGKILL');
    await eventually(() => of('ready', 'steady').some((e) => e.restart === 1), 30_000, 'back');
    const backAt = Date.now();
    await eventually(() => Date.now() - backAt > 350, 30_000, 'a healthy period');
    process.kill(steady.pid ?? 0, 'SIGKILL');
    await eventually(() => of('exited', 'steady').length === 2, 30_000, 'the second exit');

    expect(of('exited', 'steady').map((e) => e.restartInMs)).toEqual([50, 50]);
  });

  it('waits for the readiness URL and writes the output to the log file', async () => {
    const port = await freePort();
    const script = `
      let asked = 0;
      require('node:http').createServer((req, res) => {
        asked += 1;
        res.statusCode = asked >= 3 ? 200 : 503;
        res.end();
      }).listen(${port}, '127.0.0.1', () => console.log('listening'));`;
    const web = supervise().start({
      ...idle('web', script),
      readyUrl: `http://127.0.0.1:${port}/health/ready`,
    });

    expect(web.ready).toBe(false);
    await web.whenReady();

    expect(web.ready).toBe(true);
    expect(of('output', 'web').map((e) => e.line)).toContain('listening');
    await eventually(
      () => readFileSync(web.spec.logFile, 'utf8').includes('listening'),
      5_000,
      'the log line',
    );
  });

  it('restarts nothing once stopping and stops every process, even one ignoring SIGTERM', async () => {
    const running = supervise();
    const calm = running.start(idle('calm'));
    const stubborn = running.start(
      idle(
        'stubborn',
        "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('up')",
      ),
    );
    await Promise.all([calm.whenReady(), stubborn.whenReady()]);
    // Its handler is installed once it has printed.
    await eventually(() => of('output', 'stubborn').length > 0, 30_000, 'the handler');
    const pids = [calm.pid ?? 0, stubborn.pid ?? 0];

    await running.stopAll();

    expect(pids.filter(alive)).toEqual([]);
    expect(of('exited', 'calm')).toEqual([]);
    expect(of('exited', 'stubborn')).toEqual([]);
    expect(events.filter((e) => e.kind === 'started')).toHaveLength(2);
  });
});
