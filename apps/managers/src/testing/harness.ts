import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import type { EventEnvelope, EventPayload, EventType } from '@gap/contracts';
import type { Grade } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { openOwnTestDatabase } from '@gap/testing';
import { AssignmentQueriesService } from '../assignment/assignment-queries.service.js';
import { AssignmentStore } from '../assignment/assignment.store.js';
import { AutomaticAssignmentService } from '../assignment/automatic-assignment.service.js';
import { ManualAssignmentService } from '../assignment/manual-assignment.service.js';
import { CancelHandoverService } from '../handover/cancel-handover.service.js';
import { CompleteHandoverService } from '../handover/complete-handover.service.js';
import { HandoverDeadlinesService } from '../handover/handover-deadlines.service.js';
import { HandoverQueryService } from '../handover/handover-query.service.js';
import { HandoverService } from '../handover/handover.service.js';
import { OffboardingService } from '../handover/offboarding.service.js';
import { ResolveChecklistItemService } from '../handover/resolve-checklist-item.service.js';
import { StartHandoverService } from '../handover/start-handover.service.js';
import { ASSIGNMENT, FOUNDATION, HANDOVER } from '../managers.module.js';
import { AccountManagerRepository } from '../managers/account-manager.repository.js';
import { AccountManagerService } from '../managers/account-manager.service.js';
import { ManagerScorecardService } from '../managers/manager-scorecard.service.js';
import { RegisterAccountManagerService } from '../managers/register-account-manager.service.js';
import { UpdateAccountManagerService } from '../managers/update-account-manager.service.js';
import { MANAGERS_MIGRATIONS, MANAGERS_SCHEMA } from '../migrations/index.js';
import { ManagerPolicyService } from '../policy/manager-policy.service.js';
import { RebalanceApplyService } from '../rebalance/rebalance-apply.service.js';
import { RebalancePreviewService } from '../rebalance/rebalance-preview.service.js';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import { Wiring } from '@gap/testing';

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

type ApplyArgs =
  Parameters<RebalanceApplyService['apply']> extends [unknown, ...infer R] ? R : never;

/**
 * The managers service's parts wired as the module wires them (its own provider lists), on a
 * data source; each use case under the name specs have always called it by.
 */
