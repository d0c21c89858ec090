import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOG,
  type EventEnvelope,
  type EventPayload,
  type EventType,
} from '@gap/contracts';
import { EVENT_ID_HEADER, EVENT_TYPE_HEADER, type OutgoingRecord } from '@gap/messaging';

/** An event on its way to its topic, as the relay sends it. */
export interface Published {
  readonly topic: string;
  readonly record: OutgoingRecord;
}

const T0 = Date.parse('2026-01-05T08:00:00.000Z');

function published<T extends EventType>(
  type: T,
  payload: EventPayload<T> & { groupAccountId: string },
  minutes: number,
): Published {
  const id = randomUUID();
  const envelope: EventEnvelope<T> = {
    id,
    type,
    version: 1,
    occurredAt: new Date(T0 + minutes * 60_000).toISOString(),
    aggregateId: payload.groupAccountId,
    correlationId: id,
    causationId: null,
    payload,
  };
  return {
    topic: EVENT_CATALOG[type].topic,
    record: {
      key: payload.groupAccountId,
      value: JSON.stringify(envelope),
      headers: { [EVENT_ID_HEADER]: id, [EVENT_TYPE_HEADER]: type },
    },
  };
}

/**
 * A realistic history of `count` accounts, in the order the producers publish it: for the first
 * fifth, the managers' and tiering's events come before the account's creation (the accounts
 * service's relay was behind); every fourth account goes through a whole handover (planned,
 * started, completed, then its new manager assigned); every seventh cannot be assigned.
 */
export function portfolioHistory(count: number): { ids: string[]; events: Published[] } {
  const ids = Array.from({ length: count }, () => randomUUID());
  const early: Published[] = [];
  const created: Published[] = [];
  const later: Published[] = [];
  const runId = randomUUID();
  ids.forEach((groupAccountId, i) => {
    const manager = `E${1000 + (i % 6)}`;
    const tier = (['A', 'B', 'C'] as const)[i % 3] ?? 'C';
    created.push(
      published(
        'AccountCreated',
        {
          groupAccountId,
          accountCode: `GA${String(i).padStart(6, '0')}`,
          name: `福州测试集团${i}有限公司`,
          creditCode: `91350100${String(i).padStart(9, '0')}X`,
          type: 'ENTERPRISE',
          industryCode: 'G',
          regionCode: '350102',
          status: 'ACTIVE',
        },
        i,
      ),
    );
    const rest = i < count / 5 ? early : later;
    const tiering = { groupAccountId, policyVersion: 'v1' };
    rest.push(
      published(
        'TierAssigned',
        { ...tiering, tier: 'B', previousTier: null, reason: 'PARETO' },
        100 + i,
      ),
      published(
        'ManagerAssigned',
        {
          groupAccountId,
          managerId: manager,
          previousManagerId: null,
          supervisorId: 'S9001',
          reason: 'TIERING',
        },
        101 + i,
      ),
      published(
        'TierChanged',
        {
          ...tiering,
          tier,
          previousTier: 'B',
          reason: 'PARETO',
          runId,
          overrideId: null,
          effectiveFrom: '2026-02-01',
        },
        200 + i,
      ),
      published(
        'AccountValued',
        {
          ...tiering,
          tier,
          previousTier: 'B',
          segment: i % 2 === 0 ? 'VALUE' : 'LOW_VALUE',
          currentValue: String(1_000_000 * (count - i)),
          potentialValue: String(300_000 * i),
          runId,
          effectiveFrom: '2026-02-01',
        },
        201 + i,
      ),
      published(
        'TeamChanged',
        { groupAccountId, members: [{ managerId: `E${2000 + i}`, role: 'BACKUP' }] },
        202 + i,
      ),
    );
    if (i % 4 === 0) {
      const handover = {
        handoverId: randomUUID(),
        groupAccountId,
        fromManagerId: manager,
        toManagerId: 'E1999',
      };
      rest.push(
        published(
          'HandoverPlanned',
          { ...handover, cause: 'MANUAL', dueOn: '2026-03-01', checklist: [] },
          300 + i,
        ),
        published('HandoverStarted', handover, 400 + i),
        published('HandoverCompleted', { ...handover, leadTimeDays: 3 }, 500 + i),
        published(
          'ManagerAssigned',
          {
            groupAccountId,
            managerId: 'E1999',
            previousManagerId: manager,
            supervisorId: null,
            reason: 'HANDOVER',
          },
          500 + i,
        ),
      );
    } else if (i % 4 === 1) {
      const handover = {
        handoverId: randomUUID(),
        groupAccountId,
        fromManagerId: manager,
        toManagerId: 'E1998',
      };
      rest.push(
        published(
          'HandoverPlanned',
          { ...handover, cause: 'REBALANCE', dueOn: '2026-03-01', checklist: [] },
          300 + i,
        ),
      );
    }
    if (i % 7 === 0) {
      rest.push(
        published(
          'AccountUnassignable',
          {
            groupAccountId,
            tier,
            reason: 'NO_CAPACITY',
            currentManagerId: null,
            policyVersion: 'm1',
          },
          600 + i,
        ),
      );
    }
  });
  return { ids, events: [...early, ...created, ...later] };
}
