import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ADMIN,
  agentInput,
  eventsAbout,
  manager,
  openPartnersTestDatabase,
  partnerServices,
  rejection,
  writtenRows,
  type PartnerServices,
} from '../testing/partners-harness.js';

let dataSource: DataSource;
let services: PartnerServices;

beforeAll(async () => {
  dataSource = await openPartnersTestDatabase('organisations');
  services = partnerServices(dataSource);
});
afterAll(() => dataSource.destroy());

const target = (partner: { id: string; version: number }) => ({
  id: partner.id,
  version: partner.version,
});

describe('registering a partner organisation', () => {
  it('registers it active and announces it without its contacts', async () => {
    const input = agentInput();
    const partner = await services.commands.register(ADMIN, input);
    expect(partner).toMatchObject({
      code: input.code,
      status: 'ACTIVE',
      version: 1,
      regionPrefixes: ['3502'],
      contractEndsOn: '2027-12-31',
      contacts: [{ name: '陈立', mobile: '138 0592 1234', email: null }],
    });
    expect(await services.queries.byId(ADMIN, partner.id)).toEqual(partner);
    const [event, ...more] = await eventsAbout(dataSource, partner.id);
    expect(more).toEqual([]);
    expect(event?.type).toBe('PartnerRegistered');
    expect(event?.payload).toMatchObject({
      code: input.code,
      type: 'AGENT',
      registeredBy: 'A0001',
    });
    expect(JSON.stringify(event?.payload)).not.toContain('138 0592');
  });

  it('refuses a code already taken, naming the code, and keeps nothing', async () => {
    const first = await services.commands.register(ADMIN, agentInput());
    const before = await writtenRows(dataSource);
    const error = await rejection(
      services.commands.register(ADMIN, agentInput({ code: first.code, name: '另一家公司' })),
    );
    expect(error).toMatchObject({ code: 'PARTNER_CODE_TAKEN', field: 'input.code' });
    expect(await writtenRows(dataSource)).toEqual(before);
  });

  it('refuses defective fields, naming every one, and keeps nothing', async () => {
    const before = await writtenRows(dataSource);
    const error = await rejection(
      services.commands.register(
        ADMIN,
        agentInput({
          code: 'bad code',
          regionPrefixes: ['350'],
          industrySections: ['Z'],
          contractStartsOn: '2026-06-01',
          contractEndsOn: '2026-05-31',
          contacts: [{ name: '林海', title: null, mobile: null, email: null }],
        }),
      ),
    );
    expect(error.code).toBe('PARTNER_FIELD_INVALID');
    expect(error.violations.map((v) => v.field)).toEqual([
      'input.code',
      'input.regionPrefixes.0',
      'input.industrySections.0',
      'input.contractEndsOn',
      'input.contacts.0.mobile',
    ]);
    expect(await writtenRows(dataSource)).toEqual(before);
  });

  it('is for admins only', async () => {
    expect(
      await rejection(services.commands.register(manager('M1001'), agentInput())),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await rejection(services.queries.list(manager('M1001'), {}, { first: 10 })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('changing a partner', () => {
  it('replaces its fields at the version given and names what changed', async () => {
    const partner = await services.commands.register(ADMIN, agentInput());
    const input = { ...agentInput({ code: partner.code }), ...target(partner) };
    const updated = await services.commands.update(ADMIN, {
      ...input,
      level: 'STRATEGIC',
      regionPrefixes: ['3502', '3505'],
    });
    expect(updated).toMatchObject({
      version: 2,
      level: 'STRATEGIC',
      regionPrefixes: ['3502', '3505'],
    });
    const events = await eventsAbout(dataSource, partner.id);
    expect(events.map((e) => e.type)).toEqual(['PartnerRegistered', 'PartnerUpdated']);
    expect(events[1]?.payload).toMatchObject({ changed: ['level', 'regionPrefixes'], version: 2 });

    const same = await services.commands.update(ADMIN, {
      ...input,
      level: 'STRATEGIC',
      regionPrefixes: ['3502', '3505'],
      version: 2,
    });
    expect(same.version).toBe(2);
    expect(await eventsAbout(dataSource, partner.id)).toHaveLength(2);
  });

  it('refuses a change made on a version that is no longer the stored one', async () => {
    const partner = await services.commands.register(ADMIN, agentInput());
    await services.commands.update(ADMIN, {
      ...agentInput({ name: '新名称有限公司' }),
      ...target(partner),
    });
    const before = await writtenRows(dataSource);
    const stale = await rejection(
      services.commands.update(ADMIN, { ...agentInput({ level: 'STANDARD' }), ...target(partner) }),
    );
    expect(stale).toMatchObject({
      code: 'PARTNER_VERSION_CONFLICT',
      kind: 'STALE_VERSION',
      field: 'input.version',
    });
    const missing = await rejection(
      services.commands.changeStatus(ADMIN, {
        id: randomUUID(),
        status: 'SUSPENDED',
        reason: '合同审查',
        version: 1,
      }),
    );
    expect(missing).toMatchObject({ code: 'PARTNER_NOT_FOUND', field: 'input.id' });
    expect(await writtenRows(dataSource)).toEqual(before);
  });

  const june = new Date('2026-06-01T02:00:00Z');

  it('suspends and reinstates a partner, ends it for good, and keeps the reason', async () => {
    let partner = await services.commands.register(ADMIN, agentInput());
    const move = async (status: string, reason: string) =>
      (partner = await services.commands.changeStatus(
        ADMIN,
        { ...target(partner), status, reason },
        june,
      ));
    await move('SUSPENDED', '违规转售，暂停合作');
    expect(partner).toMatchObject({ status: 'SUSPENDED', statusReason: '违规转售，暂停合作' });
    await move('ACTIVE', '整改完成');
    await move('ENDED', '合同到期不再续签');
    expect(partner).toMatchObject({ status: 'ENDED', version: 4 });

    const back = await rejection(move('ACTIVE', '重新合作'));
    expect(back).toMatchObject({ code: 'PARTNER_ENDED', field: 'input.status' });
    const edit = await rejection(
      services.commands.update(ADMIN, { ...agentInput(), ...target(partner) }),
    );
    expect(edit).toMatchObject({ code: 'PARTNER_ENDED', field: 'input.id' });
    const changes = (await eventsAbout(dataSource, partner.id)).filter(
      (e) => e.type === 'PartnerStatusChanged',
    );
    expect(changes.map((e) => [e.payload['from'], e.payload['to'], e.payload['reason']])).toEqual([
      ['ACTIVE', 'SUSPENDED', '违规转售，暂停合作'],
      ['SUSPENDED', 'ACTIVE', '整改完成'],
      ['ACTIVE', 'ENDED', '合同到期不再续签'],
    ]);
  });

  it('wants a reason to suspend, and a contract in force to reinstate', async () => {
    const partner = await services.commands.register(
      ADMIN,
      agentInput({ contractStartsOn: '2025-01-01', contractEndsOn: '2025-12-31' }),
    );
    const change = (status: string, reason: string, version = partner.version) =>
      services.commands.changeStatus(ADMIN, { id: partner.id, version, status, reason }, june);
    expect(await rejection(change('SUSPENDED', 'ok'))).toMatchObject({
      code: 'PARTNER_STATUS_REASON_REQUIRED',
      field: 'input.reason',
    });
    expect(await rejection(change('ACTIVE', '无变化'))).toMatchObject({
      code: 'PARTNER_STATUS_UNCHANGED',
      field: 'input.status',
    });
    const suspended = await change('SUSPENDED', '合同已过期，待续签');
    const before = await writtenRows(dataSource);
    expect(await rejection(change('ACTIVE', '续签中', suspended.version))).toMatchObject({
      code: 'PARTNER_CONTRACT_NOT_IN_FORCE',
      field: 'input.status',
    });
    expect(await writtenRows(dataSource)).toEqual(before);
  });
});

describe('listing partners', () => {
  it('filters by type, status, region and name, a page at a time in name order', async () => {
    const tag = randomUUID().slice(0, 6);
    const make = (name: string, overrides = {}) =>
      services.commands.register(ADMIN, agentInput({ name: `${tag}${name}`, ...overrides }));
    const a = await make('1甲通信');
    const b = await make('2乙通信');
    const c = await make('3丙通信', { regionPrefixes: ['3501'] });
    await make('4丁电子渠道', { type: 'E_CHANNEL' });
    const ended = await make('5戊通信');
    await services.commands.changeStatus(ADMIN, {
      ...target(ended),
      status: 'ENDED',
      reason: '双方协商解约',
    });

    const filter = { search: tag, types: ['AGENT'], statuses: ['ACTIVE'] };
    const first = await services.queries.list(ADMIN, filter, { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await services.queries.list(ADMIN, filter, {
      first: 2,
      after: first.pageInfo.endCursor,
    });
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(ids).toEqual([a.id, b.id, c.id]);

    const inXiamen = await services.queries.list(
      ADMIN,
      { ...filter, regionCode: '350203' },
      { first: 10 },
    );
    expect(inXiamen.edges.map((e) => e.node.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('refuses a cursor it did not give out, naming it', async () => {
    const forged = Buffer.from(JSON.stringify([1, 2])).toString('base64url');
    expect(
      await rejection(services.queries.list(ADMIN, {}, { first: 5, after: forged })),
    ).toMatchObject({ field: 'after' });
  });
});
