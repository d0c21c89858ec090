import type { PendingEvent } from '@gap/messaging';
import type { GroupAccountEntity } from './group-account.entity.js';

/** The events of an account's life, as recorded in the outbox with the change. */
export function accountCreated(account: GroupAccountEntity): PendingEvent<'AccountCreated'> {
  return {
    type: 'AccountCreated',
    aggregateId: account.id,
    payload: {
      groupAccountId: account.id,
      accountCode: account.accountCode,
      name: account.name,
      creditCode: account.creditCode,
      type: account.type,
      industryCode: account.industryCode,
      regionCode: account.regionCode,
      status: account.status,
      parentId: account.parentId,
      employees: account.employees,
      linesCount: account.linesCount,
      foundedOn: account.foundedOn,
      registeredBy: account.createdBy,
    },
  };
}

export function accountUpdated(
  updated: GroupAccountEntity,
  changed: readonly string[],
): PendingEvent<'AccountUpdated'> {
  return {
    type: 'AccountUpdated',
    aggregateId: updated.id,
    payload: {
      groupAccountId: updated.id,
      changed: [...changed],
      name: updated.name,
      type: updated.type,
      industryCode: updated.industryCode,
      regionCode: updated.regionCode,
      employees: updated.employees,
      linesCount: updated.linesCount,
      foundedOn: updated.foundedOn,
      tags: updated.tags,
      version: updated.version,
    },
  };
}

export function accountStatusChanged(
  from: GroupAccountEntity['status'],
  updated: GroupAccountEntity,
  reason: string | null,
): PendingEvent<'AccountStatusChanged'> {
  return {
    type: 'AccountStatusChanged',
    aggregateId: updated.id,
    payload: { groupAccountId: updated.id, from, to: updated.status, reason },
  };
}
