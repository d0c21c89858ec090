import { DEFAULT_BUSINESS_HOURS } from '@gap/coordination/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '@gap/auth';
import type { EventEnvelope, EventPayload, EventType } from '@gap/contracts';
import { OutboxPublisher, type MessagingService } from '@gap/messaging';
import { AccountEventsConsumer } from '../accounts/account-events.consumer.js';
import { AccountTierRepository } from '../accounts/account-tier.repository.js';
import { openOwnTestDatabase } from '@gap/testing';
import { DEPARTMENTS, SLA } from '../coordination.module.js';
import { COORDINATION_MIGRATIONS, COORDINATION_SCHEMA } from '../migrations/index.js';
import { RequestCommandsService } from '../requests/request-commands.service.js';
import { RequestQueriesService } from '../requests/request-queries.service.js';
import { REQUESTS } from '../requests/requests.providers.js';
import { BUSINESS_HOURS } from '../sla/sla-calendar.source.js';
import {
  SubmitRequestService,
  type SubmitRequestCommand,
} from '../requests/submit-request.service.js';
import { EscalationPlanner } from '../sla/escalation-planner.js';
import { TierRetargetService } from '../requests/tier-retarget.service.js';
import { Wiring } from '@gap/testing';

export const coordinator = (subject = 'E1001'): Caller => ({ subject, roles: ['COORDINATOR'] });
export const staff = (subject: string): Caller => ({ subject, roles: ['DEPARTMENT_STAFF'] });
export const accountManager = (subject: string): Caller => ({
  subject,
  roles: ['ACCOUNT_MANAGER'],
});
export const supervisor = (subject: string): Caller => ({ subject, roles: ['SUPERVISOR'] });
export const ADMIN: Caller = { subject: 'A0001', roles: ['ADMIN'] };
export const partner: Caller = { subject: 'P0001', roles: ['PARTNER'], partnerId: 'PX' };

/** The ladder is the escalation feature's: here it only notes which requests it was asked for. */
export class RecordingPlanner extends EscalationPlanner {
  readonly replanned: string[] = [];
  async replan(manager: EntityManager, requestId: string): Promise<void> {
    // Called inside the change's transaction: the request is there, as saved.
    const [row] = await manager.query<unknown[]>(
      'SELECT 1 FROM coordination.request WHERE id = $1',
      [requestId],
    );
    if (row) this.replanned.push(requestId);
  }
}

export function openCoordinationTestDatabase(suffix: string): Promise<DataSource> {
  return openOwnTestDatabase(`coordination_${suffix}`, {
    schema: COORDINATION_SCHEMA,
    entities: [],
    migrations: COORDINATION_MIGRATIONS,
  });
}

/** The request feature wired as the module wires it, with the recording planner. */
export function requestServices(dataSource: DataSource) {
  const planner = new RecordingPlanner();
  const wiring = new Wiring(
    [...DEPARTMENTS, ...SLA, ...REQUESTS],
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [OutboxPublisher, new OutboxPublisher(dataSource)],
      [EscalationPlanner, planner],
      [BUSINESS_HOURS, DEFAULT_BUSINESS_HOURS],
    ]),
  );
  const get = wiring.get.bind(wiring);
  return {
    planner,
    submit: (caller: Caller, input: SubmitRequestCommand) =>
      get(SubmitRequestService).submit(caller, input),
    commands: get(RequestCommandsService),
    queries: get(RequestQueriesService),
    retargeter: get(TierRetargetService),
    get,
  };
}
export type RequestServices = ReturnType<typeof requestServices>;

/** A leased-line build for an account, with sensible defaults. */
export function leasedLine(accountId: string, overrides: Partial<SubmitRequestCommand> = {}) {
  return {
    groupAccountId: accountId,
    type: 'LEASED_LINE_BUILD',
    priority: 'P2',
    title: '福州软件园 100M 专线新装',
    description: '客户新办公楼需要两条 100M 互联网专线，要求月底前开通。',
    ...overrides,
  };
}

/** An account with its tier and a primary manager (and supervisor) as the projection keeps them. */
export async function seedAccount(
  dataSource: DataSource,
  managerId: string,
  options: { tier?: 'A' | 'B' | 'C'; supervisorId?: string } = {},
): Promise<string> {
  const id = randomUUID();
  if (options.tier) {
    await dataSource.query(
      'INSERT INTO coordination.account_tier (group_account_id, tier) VALUES ($1, $2)',
      [id, options.tier],
    );
  }
  const rows: [string, string][] = [[managerId, 'PRIMARY']];
  if (options.supervisorId) rows.push([options.supervisorId, 'SUPERVISOR']);
  for (const [subject, relation] of rows) {
    await dataSource.query(
      `INSERT INTO coordination.portfolio_entry (group_account_id, subject, relation, since) VALUES ($1, $2, $3, now())`,
      [id, subject, relation],
    );
  }
  return id;
}

export async function addStaff(dataSource: DataSource, departmentId: string, employeeId: string) {
  await dataSource.query(
    `INSERT INTO coordination.department_member (department_id, employee_id, added_by) VALUES ($1, $2, 'test')`,
    [departmentId, employeeId],
  );
}

export async function eventsAbout(dataSource: DataSource, accountId: string) {
  const rows = await dataSource.query<
    { envelope: { type: string; payload: Record<string, unknown> } }[]
  >('SELECT envelope FROM coordination.outbox WHERE message_key = $1 ORDER BY seq', [accountId]);
  return rows.map((row) => row.envelope);
}

export function auditOf(dataSource: DataSource, requestId: string) {
  return dataSource.query<{ actor: string; action: string; before: unknown; after: unknown }[]>(
    'SELECT actor, action, before, after FROM coordination.request_audit WHERE request_id = $1 ORDER BY id',
    [requestId],
  );
}

export function envelope<T extends EventType>(
  type: T,
  aggregateId: string,
  payload: EventPayload<T>,
): EventEnvelope<T> {
  const id = randomUUID();
  return {
    id,
    type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId,
    correlationId: id,
    causationId: null,
    payload,
  };
}

/**
 * The service's consumer of the accounts' events as the module builds it, on a stand-in for the
 * messaging service that keeps what it subscribes to; `deliver` applies one event in its own
 * transaction, as a batch of one would be.
 */
export function accountEventsConsumer(dataSource: DataSource, services: RequestServices) {
  const consumed: { groupId: string; types: string[] }[] = [];
  let handlers: Record<string, (event: unknown, tx: EntityManager) => Promise<void>> = {};
  const messaging = {
    consume: (options: { groupId: string; handlers: typeof handlers }) => {
      consumed.push({ groupId: options.groupId, types: Object.keys(options.handlers).sort() });
      handlers = options.handlers;
    },
  } as unknown as MessagingService;
  new AccountEventsConsumer(
    messaging,
    new AccountTierRepository(),
    services.retargeter,
  ).onModuleInit();
  const deliver = (event: EventEnvelope) =>
    dataSource.transaction((tx) => handlers[event.type]?.(event, tx) ?? Promise.resolve());
  return { consumed, deliver };
}
