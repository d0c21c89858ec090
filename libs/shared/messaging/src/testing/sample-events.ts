import type { PendingEvent } from '../outbox/outbox.publisher.js';
import { creditCodeFor } from './credit-codes.js';

export function sampleAccountCreated(accountId: string): PendingEvent<'AccountCreated'> {
  return {
    type: 'AccountCreated',
    aggregateId: accountId,
    payload: {
      groupAccountId: accountId,
      accountCode: `GA${accountId.slice(0, 8)}`,
      name: '福州海峡精密制造有限公司',
      creditCode: creditCodeFor(accountId),
      type: 'ENTERPRISE',
      industryCode: 'C',
      regionCode: '350102',
      status: 'PROSPECT',
    },
  };
}
