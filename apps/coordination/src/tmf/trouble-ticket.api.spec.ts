import { createServer, type Server } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import type { EventEnvelope } from '@gap/contracts';
import {
  accountManager,
  addStaff,
  coordinator,
  openCoordinationTestDatabase,
  seedAccount,
  staff,
} from '../testing/requests-harness.js';
import { ticketBody, tmfApp } from './trouble-ticket.fixture.js';

const CALLERS = new Map<string, Caller>([
  ['team', coordinator('E1001')],
  ['m1', accountManager('M1001')],
  ['m2', accountManager('M2001')],
  ['m3', accountManager('M3001')],
  ['net', staff('E3001')],
  ['p1', { subject: 'P0001', roles: ['PARTNER'], partnerId: 'PX1' }],
  ['p2', { subject: 'P0002', roles: ['PARTNER'], partnerId: 'PX2' }],
]);

let dataSource: DataSource;
let api: Awaited<ReturnType<typeof tmfApp>>;

beforeAll(async () => {
  dataSource = await openCoordinationTestDatabase('tmf621');
  await addStaff(dataSource, 'NETWORK', 'E3001');
  api = await tmfApp(dataSource, CALLERS);
});
afterAll(async () => {
  await api?.queue.beforeApplicationShutdown();
  await api?.app.close();
  await dataSource?.destroy();
});

const TT = '/troubleTicket';
const MERGE = 'application/merge-patch+json';

