import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import type { EventEnvelope, EventPayload, EventType } from '@gap/contracts';
import type { Grade } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { openOwnTestDatabase } from '@gap/testing';
import { AssignmentService } from '../assignment/assignment.service.js';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { checklistSources, HandoverChecklist } from '../handover/checklist.js';
import { HandoverService } from '../handover/handover.service.js';
import { OffboardingService } from '../handover/offboarding.service.js';
import { MANAGERS_MIGRATIONS, MANAGERS_SCHEMA } from '../migrations/index.js';
import { AccountManagerService } from '../managers/account-manager.service.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { RebalanceService } from '../rebalance/rebalance.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';

export const ADMIN: Caller = { subject: 'A0001', roles: ['ADMIN'] };
export const supervisor = (subject: string): Caller => ({ subject, roles: ['SUPERVISOR'] });
export const accountManager = (subject: string): Caller => ({
  subject,
  roles: ['ACCOUNT_MANAGER'],
});

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

/** A managers database of the spec's own, so that who has room is decided by the spec alone. */
export function openManagersTestDatabase(suffix: string): Promise<DataSource> {
  return openOwnTestDatabase(`managers_${suffix}`, {
    schema: MANAGERS_SCHEMA,
    entities: [],
    migrations: MANAGERS_MIGRATIONS,
  });
}

/** The managers service's parts wired by hand on a data source, as the module wires them. */
export function managersServices(dataSource: DataSource) {
  const outbox = new OutboxPublisher(dataSource);
  const policies = new ManagerPolicyService(dataSource);
  const store = new AssignmentStore(outbox);
  const visibility = new ManagerVisibility(dataSource);
  const handovers = new HandoverService(
    dataSource,
    store,
    policies,
    new HandoverChecklist(checklistSources()),
    visibility,
    outbox,
  );
  const assignments = new AssignmentService(dataSource, store, policies, handovers, visibility);
  return {
    policies,
    store,
    visibility,
    handovers,
    assignments,
    offboarding: new OffboardingService(dataSource, store, policies, handovers, outbox),
    managers: new AccountManagerService(dataSource, policies, store, outbox),
    rebalances: new RebalanceService(dataSource, store, policies, handovers, visibility),
  };
}
export type ManagersServices = ReturnType<typeof managersServices>;

/** Registers a manager with sensible defaults for a test. */
export function registerManager(
  services: ManagersServices,
  id: string,
  grade: Grade,
  overrides: {
    regions?: string[];
    industries?: string[];
    capacity?: number;
    supervisorId?: string;
  } = {},
) {
  return services.managers.register(ADMIN, {
    id,
    name: `经理 ${id}`,
    grade,
    regions: overrides.regions ?? ['350100'],
    industries: overrides.industries ?? ['C'],
    capacity: overrides.capacity ?? 100,
    supervisorId: overrides.supervisorId ?? null,
  });
}

/** Delivers an accounts or tiering event to the service as its consumer would. */
export async function deliver(
  dataSource: DataSource,
  services: ManagersServices,
  event: EventEnvelope<'AccountCreated'> | EventEnvelope<'TierChanged'>,
): Promise<void> {
  await dataSource.transaction((manager) =>
    event.type === 'AccountCreated'
      ? services.assignments.onAccountCreated(event, manager)
      : services.assignments.onTierChanged(event, manager),
  );
}

export function accountCreated(
  regionCode = '350102',
  overrides: Partial<EventPayload<'AccountCreated'>> = {},
): EventEnvelope<'AccountCreated'> {
  const id = randomUUID();
  return envelope('AccountCreated', id, {
    groupAccountId: id,
    accountCode: `GA${Math.floor(Math.random() * 1e8)
      .toString()
      .padStart(8, '0')}`,
    name: '福建海峡智能装备集团有限公司',
    creditCode: '91350100M000100Y43',
    type: 'ENTERPRISE',
    industryCode: 'C',
    regionCode,
    status: 'PROSPECT',
    registeredBy: 'C0001',
    ...overrides,
  });
}

export function tierChanged(accountId: string, tier: string, previousTier: string) {
  return envelope('TierChanged', accountId, {
    groupAccountId: accountId,
    tier,
    previousTier,
    reason: 'PARETO',
    policyVersion: 'v1',
    runId: randomUUID(),
    overrideId: null,
    effectiveFrom: '2026-11-30',
  });
}

/**
 * Accounts that break "exactly one primary manager": none or two primary rows. An account
 * that has never had a manager is allowed only while it is listed as unassignable.
 */
export async function primaryViolations(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(
    `SELECT g.id, count(pa.manager_id)::int AS primaries
       FROM managers.group_account g
       LEFT JOIN managers.primary_assignment pa ON pa.group_account_id = g.id
      GROUP BY g.id
     HAVING count(pa.manager_id) > 1
         OR (count(pa.manager_id) = 0
             AND NOT EXISTS (SELECT 1 FROM managers.unassignable_account u
                              WHERE u.group_account_id = g.id AND u.current_manager_id IS NULL))`,
  );
}

/** Events this service recorded about an account, oldest first. */
export async function eventsAbout(
  dataSource: DataSource,
  accountId: string,
): Promise<{ type: string; payload: Record<string, unknown> }[]> {
  const rows = await dataSource.query<
    { envelope: { type: string; payload: Record<string, unknown> } }[]
  >(`SELECT envelope FROM managers.outbox WHERE message_key = $1 ORDER BY seq`, [accountId]);
  return rows.map((row) => row.envelope);
}
