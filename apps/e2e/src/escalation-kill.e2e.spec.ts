import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { addDays, todayInChina } from '@gap/calendar';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '@gap/coordination/domain';
import {
  createTestIssuer,
  eventually,
  startServiceProcess,
  testDatabaseUrl,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type RunningService,
  type TestIssuer,
} from '@gap/testing';

/*
 * Issue 17's acceptance: the coordination service is killed (SIGKILL) while escalation steps
 * are due and restarted; every due step fires exactly once, none before its time, none more
 * than a minute late. Time is never faked: the policy's response target is ten seconds of
 * business time, and the service counts business time round the clock on working days
 * (SLA_BUSINESS_OPENS/CLOSES), yesterday to tomorrow made working days, so it is wall time.
 */

const DATABASE_URL = (() => {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_escalation_kill`;
  return url.toString();
})();
const TARGET_SECONDS = 10;
const WARNING_SHARE = 0.5;
const REQUESTS = 12;
const SPACING_MS = 400;
const STEPS = ['RESPONSE:DEPARTMENT_HEAD', 'RESPONSE:WARNING'];
/** The events a fired step goes out as (a warning, the breach, a later rung). */
const STEP_EVENTS = ['SlaWarning', 'SlaBreached', 'Escalated'];

/** Response targets of ten seconds, a warning at half; the later rungs hours after the breach. */
function secondsPolicy(): SlaPolicy {
  const minutes = TARGET_SECONDS / 60;
  const row = { P1: minutes, P2: minutes, P3: minutes, P4: minutes };
  return {
    ...DEFAULT_SLA_POLICY,
    version: 'kill-test-10s',
    responseMinutes: { A: row, B: row, C: row },
    warningShare: WARNING_SHARE,
    escalation: [
      { level: 'DEPARTMENT_HEAD', afterBreachMinutes: 0 },
      { level: 'COORDINATION_LEAD', afterBreachMinutes: 600 },
      { level: 'SENIOR_MANAGEMENT', afterBreachMinutes: 1200 },
    ],
  };
}

async function recreateOwnDatabase(): Promise<void> {
  const maintenance = new URL(DATABASE_URL);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  const name = new URL(DATABASE_URL).pathname.slice(1);
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  execFileSync(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', 'tools/launcher/migrate.ts'],
    { env: { ...process.env, DATABASE_URL }, stdio: 'pipe' },
  );
}

/**
 * What an admin would have set up: the ten-second policy current, the working days, the
 * network department's head and the team's lead and sponsor (whom the steps notify). Written
 * straight to the database: the policy API takes whole minutes, and this test needs seconds.
 */
async function prepare(db: pg.Pool): Promise<void> {
  const policy = secondsPolicy();
  await db.query('UPDATE coordination.sla_policy SET is_current = false WHERE is_current');
  await db.query(
    `INSERT INTO coordination.sla_policy (version, body, is_current, created_by)
     VALUES ($1, $2, true, 'kill-test')`,
    [policy.version, JSON.stringify(policy)],
  );
  const today = todayInChina();
  for (const day of [addDays(today, -1), today, addDays(today, 1)]) {
    await db.query(
      `INSERT INTO coordination.calendar_day (day, kind, note, added_by)
       VALUES ($1, 'WORKDAY', 'escalation kill test', 'kill-test')`,
      [day],
    );
  }
  await db.query(`UPDATE coordination.department SET head_id = 'N9001' WHERE id = 'NETWORK'`);
  await db.query(
    `INSERT INTO coordination.team_member (employee_id, role, added_by)
     VALUES ('C9001', 'LEAD', 'kill-test'), ('X9001', 'SPONSOR', 'kill-test')`,
  );
}

interface Fired {
  requestId: string;
  step: string;
  dueAt: Date;
  firedAt: Date;
  startedAt: string;
}

describe('the escalation ladder when the coordination service is killed and restarted', () => {
  let issuer: TestIssuer;
  let db: pg.Pool;
  let env: Record<string, string>;
  const running: RunningService[] = [];

  beforeAll(async () => {
    issuer = await createTestIssuer();
    await recreateOwnDatabase();
    db = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
    await prepare(db);
    env = {
      DATABASE_URL,
      EVENT_TRANSPORT: 'postgres',
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      AUTH_JWKS_FILE: issuer.jwksFile,
      SLA_BUSINESS_OPENS: '00:00',
      SLA_BUSINESS_CLOSES: '24:00',
    };
    running.push(await startCoordination());
  }, 180_000);

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop()));
    await db?.end();
  });

  function startCoordination(): Promise<RunningService> {
    return startServiceProcess('coordination', 'apps/coordination/src/main.ts', env, 120_000);
  }

  async function submit(service: RunningService, token: string): Promise<string> {
    const response = await fetch(`${service.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `mutation S($input: SubmitCoordinationRequestInput!) {
          submitCoordinationRequest(input: $input) { id }
        }`,
        variables: {
          input: {
            groupAccountId: randomUUID(),
            type: 'LEASED_LINE_BUILD',
            priority: 'P1',
            title: '新建互联网专线 100M',
            description: '客户新园区需开通专线',
          },
        },
      }),
    });
    const body = (await response.json()) as {
      data?: { submitCoordinationRequest: { id: string } };
      errors?: unknown;
    };
    if (!body.data) throw new Error(JSON.stringify(body.errors));
    return body.data.submitCoordinationRequest.id;
  }

  const fired = async (ids: readonly string[]): Promise<Fired[]> =>
    (
      await db.query<Fired>(
        `SELECT e.request_id AS "requestId", e.step, e.due_at AS "dueAt", e.fired_at AS "firedAt",
                r.body -> 'clocks' -> 'response' ->> 'startedAt' AS "startedAt"
           FROM coordination.escalation e JOIN coordination.request r ON r.id = e.request_id
          WHERE e.request_id = ANY($1::uuid[]) ORDER BY e.request_id, e.step`,
        [ids],
      )
    ).rows;

  /** How many times each request's steps were announced, in the outbox and in the event log. */
  const eventCounts = async (ids: readonly string[]) => {
    const outbox = await db.query<{ key: string; n: number }>(
      `SELECT (envelope -> 'payload' ->> 'requestId') || ' ' || (envelope -> 'payload' ->> 'step') AS key,
              count(*)::int AS n
         FROM coordination.outbox
        WHERE event_type = ANY($2) AND envelope -> 'payload' ->> 'requestId' = ANY($1)
        GROUP BY 1`,
      [ids, STEP_EVENTS],
    );
    const log = await db.query<{ key: string; n: number }>(
      `SELECT (value::jsonb -> 'payload' ->> 'requestId') || ' ' || (value::jsonb -> 'payload' ->> 'step') AS key,
              count(*)::int AS n
         FROM event_log.records
        WHERE value::jsonb ->> 'type' = ANY($2)
          AND value::jsonb -> 'payload' ->> 'requestId' = ANY($1)
        GROUP BY 1`,
      [ids, STEP_EVENTS],
    );
    const asMap = (rows: { key: string; n: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, r.n]));
    return { outbox: asMap(outbox.rows), log: asMap(log.rows) };
  };

  it('fires every due step exactly once, never early and within a minute, across a SIGKILL', async () => {
    const token = await issuer.token(['COORDINATOR'], 'C9002');
    const first = running[0];
    const ids: string[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      ids.push(await submit(first, token));
      await new Promise((resolve) => setTimeout(resolve, SPACING_MS));
    }
    // Killed once the first warnings have fired, with the rest of the ladder due or nearly so.
    await eventually(async () => (await fired(ids)).length > 0, 30_000, 'a first step to fire');
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    first.process.kill('SIGKILL');
    await exited;
    const killedAt = new Date();
    const atKill = await fired(ids);
    expect(atKill.length).toBeLessThan(REQUESTS * STEPS.length);

    const second = await startCoordination();
    running.push(second);
    const restartedAt = new Date();
    const all = await eventually(
      async () => {
        const rows = await fired(ids);
        return rows.length >= REQUESTS * STEPS.length ? rows : undefined;
      },
      90_000,
      'every step to fire after the restart',
    );
    // Whatever was still to run after this is run too: nothing more may appear.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const settled = await fired(ids);
    expect(settled).toHaveLength(all.length);

    for (const id of ids) {
      expect(settled.filter((r) => r.requestId === id).map((r) => r.step)).toEqual(STEPS);
    }
    for (const row of settled) {
      const shares = row.step === 'RESPONSE:WARNING' ? WARNING_SHARE : 1;
      const expectedDue = new Date(row.startedAt).getTime() + shares * TARGET_SECONDS * 1000;
      expect(Math.abs(row.dueAt.getTime() - expectedDue)).toBeLessThan(5);
      const late = row.firedAt.getTime() - row.dueAt.getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(60_000);
    }
    // The scenario happened: steps fell due while no process ran, and the second one fired them.
    const dueWhileDown = settled.filter((r) => r.dueAt < restartedAt && r.firedAt > killedAt);
    expect(dueWhileDown.length).toBeGreaterThan(0);

    const expected = Object.fromEntries(
      ids.flatMap((id) => STEPS.map((step) => [`${id} ${step}`, 1])),
    );
    const events = await eventually(
      async () => {
        const counts = await eventCounts(ids);
        return Object.keys(counts.log).length >= ids.length * STEPS.length ? counts : undefined;
      },
      30_000,
      'the events to reach the event log',
    );
    expect(events.outbox).toEqual(expected);
    expect(events.log).toEqual(expected);
  }, 240_000);
});