describe('TMF621 trouble tickets over coordination requests', () => {
  it('creates a complaint with 201 and gets it back, whole or by fields', async () => {
    const account = await seedAccount(dataSource, 'M1001');
    const created = await api.call('m1', 'POST', TT, ticketBody(account));
    expect(created.status).toBe(201);
    const id = created.body['id'] as string;
    expect(created.headers.get('location')).toBe(`/tmf-api/troubleTicket/v5/troubleTicket/${id}`);
    expect(created.body).toMatchObject({
      href: `/tmf-api/troubleTicket/v5/troubleTicket/${id}`,
      '@type': 'TroubleTicket',
      name: '专线频繁中断',
      severity: 'Major',
      priority: 'High',
      ticketType: 'complaint',
      status: 'acknowledged',
      statusChangeHistory: [{ status: 'acknowledged', '@type': 'StatusChange' }],
      troubleTicketCharacteristic: [{ name: 'complaintCategory', value: 'OTHER' }],
    });
    const got = await api.call('m1', 'GET', `${TT}/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const some = await api.call('m1', 'GET', `${TT}/${id}?fields=status,severity`);
    expect(some.body).toEqual({
      id,
      href: `/tmf-api/troubleTicket/v5/troubleTicket/${id}`,
      '@type': 'TroubleTicket',
      status: 'acknowledged',
      severity: 'Major',
    });
    // Another manager's account is not found, in TMF's Error shape.
    const hidden = await api.call('m3', 'GET', `${TT}/${id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({
      '@type': 'Error',
      code: 'TROUBLE_TICKET_NOT_FOUND',
      status: '404',
      reason: 'Not found',
    });
  });

  it('lets a partner see only the tickets it raised, and not raise one for an account', async () => {
    const account = await seedAccount(dataSource, 'M1001');
    const id = (await api.call('m1', 'POST', TT, ticketBody(account))).body['id'] as string;
    // A partner's ticket, as a partner channel's intake records it.
    await dataSource.query(
      `UPDATE coordination.request SET raised_by_kind = 'PARTNER', raised_by = 'P0001' WHERE id = $1`,
      [id],
    );
    expect((await api.call('p1', 'GET', `${TT}/${id}`)).status).toBe(200);
    expect((await api.call('p2', 'GET', `${TT}/${id}`)).status).toBe(404);
    expect((await api.call('p1', 'GET', TT)).headers.get('x-total-count')).toBe('1');
    expect((await api.call('p2', 'GET', TT)).headers.get('x-total-count')).toBe('0');
    const raised = await api.call('p1', 'POST', TT, ticketBody(account));
    expect([raised.status, raised.body['code']]).toEqual([403, 'FORBIDDEN']);
  });

  it('answers the same error as a problem document when the caller asks for one', async () => {
    const response = await fetch(
      `${api.base}${TT}/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      { headers: { authorization: 'Bearer m1', accept: 'application/problem+json' } },
    );
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: 'TROUBLE_TICKET_NOT_FOUND', status: 404 });
  });

  it('refuses a create without its mandatory attributes, naming them', async () => {
    const account = await seedAccount(dataSource, 'M1001');
    const { severity: _s, ...noSeverity } = ticketBody(account);
    const missing = await api.call('m1', 'POST', TT, noSeverity);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ '@type': 'Error', code: 'INVALID_INPUT', status: '400' });
    expect(String(missing.body['message'])).toMatch(/severity/);
    const noCustomer = await api.call('m1', 'POST', TT, ticketBody(account, { relatedParty: [] }));
    expect(noCustomer.status).toBe(400);
    expect(String(noCustomer.body['message'])).toMatch(/customer/);
  });

  it('lists what the caller sees, filtered, a page at a time with the count headers', async () => {
    const account = await seedAccount(dataSource, 'M2001');
    for (const [name, ticketType] of [
      ['投诉一', 'complaint'],
      ['投诉二', 'complaint'],
      ['投标技术支撑', 'technicalSupport'],
    ]) {
      const made = await api.call('m2', 'POST', TT, ticketBody(account, { name, ticketType }));
      expect(made.status).toBe(201);
    }
    const page = await api.call(
      'm2',
      'GET',
      `${TT}?ticketType=complaint&fields=name&offset=1&limit=1`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('x-total-count')).toBe('2');
    expect(page.headers.get('x-result-count')).toBe('1');
    expect(page.body).toHaveLength(1);
    expect(Object.keys(page.body[0] ?? {}).sort()).toEqual(['@type', 'href', 'id', 'name']);
    // Newest first: the second page of one is the first complaint raised.
    expect(page.body[0]?.['name']).toBe('投诉一');

    const all = await api.call('m2', 'GET', `${TT}?status=acknowledged,inProgress&severity=Major`);
    expect(all.headers.get('x-total-count')).toBe('3');
    const none = await api.call('m2', 'GET', `${TT}?creationDate.gt=2999-01-01T00:00:00Z`);
    expect([none.headers.get('x-total-count'), none.body]).toEqual(['0', []]);
    const other = await api.call('m3', 'GET', TT);
    expect(other.headers.get('x-total-count')).toBe('0');

    const wrong = await api.call('m2', 'GET', `${TT}?status=open&limit=0`);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ '@type': 'Error', code: 'INVALID_INPUT' });
    expect(String(wrong.body['message'])).toMatch(/status.*limit|limit.*status/);
  });

  it('maps a merge patch of the status to the transitions, and answers a refused one with the domain code', async () => {
    const account = await seedAccount(dataSource, 'M1001');
    const id = (await api.call('m1', 'POST', TT, ticketBody(account))).body['id'] as string;
    const patch = (token: string, body: unknown) =>
      api.call(token, 'PATCH', `${TT}/${id}`, body, MERGE);

    const pending = await patch('team', { status: 'pending' });
    expect([pending.status, pending.body['status']]).toEqual([200, 'pending']);
    const back = await patch('team', { status: 'acknowledged' });
    expect(back.body['status']).toBe('acknowledged');

    const early = await patch('team', { status: 'resolved' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      '@type': 'Error',
      code: 'REQUEST_WRONG_STATE',
      status: '409',
    });
    const unsupported = await patch('team', { status: 'inProgress' });
    expect(unsupported.body).toMatchObject({ code: 'TROUBLE_TICKET_STATUS_UNSUPPORTED' });
    const notTheirs = await patch('m1', {
      status: 'rejected',
      statusChangeReason: '重复提交的投诉',
    });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.body).toMatchObject({ code: 'FORBIDDEN' });

    await api.commands.triage(CALLERS.get('team') as Caller, {
      id,
      leadDepartmentId: 'NETWORK',
      participatingDepartmentIds: [],
    });
    const net = CALLERS.get('net') as Caller;
    const [task] = await dataSource.query<{ id: string }[]>(
      `SELECT t->>'id' AS id FROM coordination.request r,
              jsonb_array_elements(r.body->'request'->'tasks') t WHERE r.id = $1`,
      [id],
    );
    await api.commands.acceptTask(net, { id, taskId: String(task?.id) });
    await api.commands.completeTask(net, { id, taskId: String(task?.id), note: '已更换光模块' });

    const resolved = await patch('net', { status: 'resolved' });
    expect([resolved.status, resolved.body['status']]).toEqual([200, 'resolved']);
    const closed = await patch('team', { status: 'closed' });
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ code: 'COMPLAINT_CALLBACK_REQUIRED', status: '409' });
    const after = await api.call('m1', 'GET', `${TT}/${id}?fields=status,statusChangeHistory`);
    expect(after.body['status']).toBe('resolved');
    expect(
      (after.body['statusChangeHistory'] as { status: string }[]).map((s) => s.status),
    ).toEqual(['acknowledged', 'pending', 'acknowledged', 'inProgress', 'resolved']);
  });
});

describe('the TMF621 event hub', () => {
  let listener: Server;
  const received: Record<string, unknown>[] = [];
  let failFirst = true;
  let url = '';

  beforeAll(async () => {
    listener = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (failFirst) {
          failFirst = false;
          res.writeHead(503).end();
          return;
        }
        received.push(
          JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
        );
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(listener.address() as { port: number }).port}/listener`;
    await api.delivery.onApplicationBootstrap();
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it('registers a listener and delivers the create event once, retried after a failure', async () => {
    const hub = await api.call('m1', 'POST', '/hub', {
      '@type': 'Hub',
      callback: url,
      query: 'eventType=TroubleTicketCreateEvent',
    });
    expect(hub.status).toBe(201);
    expect(hub.body).toMatchObject({ '@type': 'Hub', callback: url });
    const hubId = hub.body['id'] as string;
    // Another manager's listener: the ticket is not theirs to hear of.
    const blind = await api.call('m3', 'POST', '/hub', { callback: `${url}?m3` });
    expect(blind.status).toBe(201);

    const account = await seedAccount(dataSource, 'M1001');
    const id = (await api.call('m1', 'POST', TT, ticketBody(account))).body['id'] as string;
    const [row] = await dataSource.query<{ envelope: EventEnvelope }[]>(
      `SELECT envelope FROM coordination.outbox
        WHERE envelope->>'type' = 'RequestSubmitted' AND envelope->'payload'->>'requestId' = $1`,
      [id],
    );
    if (!row) throw new Error('no RequestSubmitted in the outbox');
    // Delivered by hand, twice (as a redelivered batch would be): one job, one event.
    for (let i = 0; i < 2; i++) {
      await dataSource.transaction((m) =>
        api.hubs.fanOut(row.envelope, ['TroubleTicketCreateEvent'], m),
      );
    }
    const deadline = Date.now() + 30_000;
    while (received.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 3_000));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      '@type': 'TroubleTicketCreateEvent',
      eventType: 'TroubleTicketCreateEvent',
      event: { troubleTicket: { id, status: 'acknowledged', '@type': 'TroubleTicket' } },
    });

    expect((await api.call('m1', 'GET', `/hub/${hubId}`)).body['id']).toBe(hubId);
    expect((await api.call('m3', 'DELETE', `/hub/${hubId}`)).status).toBe(404);
    expect((await api.call('m1', 'DELETE', `/hub/${hubId}`)).status).toBe(204);
    expect((await api.call('m1', 'GET', `/hub/${hubId}`)).body).toMatchObject({
      code: 'TMF_HUB_NOT_FOUND',
    });
  }, 60_000);
});
