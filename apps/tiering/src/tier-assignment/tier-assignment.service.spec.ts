import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { OutboxPublisher } from '@gap/messaging';
import { openTestDataSource } from '@gap/testing';
import { TIERING_SCHEMA } from '../migrations/index.js';
import { AccountTierEntity } from './account-tier.entity.js';
import { AccountTierRepository } from './account-tier.repository.js';
import { AccountVisibility } from '../visibility/account-visibility.repository.js';
import { TieringPolicyRepository } from '../value/tiering-policy.repository.js';
import { TierAssignmentService } from './tier-assignment.service.js';

function accountCreated(accountId: string): EventEnvelope<'AccountCreated'> {
  return {
    id: randomUUID(),
    type: 'AccountCreated',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: accountId,
    correlationId: randomUUID(),
    causationId: null,
    payload: {
      groupAccountId: accountId,
      accountCode: 'GA00100042',
      name: '泉州市交通运输局',
      creditCode: '11350500MB0000000X',
      type: 'GOVERNMENT',
      industryCode: 'S',
      regionCode: '350502',
      status: 'PROSPECT',
    },
  };
}

describe('the first tier of a new account', () => {
  let dataSource: DataSource;
  let tiers: TierAssignmentService;

  beforeAll(async () => {
    dataSource = await openTestDataSource({
      schema: TIERING_SCHEMA,
      entities: [AccountTierEntity],
      migrations: [],
    });
    tiers = new TierAssignmentService(
      new AccountTierRepository(dataSource),
      new OutboxPublisher(dataSource),
      new AccountVisibility(dataSource),
      new TieringPolicyRepository(dataSource),
    );
  });

  afterAll(() => dataSource.destroy());

  it('starts the account in tier C and announces it with TierAssigned', async () => {
    const accountId = randomUUID();
    await dataSource.transaction((manager) =>
      tiers.onAccountCreated(accountCreated(accountId), manager),
    );
    const found = await tiers.tiersOf({ subject: 'C1', roles: ['COORDINATOR'] }, [accountId]);
    expect(found.get(accountId)).toBe('C');
    const events = await dataSource.query<{ envelope: { payload: object } }[]>(
      'SELECT envelope FROM tiering.outbox WHERE message_key = $1',
      [accountId],
    );
    expect(events.map((e) => e.envelope.payload)).toEqual([
      expect.objectContaining({
        groupAccountId: accountId,
        tier: 'C',
        previousTier: null,
      }),
    ]);
  });

  it('changes nothing when the account is announced again (a replay or a second producer)', async () => {
    const accountId = randomUUID();
    await dataSource.transaction((manager) =>
      tiers.onAccountCreated(accountCreated(accountId), manager),
    );
    await dataSource.transaction((manager) =>
      tiers.onAccountCreated(accountCreated(accountId), manager),
    );
    const [counts] = await dataSource.query<{ tiers: number; events: number }[]>(
      `SELECT (SELECT count(*)::int FROM tiering.account_tier WHERE group_account_id = $1) AS tiers,
              (SELECT count(*)::int FROM tiering.outbox WHERE message_key = $1::text) AS events`,
      [accountId],
    );
    expect(counts).toEqual({ tiers: 1, events: 1 });
  });

  it('does not show tiers to partners', async () => {
    await expect(
      tiers.tiersOf({ subject: 'P1', roles: ['PARTNER'] }, [randomUUID()]),
    ).rejects.toMatchObject({
      kind: 'FORBIDDEN',
    });
  });
});
