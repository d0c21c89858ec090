import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayload } from '@gap/contracts';
import {
  callers,
  freshCreditCode,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import { LEAD_REGISTRANT } from './open-lead-prospect.service.js';

function leadQualified(
  payload: Partial<EventPayload<'LeadQualified'>>,
): EventEnvelope<'LeadQualified'> {
  const leadId = randomUUID();
  return {
    id: randomUUID(),
    type: 'LeadQualified',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateId: leadId,
    correlationId: randomUUID(),
    causationId: null,
    payload: {
      leadId,
      partnerId: randomUUID(),
      groupAccountId: null,
      version: 2,
      prospectRequested: true,
      creditCode: freshCreditCode(),
      companyName: '福州星辰数据科技有限公司',
      regionCode: '350102',
      industrySection: 'I',
      qualifiedBy: 'partners',
      ...payload,
    },
  };
}

describe("a partner's lead for a new company", () => {
  let h: AccountsHarness;

  beforeAll(async () => {
    h = await openAccountsHarness();
  });
  afterAll(() => h.close());

  const deliver = (event: EventEnvelope<'LeadQualified'>) =>
    h.dataSource.transaction((manager) => h.leadProspects.onLeadQualified(event, manager));

  async function book(creditCode: string) {
    return h.dataSource.query<
      { status: string; type: string; created_by: string; name: string; events: number }[]
    >(
      `SELECT a.status, a.type, a.created_by, a.name,
              (SELECT count(*)::int FROM accounts.outbox o
                WHERE o.message_key = a.id::text AND o.event_type = 'AccountCreated') AS events
         FROM accounts.group_account a WHERE a.credit_code = $1`,
      [creditCode],
    );
  }

  it('is opened as a PROSPECT account registered by the partners service, with AccountCreated', async () => {
    const event = leadQualified({});
    await expect(deliver(event)).resolves.toBe('opened');
    expect(await book(event.payload.creditCode ?? '')).toEqual([
      {
        status: 'PROSPECT',
        type: 'ENTERPRISE',
        created_by: LEAD_REGISTRANT,
        name: '福州星辰数据科技有限公司',
        events: 1,
      },
    ]);
  });

  it('takes the kind of account from the credit code: 92 is an individual business', async () => {
    const code = freshCreditCode('350203', '92');
    await deliver(leadQualified({ creditCode: code }));
    expect((await book(code))[0]?.type).toBe('SME');
  });

  it('opens one account however often the event comes, and none for a code in the book', async () => {
    const event = leadQualified({});
    await deliver(event);
    await expect(deliver(leadQualified({ creditCode: event.payload.creditCode }))).resolves.toBe(
      'already-in-book',
    );
    const registered = await h.createAccount.create(callers.manager('E3101'), {
      name: '已在册客户有限公司',
      creditCode: freshCreditCode(),
      type: 'ENTERPRISE',
      industryCode: 'C',
      regionCode: '350102',
    });
    await expect(deliver(leadQualified({ creditCode: registered.creditCode }))).resolves.toBe(
      'already-in-book',
    );
    expect(await book(event.payload.creditCode ?? '')).toHaveLength(1);
    expect((await book(registered.creditCode))[0]?.created_by).toBe('E3101');
  });

  it('opens nothing when no prospect was asked for or the book refuses the fields', async () => {
    const notAsked = leadQualified({ prospectRequested: false });
    const matched = leadQualified({ groupAccountId: randomUUID() });
    const noCode = leadQualified({ creditCode: null });
    const badRegion = leadQualified({ regionCode: '000000' });
    const badCode = leadQualified({ creditCode: '91350100M000100Y44' });
    await expect(deliver(notAsked)).resolves.toBe('not-requested');
    await expect(deliver(matched)).resolves.toBe('not-requested');
    await expect(deliver(noCode)).resolves.toBe('refused');
    await expect(deliver(badRegion)).resolves.toBe('refused');
    await expect(deliver(badCode)).resolves.toBe('refused');
    for (const event of [notAsked, matched, badRegion]) {
      expect(await book(event.payload.creditCode ?? '')).toEqual([]);
    }
  });
});
