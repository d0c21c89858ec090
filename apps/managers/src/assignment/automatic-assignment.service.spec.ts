import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import {
  EventConsumer,
  type DeliveredRecord,
  type EventTransport,
  type OutgoingRecord,
} from '@gap/messaging';
import {
  accountCreated,
  deliver,
  envelope,
  eventsAbout,
  managersServices,
  openManagersTestDatabase,
  registerManager,
  tierChanged,
  type ManagersServices,
} from '../testing/harness.js';
import { AccountProjectionRepository } from './account-projection.repository.js';
import { AssignmentRepository } from './assignment.repository.js';
import { AutomaticAssignmentService } from './automatic-assignment.service.js';
import type { HandoverPlanner } from './handover-planner.js';
import { PlacementBookService } from './placement-book.service.js';
import { PlacementRepository } from './placement.repository.js';

const record = (event: EventEnvelope, offset: number): DeliveredRecord => ({
  topic: 'events',
  partition: 0,
  offset: String(offset),
  key: event.aggregateId,
  value: JSON.stringify(event),
  headers: {},
});

/**
 * Each scenario has a database of its own: any manager with room may be chosen for any
 * account, so who has room must be decided by the scenario alone.
 */
describe('automatic assignment', () => {
  let dataSource: DataSource;
  let s: ManagersServices;
  let automatic: AutomaticAssignmentService;
  let scenario = 0;

  const primaryOf = async (accountId: string) =>
    (
      await dataSource.query<{ managerId: string }[]>(
        'SELECT manager_id AS "managerId" FROM managers.primary_assignment WHERE group_account_id = $1',
        [accountId],
      )
    )[0]?.managerId ?? null;

  const unassignableReason = async (accountId: string) =>
    (
      await dataSource.query<{ reason: string }[]>(
        'SELECT reason FROM managers.unassignable_account WHERE group_account_id = $1',
        [accountId],
      )
    )[0]?.reason ?? null;

  beforeEach(async () => {
    scenario += 1;
    dataSource = await openManagersTestDatabase(`automatic_${scenario}`);
    s = managersServices(dataSource);
    automatic = s.get(AutomaticAssignmentService);
  });

  afterEach(() => dataSource?.destroy());

  it('gives a new account the best fitting manager at once', async () => {
    await registerManager(s, 'A100', 'KEY_ACCOUNT', { regions: ['110000'], capacity: 0 });
    await registerManager(s, 'A101', 'STANDARD', {
      regions: ['110100'],
      capacity: 10,
      supervisorId: 'A100',
    });
    await registerManager(s, 'A102', 'STANDARD', { regions: ['120100'], capacity: 10 });
    const created = accountCreated('110101');
    await deliver(dataSource, s, created);
    const id = created.payload.groupAccountId;
    expect(await primaryOf(id)).toBe('A101');
    expect((await eventsAbout(dataSource, id)).map((e) => [e.type, e.payload])).toEqual([
      [
        'ManagerAssigned',
        {
          groupAccountId: id,
          managerId: 'A101',
          previousManagerId: null,
          supervisorId: 'A100',
          reason: 'AUTOMATIC',
        },
      ],
    ]);
  });

  it('matches accounts arriving in one batch together, in its one transaction, within capacity', async () => {
    await registerManager(s, 'B101', 'STANDARD', { regions: ['130100'], capacity: 3 });
    await registerManager(s, 'B102', 'STANDARD', { regions: ['130200'], capacity: 2 });
    const batch = Array.from({ length: 6 }, () => accountCreated('130102'));
    const renamed = batch[0].payload;
    await dataSource.transaction(async (tx) => {
      for (const event of batch) await automatic.onAccountCreated(event, tx);
      // A later event of the same batch sees the accounts gathered before it.
      await automatic.onAccountUpdated(
        envelope('AccountUpdated', renamed.groupAccountId, {
          groupAccountId: renamed.groupAccountId,
          changed: ['name'],
          name: '河北新名称集团',
          type: 'ENTERPRISE',
          industryCode: renamed.industryCode,
          regionCode: renamed.regionCode,
          employees: null,
          linesCount: null,
          foundedOn: null,
          tags: [],
          version: 2,
        }),
        tx,
      );
    });
    const [row] = await dataSource.query<{ name: string }[]>(
      'SELECT name FROM managers.group_account WHERE id = $1',
      [renamed.groupAccountId],
    );
    expect(row?.name).toBe('河北新名称集团');
    const owners = await Promise.all(batch.map((e) => primaryOf(e.payload.groupAccountId)));
    expect(owners.filter((o) => o === 'B101')).toHaveLength(3);
    expect(owners.filter((o) => o === 'B102')).toHaveLength(2);
    const left = batch.filter((_, i) => owners[i] === null);
    expect(left).toHaveLength(1);
    expect(await unassignableReason(left[0].payload.groupAccountId)).toBe('NO_CAPACITY');
  });

  it('sees loads another transaction changed since the book was read', async () => {
    await registerManager(s, 'C101', 'STANDARD', { regions: ['140100'], capacity: 3 });
    await registerManager(s, 'C102', 'STANDARD', { regions: ['140200'], capacity: 3 });
    const first = accountCreated('140102');
    await deliver(dataSource, s, first);
    expect(await primaryOf(first.payload.groupAccountId)).toBe('C101');
    // Someone else gives C101 two more accounts, outside automatic assignment.
    const others = [randomUUID(), randomUUID()];
    await dataSource.query(
      `INSERT INTO managers.group_account (id, name, region_code, industry_code, status)
       SELECT unnest($1::uuid[]), '太原企业', '140102', 'C', 'ACTIVE'`,
      [others],
    );
    await dataSource.query(
      `INSERT INTO managers.primary_assignment (group_account_id, manager_id, reason, assigned_by)
       SELECT unnest($1::uuid[]), 'C101', '按区域重新分配', 'S0001'`,
      [others],
    );
    const next = accountCreated('140102');
    await deliver(dataSource, s, next);
    expect(await primaryOf(next.payload.groupAccountId)).toBe('C102');
  });

  it('no longer counts churned accounts against their manager’s capacity', async () => {
    await registerManager(s, 'D101', 'STANDARD', { regions: ['150100'], capacity: 2 });
    const kept = [accountCreated('150102'), accountCreated('150102')];
    for (const event of kept) await deliver(dataSource, s, event);
    const churned = kept[0].payload.groupAccountId;
    await dataSource.transaction((tx) =>
      automatic.onAccountStatusChanged(
        envelope('AccountStatusChanged', churned, {
          groupAccountId: churned,
          from: 'ACTIVE',
          to: 'CHURNED',
          reason: '客户注销',
        }),
        tx,
      ),
    );
    const next = accountCreated('150102');
    await deliver(dataSource, s, next);
    expect(await primaryOf(next.payload.groupAccountId)).toBe('D101');
  });

  it('places the accounts waiting for a manager once there is one', async () => {
    const waiting = accountCreated('160102');
    await deliver(dataSource, s, waiting);
    expect(await unassignableReason(waiting.payload.groupAccountId)).toBe('NO_FITTING_GRADE');
    await registerManager(s, 'F101', 'STANDARD', { regions: ['160100'], capacity: 5 });
    expect(await automatic.placeUnassigned()).toBeGreaterThanOrEqual(1);
    expect(await primaryOf(waiting.payload.groupAccountId)).toBe('F101');
    expect(await unassignableReason(waiting.payload.groupAccountId)).toBeNull();
  });

  it('skips waiting accounts with an open handover: completing it gives them their manager', async () => {
    const waiting = accountCreated('160102');
    await deliver(dataSource, s, waiting);
    const id = waiting.payload.groupAccountId;
    expect(await unassignableReason(id)).toBe('NO_FITTING_GRADE');
    await registerManager(s, 'F201', 'STANDARD', { regions: ['160100'], capacity: 5 });
    await registerManager(s, 'F202', 'STANDARD', { regions: ['160100'], capacity: 5 });
    // The account is already being handed to F202 (its former manager, F201, has no hold).
    await dataSource.query(
      `INSERT INTO managers.handover
         (id, group_account_id, from_manager_id, to_manager_id, state, cause, reason, due_on,
          planned_by, started_at)
       VALUES ($1, $2, 'F201', 'F202', 'SHADOWING', 'OFFBOARDING', '离职交接', current_date + 7,
               'S0001', now())`,
      [randomUUID(), id],
    );
    expect(await automatic.placeUnassigned()).toBe(0);
    expect(await primaryOf(id)).toBeNull();
  });

  it('takes the capacity lock before its first write when it places a batch', async () => {
    await registerManager(s, 'L101', 'STANDARD', { regions: ['180100'], capacity: 5 });
    const statements: string[] = [];
    await dataSource.transaction(async (tx) => {
      const runner = tx.queryRunner;
      if (!runner) throw new Error('A transaction has its query runner.');
      const query = runner.query.bind(runner);
      runner.query = ((
        sql: string,
        ...rest: Parameters<typeof query> extends [string, ...infer R] ? R : never
      ) => {
        statements.push(sql);
        return query(sql, ...rest);
      }) as typeof runner.query;
      await automatic.onAccountCreated(accountCreated('180102'), tx);
      await automatic.onAccountCreated(accountCreated('180102'), tx);
    });
    const lock = statements.findIndex((sql) => sql.includes('pg_advisory_xact_lock'));
    const firstWrite = statements.findIndex((sql) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql));
    expect(lock).toBeGreaterThanOrEqual(0);
    expect(firstWrite).toBeGreaterThan(lock);
  });

  it('keeps the placements of a batch when another event of it fails and is parked', async () => {
    await registerManager(s, 'G101', 'STANDARD', { regions: ['170100'], capacity: 10 });
    await registerManager(s, 'G102', 'KEY_ACCOUNT', { regions: ['170100'], capacity: 50 });
    const owned = accountCreated('170102');
    await deliver(dataSource, s, owned);
    const ownedId = owned.payload.groupAccountId;
    expect(await primaryOf(ownedId)).toBe('G101');
    // A planner that fails: the tier change of the batch cannot be applied.
    const failing: HandoverPlanner = {
      planMany: () => Promise.reject(new Error('handovers are down')),
    };
    const withFailingPlanner = new AutomaticAssignmentService(
      s.get(AssignmentRepository),
      s.get(AccountProjectionRepository),
      s.get(PlacementRepository),
      s.get(PlacementBookService),
      failing,
    );
    const parked: OutgoingRecord[] = [];
    const transport = {
      kind: 'kafka',
      publish: (_topic: string, records: readonly OutgoingRecord[]) => {
        parked.push(...records);
        return Promise.resolve();
      },
    } as unknown as EventTransport;
    const consumer = new EventConsumer(dataSource, transport, {
      groupId: 'managers-spec',
      handlers: {
        AccountCreated: (event, tx) => withFailingPlanner.onAccountCreated(event, tx),
        TierChanged: (event, tx) => withFailingPlanner.onTierChanged(event, tx),
      },
      retryDelayMs: 1,
    });
    const before = accountCreated('170102');
    const after = accountCreated('170102');
    const outcomes = await consumer.consumeBatch([
      record(before, 1),
      record(tierChanged(ownedId, 'A', 'C'), 2),
      record(after, 3),
    ]);
    expect(outcomes).toEqual(['applied', 'dead-lettered', 'applied']);
    expect(parked).toHaveLength(1);
    expect(await primaryOf(before.payload.groupAccountId)).toBe('G101');
    expect(await primaryOf(after.payload.groupAccountId)).toBe('G101');
    expect(await primaryOf(ownedId)).toBe('G101');
  });
});
