/**
 * The coordination bench's book: the working days and people an admin would set up, the
 * requests raised through the gateway that the open book is copied from, and the copies with
 * the escalation jobs their ladders owe, written set-based.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { addDays, todayInChina } from '@gap/calendar';
import {
  type businessCalendar,
  DEFAULT_SLA_POLICY,
  escalationSchedule,
  type SlaClock,
} from '@gap/coordination/domain';
import {
  clockEpoch,
  escalationJobId,
  type EscalationJob,
} from '@gap/coordination/app/escalation/escalation-job.js';
import { ESCALATION_QUEUE } from '@gap/coordination/app/escalation/escalation-queue.repository.js';
import type { Gateway, Row } from './coordination-client.js';

const CHUNK = 5_000;
export const DEPARTMENTS = [
  'NETWORK',
  'IT_SUPPORT',
  'FINANCE_PRICING',
  'PRODUCT',
  'LEGAL',
] as const;

/** The working days around today and who the ladder notifies: what an admin would set up. */
export async function prepare(db: pg.Pool): Promise<string[]> {
  const today = todayInChina();
  const days = Array.from({ length: 29 }, (_, i) => addDays(today, i - 14));
  await db.query(
    `INSERT INTO coordination.calendar_day (day, kind, note, added_by)
     SELECT d, 'WORKDAY', 'bench: round the clock', 'bench' FROM unnest($1::date[]) AS d`,
    [days],
  );
  await db.query(
    `UPDATE coordination.department SET head_id = 'H-' || id WHERE id <> 'GROUP_CUSTOMER'`,
  );
  await db.query(
    `INSERT INTO coordination.department_member (department_id, employee_id, added_by)
     VALUES ('NETWORK', 'N7001', 'bench')`,
  );
  await db.query(
    `INSERT INTO coordination.team_member (employee_id, role, added_by)
     VALUES ('C7001', 'LEAD', 'bench'), ('C7002', 'MEMBER', 'bench'), ('X7001', 'SPONSOR', 'bench')`,
  );
  return days;
}

/** The requests the copies are made of: one submitted, one triaged to each department. */
export async function templates(gateway: Gateway, token: string, db: pg.Pool): Promise<Row[]> {
  const submit = async () =>
    (
      await gateway.graphql<{ submitCoordinationRequest: { id: string } }>(
        token,
        `mutation S($input: SubmitCoordinationRequestInput!) {
          submitCoordinationRequest(input: $input) { id } }`,
        {
          input: {
            groupAccountId: randomUUID(),
            type: 'LEASED_LINE_BUILD',
            priority: 'P2',
            title: '新建互联网专线 200M',
            description: '园区新址开通专线（基准测试）',
          },
        },
      )
    ).submitCoordinationRequest.id;
  const ids = [await submit()];
  for (const [i, lead] of DEPARTMENTS.entries()) {
    const id = await submit();
    await gateway.graphql(
      token,
      `mutation T($input: TriageCoordinationRequestInput!) {
        triageCoordinationRequest(input: $input) { id } }`,
      {
        input: {
          id,
          leadDepartmentId: lead,
          participatingDepartmentIds: [DEPARTMENTS[(i + 1) % DEPARTMENTS.length]],
        },
      },
    );
    ids.push(id);
  }
  const { rows } = await db.query<{ row: Row }>(
    `SELECT to_jsonb(r) AS row FROM coordination.request r
      WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
    [ids],
  );
  return rows.map((r) => r.row);
}

const INSTANT = /"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))"/g;

/** The template as another request: new ids, every instant in it moved by `shiftMs`. */
export function copyOf(template: Row, id: string, reference: string, shiftMs: number): Row {
  const text = JSON.stringify(template)
    .replaceAll(template.id, id)
    .replaceAll(template.group_account_id, randomUUID())
    .replace(INSTANT, (_, at: string) => `"${new Date(Date.parse(at) + shiftMs).toISOString()}"`);
  return { ...(JSON.parse(text) as Row), reference };
}

export interface StoredClock {
  startedAt: string;
  stoppedAt: string | null;
  retargetedAt: string | null;
  pauses: { from: string; to: string | null }[];
}

export function runningClocks(row: Row): SlaClock[] {
  const clocks = (row.body as { clocks: Record<string, StoredClock | null> }).clocks;
  const at = (value: string | null) => (value === null ? null : new Date(value));
  return Object.values(clocks).flatMap((stored) =>
    stored && stored.stoppedAt === null
      ? [
          {
            ...(stored as unknown as SlaClock),
            startedAt: new Date(stored.startedAt),
            stoppedAt: null,
            retargetedAt: at(stored.retargetedAt),
            pauses: stored.pauses.map((p) => ({ from: new Date(p.from), to: at(p.to) })),
          },
        ]
      : [],
  );
}

export type Calendar = ReturnType<typeof businessCalendar>;

/** The ladder a copy owes, as the service plans it: one job per step with an instant. */
export function jobsOf(row: Row, calendar: Calendar): (EscalationJob & { firesAtMs: number })[] {
  return runningClocks(row).flatMap((clock) =>
    escalationSchedule(clock, DEFAULT_SLA_POLICY, calendar).flatMap((step) =>
      step.firesAt === null
        ? []
        : [
            {
              requestId: row.id,
              step: step.key,
              epoch: clockEpoch(clock),
              firesAt: step.firesAt.toISOString(),
              firesAtMs: step.firesAt.getTime(),
            },
          ],
    ),
  );
}

/** Writes the copies and their jobs, a chunk per statement. */
export async function write(db: pg.Pool, boss: PgBoss, rows: Row[], calendar: Calendar) {
  const due = new Map<string, number>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO coordination.request
       SELECT * FROM jsonb_populate_recordset(NULL::coordination.request, $1::jsonb)`,
      [JSON.stringify(part)],
    );
    const jobs = part.flatMap((row) => jobsOf(row, calendar));
    for (const job of jobs)
      if (job.step.endsWith(':WARNING')) due.set(job.requestId, job.firesAtMs);
    await boss.insert(
      jobs.map(({ firesAtMs: _, ...job }) => ({
        id: escalationJobId(job),
        name: ESCALATION_QUEUE,
        data: job,
        startAfter: job.firesAt,
      })),
    );
  }
  return due;
}
