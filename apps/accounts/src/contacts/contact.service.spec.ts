import { randomUUID } from 'node:crypto';
import { ACCOUNTS_TOPIC } from '@gap/contracts';
import { EVENT_TYPE_HEADER, PostgresLogTransport } from '@gap/messaging';
import { testDatabaseUrl } from '@gap/testing';
import {
  accountInput,
  callers,
  failure,
  openAccountsHarness,
  type AccountsHarness,
} from '../testing/accounts-harness.js';
import type { AddContactInput } from './contact.types.js';

const manager = callers.manager('E6001');

describe('contacts', () => {
  let h: AccountsHarness;
  let accountId: string;

  beforeAll(async () => {
    h = await openAccountsHarness();
    accountId = (
      await h.createAccount.create(
        callers.coordinator,
        accountInput({ name: '厦门航空港物流有限公司' }),
      )
    ).id;
    await h.assign(accountId, 'E6001');
  });
  afterAll(() => h.close());

  const person = (overrides: Partial<AddContactInput> = {}): AddContactInput => ({
    groupAccountId: accountId,
    name: '林晓东',
    title: '信息中心主任',
    role: 'IT_LEAD',
    mobile: '138 0592 6688',
    officePhone: '0592-5556688',
    email: 'lin.xd@XMAirport.cn',
    preferredChannel: 'SMS',
    birthday: '1979-11-27',
    keyDates: [{ kind: 'LINE_ACTIVATION_ANNIVERSARY', date: '2018-11-29' }],
    consents: [{ purpose: 'CARE_GREETINGS', given: true }],
    ...overrides,
  });

  it('stores phones in E.164 and e-mail normalised, records consent and announces the contact without personal data', async () => {
    const contact = await h.addContact.add(manager, person());
    expect(contact).toMatchObject({
      mobile: '+8613805926688',
      officePhone: '+865925556688',
      email: 'lin.xd@xmairport.cn',
      birthday: '1979-11-27',
      keyDates: [
        { kind: 'LINE_ACTIVATION_ANNIVERSARY', date: '2018-11-29', label: null, yearly: true },
      ],
    });
    expect(await h.findContacts.consents(manager, contact.id)).toMatchObject([
      { purpose: 'CARE_GREETINGS', given: true, recordedBy: 'E6001' },
    ]);
    const [event] = await h.dataSource.query<{ envelope: string }[]>(
      `SELECT envelope::text FROM accounts.outbox WHERE event_type = 'ContactAdded' AND envelope->'payload'->>'contactId' = $1`,
      [contact.id],
    );
    expect(event?.envelope).toBeDefined();
    for (const personal of ['林晓东', '13805926688', 'lin.xd', '1979'])
      expect(event?.envelope).not.toContain(personal);
  });

  it.each<[string, Partial<AddContactInput>, string, string]>([
    ['an empty name', { name: ' ' }, 'input.name', 'REQUIRED'],
    ['an over-long title', { title: '很'.repeat(101) }, 'input.title', 'TOO_LONG'],
    ['an unknown role', { role: 'BOSS' }, 'input.role', 'ROLE_UNKNOWN'],
    ['a bad mobile', { mobile: '12345678901' }, 'input.mobile', 'PHONE_INVALID'],
    ['a landline as the mobile', { mobile: '0592-5556688' }, 'input.mobile', 'NOT_A_MOBILE'],
    ['a bad office phone', { officePhone: '5556688' }, 'input.officePhone', 'PHONE_INVALID'],
    ['a bad e-mail', { email: 'lin.xd@' }, 'input.email', 'EMAIL_INVALID'],
    [
      'an unknown channel',
      { preferredChannel: 'FAX' },
      'input.preferredChannel',
      'CHANNEL_UNKNOWN',
    ],
    ['SMS without a mobile', { mobile: null }, 'input.preferredChannel', 'CHANNEL_UNREACHABLE'],
    ['a future birthday', { birthday: '2999-01-01' }, 'input.birthday', 'DATE_IN_FUTURE'],
    ['a child as a business contact', { birthday: '2020-01-01' }, 'input.birthday', 'TOO_YOUNG'],
    [
      'a birthday that does not exist',
      { birthday: '1980-02-30' },
      'input.birthday',
      'DATE_INVALID',
    ],
    [
      'an unknown key date kind',
      { keyDates: [{ kind: 'PARTY', date: '2020-01-01' }] },
      'input.keyDates.0.kind',
      'KEY_DATE_KIND_UNKNOWN',
    ],
    [
      'a custom date without a label',
      { keyDates: [{ kind: 'CUSTOM', date: '2020-01-01' }] },
      'input.keyDates.0.label',
      'REQUIRED',
    ],
  ])(
    'refuses %s with a code and the field, and writes nothing',
    async (_case, change, field, reason) => {
      const name = `校验${randomUUID().slice(0, 8)}`;
      const error = await failure(h.addContact.add(manager, person({ name, ...change })));
      expect(error.violations.map((v) => [v.field, v.reason])).toEqual([[field, reason]]);
      const [row] = await h.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM accounts.contact WHERE name = $1',
        [name],
      );
      expect(row?.n).toBe(0);
    },
  );

  it('shows a coordinator the masked mobile and no birthday, and the manager everything', async () => {
    const contact = await h.addContact.add(manager, person());
    expect(await h.findContacts.get(callers.coordinator, contact.id)).toMatchObject({
      mobile: '+86 138****6688',
      birthday: null,
      officePhone: '+865925556688',
    });
    expect(await h.findContacts.get(manager, contact.id)).toMatchObject({
      mobile: '+8613805926688',
      birthday: '1979-11-27',
    });
    expect((await failure(h.findContacts.get(callers.manager('E6999'), contact.id))).code).toBe(
      'CONTACT_NOT_FOUND',
    );
  });

  it('updates at the version read, checking the contact as it would be after the change', async () => {
    const contact = await h.addContact.add(manager, person());
    const updated = await h.updateContact.update(manager, {
      id: contact.id,
      version: contact.version,
      title: '副总经理',
      role: 'DECISION_MAKER',
    });
    expect(updated).toMatchObject({
      title: '副总经理',
      role: 'DECISION_MAKER',
      version: contact.version + 1,
    });
    const unreachable = await failure(
      h.updateContact.update(manager, { id: contact.id, version: updated.version, mobile: null }),
    );
    expect(unreachable).toMatchObject({
      field: 'input.preferredChannel',
      code: 'CHANNEL_UNREACHABLE',
    });
    const stale = await failure(
      h.updateContact.update(manager, {
        id: contact.id,
        version: contact.version,
        title: '总经理',
      }),
    );
    expect(stale).toMatchObject({ code: 'VERSION_MISMATCH', field: 'input.version' });
  });

  it('erases everything personal, keeps an anonymous stub and its consents, and tells other services', async () => {
    const contact = await h.addContact.add(
      manager,
      person({ keyDates: [{ kind: 'CUSTOM', date: '2020-05-01', label: '建厂纪念日' }] }),
    );
    await h.keyDates.scan('2026-11-23', 7);
    const erased = await h.eraseContact.erase(manager, contact.id);
    expect(erased).toMatchObject({
      name: null,
      title: null,
      mobile: null,
      officePhone: null,
      email: null,
      birthday: null,
      keyDates: [],
    });
    const [row] = await h.dataSource.query<Record<string, unknown>[]>(
      'SELECT * FROM accounts.contact WHERE id = $1',
      [contact.id],
    );
    const personal = ['name', 'title', 'mobile', 'office_phone', 'email', 'birthday'];
    expect(Object.fromEntries(personal.map((c) => [c, row?.[c]]))).toEqual(
      Object.fromEntries(personal.map((c) => [c, null])),
    );
    const text = JSON.stringify(row);
    for (const trace of ['林晓东', '13805926688', '5556688', 'lin.xd', '1979-11-27'])
      expect(text).not.toContain(trace);
    const [left] = await h.dataSource.query<
      { dates: number; notices: number; consents: number; events: number }[]
    >(
      `SELECT (SELECT count(*)::int FROM accounts.contact_key_date WHERE contact_id = $1) AS dates,
              (SELECT count(*)::int FROM accounts.key_date_notice WHERE source_id = $1) AS notices,
              (SELECT count(*)::int FROM accounts.contact_consent WHERE contact_id = $1) AS consents,
              (SELECT count(*)::int FROM accounts.outbox WHERE event_type = 'ContactErased'
                  AND envelope->'payload'->>'contactId' = $1::text) AS events`,
      [contact.id],
    );
    expect(left).toEqual({ dates: 0, notices: 0, consents: 1, events: 1 });
    await h.eraseContact.erase(manager, contact.id);
    expect(
      (
        await failure(
          h.updateContact.update(manager, { id: contact.id, version: erased.version, title: 'x' }),
        )
      ).code,
    ).toBe('CONTACT_ERASED');
    expect(
      (await h.findContacts.ofAccount(manager, accountId, false)).map((c) => c.id),
    ).not.toContain(contact.id);
  });

  it('announces each key date once when it comes within the lead time, however often the scan runs', async () => {
    const account = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '关怀日期测试公司' }),
    );
    const contact = await h.addContact.add(
      callers.coordinator,
      person({
        groupAccountId: account.id,
        birthday: '1984-02-29',
        keyDates: [
          { kind: 'LINE_ACTIVATION_ANNIVERSARY', date: '2019-03-03' },
          { kind: 'OFFICE_MOVE', date: '2027-03-01' },
          { kind: 'OFFICE_MOVE', date: '2026-03-01' },
        ],
      }),
    );
    const announced = async () =>
      h.dataSource.query<{ kind: string; occursOn: string; daysAhead: number }[]>(
        `SELECT envelope->'payload'->>'kind' AS kind, envelope->'payload'->>'occursOn' AS "occursOn",
                (envelope->'payload'->>'daysAhead')::int AS "daysAhead"
           FROM accounts.outbox WHERE event_type = 'KeyDateUpcoming' AND envelope->'payload'->>'contactId' = $1
          ORDER BY 2, 1`,
        [contact.id],
      );
    await h.keyDates.scan('2027-02-20', 7);
    expect(await announced()).toEqual([]);
    await h.keyDates.scan('2027-02-22', 7);
    await h.keyDates.scan('2027-02-22', 7);
    await h.keyDates.scan('2027-02-24', 7);
    expect(await announced()).toEqual([
      { kind: 'BIRTHDAY', occursOn: '2027-02-28', daysAhead: 6 },
      { kind: 'OFFICE_MOVE', occursOn: '2027-03-01', daysAhead: 7 },
      { kind: 'LINE_ACTIVATION_ANNIVERSARY', occursOn: '2027-03-03', daysAhead: 7 },
    ]);
  });

  /** The KeyDateUpcoming announcements of a contact, as the outbox holds them. */
  const announcementsOf = (contactId: string) =>
    h.dataSource.query<{ id: string; status: string; envelope: string; kind: string }[]>(
      `SELECT id, status, envelope::text AS envelope, envelope->'payload'->>'kind' AS kind
         FROM accounts.outbox
        WHERE event_type = 'KeyDateUpcoming' AND envelope->'payload'->>'contactId' = $1
        ORDER BY seq`,
      [contactId],
    );

  it('does not announce the key dates of a contact without consent to care greetings', async () => {
    const account = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '关怀同意测试公司' }),
    );
    const dates = {
      groupAccountId: account.id,
      birthday: '1982-09-14',
      keyDates: [{ kind: 'LINE_ACTIVATION_ANNIVERSARY', date: '2016-09-15' }],
    };
    const never = await h.addContact.add(callers.coordinator, person({ ...dates, consents: [] }));
    const onlyMarketing = await h.addContact.add(
      callers.coordinator,
      person({ ...dates, consents: [{ purpose: 'MARKETING', given: true }] }),
    );
    const withdrawn = await h.addContact.add(callers.coordinator, person(dates));
    await h.contactConsent.recordConsent(callers.coordinator, {
      contactId: withdrawn.id,
      purpose: 'CARE_GREETINGS',
      given: false,
    });
    const consenting = await h.addContact.add(callers.coordinator, person(dates));
    await h.keyDates.scan('2027-09-10', 7);
    for (const silent of [never, onlyMarketing, withdrawn]) {
      expect(await announcementsOf(silent.id)).toEqual([]);
    }
    expect((await announcementsOf(consenting.id)).map((a) => a.kind).sort()).toEqual([
      'BIRTHDAY',
      'LINE_ACTIVATION_ANNIVERSARY',
    ]);
    // Consent given later lets the dates through on the next scan.
    await h.contactConsent.recordConsent(callers.coordinator, {
      contactId: never.id,
      purpose: 'CARE_GREETINGS',
      given: true,
    });
    await h.keyDates.scan('2027-09-11', 7);
    expect(await announcementsOf(never.id)).toHaveLength(2);
  });

  it('erases the key-date notices and the dates inside the announcements still held when a contact is erased', async () => {
    const account = await h.createAccount.create(
      callers.coordinator,
      accountInput({ name: '擦除日期测试公司' }),
    );
    const contact = await h.addContact.add(
      callers.coordinator,
      person({
        groupAccountId: account.id,
        birthday: '1980-06-10',
        keyDates: [
          { kind: 'CUSTOM', date: '2011-06-12', label: '女儿生日' },
          { kind: 'LINE_ACTIVATION_ANNIVERSARY', date: '2015-06-14' },
        ],
      }),
    );
    const dateIds = (
      await h.dataSource.query<{ id: string }[]>(
        'SELECT id FROM accounts.contact_key_date WHERE contact_id = $1',
        [contact.id],
      )
    ).map((row) => row.id);
    await h.keyDates.scan('2027-06-08', 7);
    const before = await announcementsOf(contact.id);
    expect(before).toHaveLength(3);
    // The relay already sent the custom date: it is in the event log and kept, SENT, in the outbox.
    const sent = before.find((a) => a.kind === 'CUSTOM');
    if (!sent) throw new Error('the custom date was not announced');
    await h.dataSource.query(
      `UPDATE accounts.outbox SET status = 'SENT', sent_at = now() WHERE id = $1`,
      [sent.id],
    );
    const log = new PostgresLogTransport({ url: testDatabaseUrl() });
    try {
      await log.ensureTopics([ACCOUNTS_TOPIC]);
      await log.publish(ACCOUNTS_TOPIC, [
        {
          key: account.id,
          value: sent.envelope,
          headers: { [EVENT_TYPE_HEADER]: 'KeyDateUpcoming' },
        },
        // The log keeps unreadable records too; erasure must get past them.
        {
          key: account.id,
          value: `not json, mentions ${contact.id}`,
          headers: { [EVENT_TYPE_HEADER]: 'KeyDateUpcoming' },
        },
      ]);
    } finally {
      await log.close();
    }

    await h.eraseContact.erase(callers.coordinator, contact.id);

    const [notices] = await h.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM accounts.key_date_notice WHERE source_id = ANY($1::uuid[])',
      [[contact.id, ...dateIds]],
    );
    expect(notices?.n).toBe(0);
    const held = await announcementsOf(contact.id);
    const logged = await h.dataSource.query<{ value: string }[]>(
      `SELECT value FROM event_log.records WHERE topic = $1 AND strpos(value, $2) > 0`,
      [ACCOUNTS_TOPIC, contact.id],
    );
    expect(held.map((a) => a.status)).toEqual(['SENT']);
    const readable = logged.filter((r) => r.value.startsWith('{'));
    expect(readable).toHaveLength(1);
    expect(logged).toHaveLength(2);
    for (const text of [...held.map((a) => a.envelope), ...readable.map((r) => r.value)]) {
      const payload = (JSON.parse(text) as { payload: Record<string, unknown> }).payload;
      expect(payload).toEqual({
        groupAccountId: account.id,
        contactId: contact.id,
        kind: 'CUSTOM',
        redacted: true,
      });
      for (const trace of ['2027-06-12', '女儿生日', 'daysAhead'])
        expect(text).not.toContain(trace);
    }
  });

  it('leaves no notice behind when the key dates it was about are replaced', async () => {
    const contact = await h.addContact.add(
      callers.coordinator,
      person({
        birthday: null,
        keyDates: [{ kind: 'CUSTOM', date: '2012-04-20', label: '签约纪念日' }],
      }),
    );
    const idsOf = async () =>
      (
        await h.dataSource.query<{ id: string }[]>(
          'SELECT id FROM accounts.contact_key_date WHERE contact_id = $1',
          [contact.id],
        )
      ).map((row) => row.id);
    const replaced = await idsOf();
    const notices = async () =>
      (
        await h.dataSource.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM accounts.key_date_notice WHERE source_id = ANY($1::uuid[])',
          [replaced],
        )
      )[0]?.n;
    await h.keyDates.scan('2027-04-18', 7);
    expect(await notices()).toBe(1);
    await h.updateContact.update(callers.coordinator, {
      id: contact.id,
      version: contact.version,
      keyDates: [{ kind: 'CUSTOM', date: '2012-05-20', label: '签约纪念日' }],
    });
    expect(await notices()).toBe(0);
  });
});