export function managersServices(dataSource: DataSource) {
  const wiring = new Wiring(
    [...FOUNDATION, ...HANDOVER, ...ASSIGNMENT],
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [OutboxPublisher, new OutboxPublisher(dataSource)],
    ]),
  );
  const get = wiring.get.bind(wiring);
  const queries = get(HandoverQueryService);
  const planning = get(HandoverService);
  const directory = get(AccountManagerService);
  const automatic = get(AutomaticAssignmentService);
  const assignmentQueries = get(AssignmentQueriesService);
  const deadlines = get(HandoverDeadlinesService);
  return {
    get,
    policies: get(ManagerPolicyService),
    store: get(AssignmentStore),
    visibility: get(ManagerVisibility),
    managerRows: get(AccountManagerRepository),
    handovers: {
      plan: planning.plan.bind(planning),
      planMany: planning.planMany.bind(planning),
      start: (caller: Caller, id: string) => get(StartHandoverService).start(caller, id),
      resolveItem: (caller: Caller, input: Parameters<ResolveChecklistItemService['resolve']>[1]) =>
        get(ResolveChecklistItemService).resolve(caller, input),
      complete: (caller: Caller, id: string, now?: Date) =>
        get(CompleteHandoverService).complete(caller, id, now),
      cancel: (caller: Caller, input: Parameters<CancelHandoverService['cancel']>[1]) =>
        get(CancelHandoverService).cancel(caller, input),
      byId: queries.byId.bind(queries),
      list: queries.list.bind(queries),
    },
    assignments: {
      onAccountCreated: automatic.onAccountCreated.bind(automatic),
      onTierChanged: automatic.onTierChanged.bind(automatic),
      placeUnassigned: automatic.placeUnassigned.bind(automatic),
      assign: (caller: Caller, input: Parameters<ManualAssignmentService['assign']>[1]) =>
        get(ManualAssignmentService).assign(caller, input),
      explain: assignmentQueries.explain.bind(assignmentQueries),
      unassignable: assignmentQueries.unassignable.bind(assignmentQueries),
    },
    offboarding: {
      offboard: (
        caller: Caller,
        input: Parameters<OffboardingService['offboard']>[1],
        today?: string,
      ) => get(OffboardingService).offboard(caller, input, today),
      enforceDeadlines: deadlines.enforce.bind(deadlines),
    },
    managers: {
      register: async (
        caller: Caller,
        input: Parameters<RegisterAccountManagerService['register']>[1],
      ) => directory.byId(caller, await get(RegisterAccountManagerService).register(caller, input)),
      update: async (caller: Caller, input: Parameters<UpdateAccountManagerService['update']>[1]) =>
        directory.byId(caller, await get(UpdateAccountManagerService).update(caller, input)),
      byId: directory.byId.bind(directory),
      byIds: directory.byIds.bind(directory),
      list: directory.list.bind(directory),
      scorecards: (ids: readonly string[], caller: Caller = ADMIN) =>
        get(ManagerScorecardService).scorecards(caller, ids),
    },
    rebalances: {
      preview: (caller: Caller, scope: Parameters<RebalancePreviewService['preview']>[1]) =>
        get(RebalancePreviewService).preview(caller, scope),
      byId: (caller: Caller, id: string) => get(RebalancePreviewService).byId(caller, id),
      apply: (caller: Caller, ...rest: ApplyArgs) =>
        get(RebalanceApplyService).apply(caller, ...rest),
    },
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
 * Accounts that break who is accountable (the primary row is keyed on the account, so two
 * primaries cannot happen; these can):
 * - NO_PRIMARY: an account that is not churned, has no primary manager and is not on the
 *   unassignable list waiting for one;
 * - LISTED_WITH_PRIMARY: an account with a primary manager still listed as waiting for one;
 * - HANDOVER_FROM_ANOTHER: an open handover whose outgoing manager is not the primary.
 */
export async function primaryViolations(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(
    `SELECT g.id, 'NO_PRIMARY' AS violation
       FROM managers.group_account g
      WHERE g.status <> 'CHURNED'
        AND NOT EXISTS (SELECT 1 FROM managers.primary_assignment pa
                         WHERE pa.group_account_id = g.id)
        AND NOT EXISTS (SELECT 1 FROM managers.unassignable_account u
                         WHERE u.group_account_id = g.id AND u.current_manager_id IS NULL)
     UNION ALL
     SELECT pa.group_account_id, 'LISTED_WITH_PRIMARY'
       FROM managers.primary_assignment pa
       JOIN managers.unassignable_account u
         ON u.group_account_id = pa.group_account_id AND u.current_manager_id IS NULL
     UNION ALL
     SELECT h.group_account_id, 'HANDOVER_FROM_ANOTHER'
       FROM managers.handover h
       JOIN managers.primary_assignment pa ON pa.group_account_id = h.group_account_id
      WHERE h.state IN ('PLANNED', 'SHADOWING') AND pa.manager_id <> h.from_manager_id`,
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

/** Moves a shadowing handover's start `days` back, as if both managers had shadowed that long. */
export async function shadowedFor(dataSource: DataSource, handoverId: string, days: number) {
  await dataSource.query(
    `UPDATE managers.handover SET started_at = now() - make_interval(days => $2)
      WHERE id = $1 AND state = 'SHADOWING'`,
    [handoverId, days],
  );
}

/** An account this service knows, of a tier, with a primary manager: built directly. */
export async function seedAccount(
  dataSource: DataSource,
  tier: 'A' | 'B' | 'C',
  primaryManagerId: string,
  regionCode = '350102',
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
     VALUES ($1, '福州测试企业', $2, 'C', 'ACTIVE')`,
    [id, regionCode],
  );
  await dataSource.query(
    'INSERT INTO managers.account_tier (group_account_id, tier) VALUES ($1, $2)',
    [id, tier],
  );
  await dataSource.query(
    `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
     VALUES ($1, $2, 'AUTOMATIC', 'system')`,
    [id, primaryManagerId],
  );
  return id;
}
