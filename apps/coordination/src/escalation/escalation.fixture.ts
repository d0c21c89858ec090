import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { addDays, todayInChina } from '@gap/calendar';
import {
  DEFAULT_SLA_POLICY,
  startClock,
  type SlaClock,
  type SlaPolicy,
} from '@gap/coordination/domain';
import { OutboxPublisher } from '@gap/messaging';
import { openOwnTestDatabase } from '@gap/testing';
import { COORDINATION_MIGRATIONS, COORDINATION_SCHEMA } from '../migrations/index.js';
import { CalendarDayRepository } from '../sla/calendar-day.repository.js';
import { SlaCalendarSource } from '../sla/sla-calendar.source.js';
import { SlaPolicyRepository } from '../sla/sla-policy.repository.js';
import { EscalationQueue } from './escalation-queue.repository.js';
import { EscalationRepository } from './escalation.repository.js';
import { EscalationScheduler } from './escalation.scheduler.js';
import { EscalationWorker } from './escalation.worker.js';

/**
 * Test support for the ladder over a real database and a real pg-boss. Time is never faked:
 * the policy's targets are a few seconds of business time, and the calendar is open all day
 * (00:00–24:00) with today and tomorrow made working days, so business time is wall time.
 */
export function openEscalationTestDatabase(suffix: string): Promise<DataSource> {
  return openOwnTestDatabase(`coordination_${suffix}`, {
    schema: COORDINATION_SCHEMA,
    entities: [],
    migrations: COORDINATION_MIGRATIONS,
  });
}

const SECONDS = 1 / 60;

/** Response targets of `targetSeconds`, a warning at half, the coordination lead hours later. */
export function secondsPolicy(version: string, targetSeconds: number): SlaPolicy {
  const t = targetSeconds * SECONDS;
  const row = { P1: t, P2: t, P3: t, P4: t };
  return {
    ...DEFAULT_SLA_POLICY,
    version,
    responseMinutes: { A: row, B: row, C: row },
    warningShare: 0.5,
    escalation: [
      { level: 'DEPARTMENT_HEAD', afterBreachMinutes: 0 },
      { level: 'COORDINATION_LEAD', afterBreachMinutes: 600 },
      { level: 'SENIOR_MANAGEMENT', afterBreachMinutes: 1200 },
    ],
  };
}

export async function prepareEscalationDatabase(dataSource: DataSource): Promise<void> {
  const days = new CalendarDayRepository(dataSource);
  const today = todayInChina();
  for (const day of [addDays(today, -1), today, addDays(today, 1)]) {
    await days.save({ day, kind: 'WORKDAY', note: 'escalation test', addedBy: 'test' });
  }
  await dataSource.query(
    `UPDATE coordination.department SET head_id = 'H-NET' WHERE id = 'NETWORK'`,
  );
  await dataSource.query(
    `INSERT INTO coordination.team_member (employee_id, role, added_by)
     VALUES ('T-LEAD', 'LEAD', 'test'), ('T-SPONSOR', 'SPONSOR', 'test') ON CONFLICT DO NOTHING`,
  );
}

export function escalationParts(dataSource: DataSource, pollingIntervalSeconds = 1) {
  const policies = new SlaPolicyRepository(dataSource);
  const source = new SlaCalendarSource(policies, new CalendarDayRepository(dataSource), {
    opens: '00:00',
    closes: '24:00',
  });
  const requests = new EscalationRepository(dataSource);
  const queue = new EscalationQueue(dataSource, { pollingIntervalSeconds });
  const scheduler = new EscalationScheduler(requests, source, queue);
  const worker = new EscalationWorker(requests, source, queue, new OutboxPublisher(dataSource));
  return { policies, source, requests, queue, scheduler, worker };
}

/** A request led by the network department whose response clock started at `startedAt`. */
export async function insertRequest(
  dataSource: DataSource,
  policy: SlaPolicy,
  startedAt: Date,
): Promise<{ id: string; accountId: string; clock: SlaClock }> {
  const id = randomUUID();
  const accountId = randomUUID();
  const clock = startClock('RESPONSE', startedAt, policy, {
    tier: 'B',
    priority: 'P2',
    type: 'OTHER',
  });
  const request = {
    id,
    accountId,
    type: 'OTHER',
    priority: 'P2',
    state: 'SUBMITTED',
    raisedBy: { kind: 'MANAGER', id: 'M-1' },
    leadDepartmentId: 'NETWORK',
    participatingDepartmentIds: [],
    tasks: [],
    waitingForCustomer: false,
    resolvedAt: null,
    closedAt: null,
    endReason: null,
    callbacks: [],
    reopenCount: 0,
  };
  await dataSource.query(
    `INSERT INTO coordination.request (id, reference, group_account_id, account_tier, type,
       priority, state, title, description, raised_by_kind, raised_by, lead_department_id,
       sla_policy_version, body)
     VALUES ($1, $2, $3, 'B', 'OTHER', 'P2', 'SUBMITTED', 'test', 'test', 'MANAGER', 'M-1',
       'NETWORK', $4, $5)`,
    [
      id,
      `T-${id.slice(0, 8)}`,
      accountId,
      policy.version,
      { request, clocks: { response: clock, resolution: null }, complaintCategory: null },
    ],
  );
  return { id, accountId, clock };
}

/** Writes the request's response clock, as the request feature does on a change. */
export async function saveClock(manager: EntityManager, id: string, clock: SlaClock) {
  await manager.query(
    `UPDATE coordination.request SET body = jsonb_set(body, '{clocks,response}', $2::jsonb)
     WHERE id = $1`,
    [id, JSON.stringify(clock)],
  );
}

export interface FiredRow {
  step: string;
  epoch: number;
  dueAt: Date;
  firedAt: Date;
  notified: string | null;
}

export function firedSteps(dataSource: DataSource, requestId: string): Promise<FiredRow[]> {
  return dataSource.query<FiredRow[]>(
    `SELECT step, epoch, due_at AS "dueAt", fired_at AS "firedAt", notified
       FROM coordination.escalation WHERE request_id = $1 ORDER BY due_at, step`,
    [requestId],
  );
}

export async function escalatedEvents(dataSource: DataSource, accountId: string) {
  const rows = await dataSource.query<{ type: string; step: string; notify: string | null }[]>(
    `SELECT event_type AS type, envelope -> 'payload' ->> 'step' AS step,
            envelope -> 'payload' ->> 'notify' AS notify
       FROM coordination.outbox
      WHERE event_type IN ('SlaWarning', 'SlaBreached', 'Escalated') AND message_key = $1
      ORDER BY seq`,
    [accountId],
  );
  return rows;
}

/** Polls until `check` holds or `timeoutMs` passes; returns the last value either way. */
export async function waitFor<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
