import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventually } from '@gap/testing';
import {
  activePartner,
  leadBody,
  newCreditCode,
  openLeadsTestDatabase,
  startLeadsRest,
} from '../testing/leads-harness.js';

let dataSource: DataSource;
let rest: Awaited<ReturnType<typeof startLeadsRest>>;

beforeAll(async () => {
  dataSource = await openLeadsTestDatabase('rest');
  rest = await startLeadsRest(dataSource);
});
afterAll(async () => {
  await rest.close();
  await dataSource.destroy();
});

const ALL = ['leads:write', 'leads:read'];
const as = (partnerId: string, scopes = ALL) => ({ partnerId, scopes });

async function countLeads(partnerId: string): Promise<number> {
  const [row] = await dataSource.query<{ n: string }[]>(
    'SELECT count(*) AS n FROM partners.lead WHERE partner_id = $1',
    [partnerId],
  );
  return Number(row?.n);
}

describe('POST /api/v1/partners/leads', () => {
  it('creates the lead with its ETag and replays the answer for the same Idempotency-Key', async () => {
    const partnerId = await activePartner(rest.services);
    const body = leadBody();
    const headers = { 'idempotency-key': randomUUID() };
    const first = await rest.call('POST', '/leads', as(partnerId), { body, headers });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ state: 'QUALIFIED', creditCode: body.creditCode });
    expect(first.headers.get('etag')).toBe(
      `"${String(first.body['id'])}.${String(first.body['version'])}"`,
    );
    const replay = await rest.call('POST', '/leads', as(partnerId), { body, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    const changed = await rest.call('POST', '/leads', as(partnerId), {
      body: { ...body, priority: 'P1' },
      headers,
    });
    expect(changed.status).toBe(422);
    expect(await countLeads(partnerId)).toBe(1);
  });

  it('answers 409 to a call whose key is held by a call still running, which then completes once', async () => {
    const partnerId = await activePartner(rest.services);
    const body = leadBody();
    const headers = { 'idempotency-key': randomUUID() };
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      // The first call takes the key, then waits to write its lead, the table locked here.
      await blocker.query('LOCK TABLE partners.lead IN EXCLUSIVE MODE');
      const first = rest.call('POST', '/leads', as(partnerId), { body, headers });
      await eventually(
        async () =>
          (
            await dataSource.query<unknown[]>(
              `SELECT 1 FROM pg_stat_activity
                WHERE wait_event_type = 'Lock' AND datname = current_database()`,
            )
          ).length > 0,
        10_000,
        'the first call to wait for the lock',
      );
      const second = await rest.call('POST', '/leads', as(partnerId), { body, headers });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_IN_FLIGHT' });
      await blocker.commitTransaction();
      expect((await first).status).toBe(201);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect(await countLeads(partnerId)).toBe(1);
    const replayed = await rest.call('POST', '/leads', as(partnerId), { body, headers });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers bad input as Problem Details naming the field, writing nothing', async () => {
    const partnerId = await activePartner(rest.services);
    const code = await rest.call('POST', '/leads', as(partnerId), {
      body: leadBody({ creditCode: '91350100M000100Y44' }),
    });
    expect(code.status).toBe(400);
    expect(code.body).toMatchObject({ field: 'creditCode' });
    const unknown = await rest.call('POST', '/leads', as(partnerId), {
      body: { ...leadBody(), ownerId: 'M1001' },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('ownerId');
    const kind = await rest.call('POST', '/leads', as(partnerId), {
      body: { ...leadBody(), kind: 'PROSPECT' },
    });
    expect(kind.status).toBe(400);
    expect(JSON.stringify(kind.body)).toContain('kind');
    const { companyName: _left, regionCode: _out, ...missing } = leadBody();
    const absent = await rest.call('POST', '/leads', as(partnerId), { body: missing });
    expect(absent.status).toBe(400);
    expect(absent.body['errors']).toEqual([
      expect.objectContaining({ field: 'companyName', code: 'REQUIRED' }),
      expect.objectContaining({ field: 'regionCode', code: 'REQUIRED' }),
    ]);
    expect(await countLeads(partnerId)).toBe(0);
  });

  it('refuses a token without leads:write and a staff token', async () => {
    const partnerId = await activePartner(rest.services);
    const scoped = await rest.call('POST', '/leads', as(partnerId, ['leads:read']), {
      body: leadBody(),
    });
    expect(scoped.status).toBe(403);
    expect(scoped.body).toMatchObject({ code: 'PARTNER_SCOPE_MISSING' });
    const staff = await rest.call('GET', '/leads', { roles: ['COORDINATOR'] });
    expect(staff.status).toBe(403);
  });
});

describe('GET /api/v1/partners/leads', () => {
  it('lists only the partner’s own and answers another partner’s lead with 404', async () => {
    const mine = await activePartner(rest.services);
    const theirs = await activePartner(rest.services);
    const own = await rest.call('POST', '/leads', as(mine), { body: leadBody() });
    const other = await rest.call('POST', '/leads', as(theirs), { body: leadBody() });
    const list = await rest.call('GET', '/leads?first=10', as(mine));
    expect(list.status).toBe(200);
    expect((list.body['items'] as { id: string }[]).map((i) => i.id)).toEqual([own.body['id']]);
    const read = await rest.call('GET', `/leads/${String(own.body['id'])}`, as(mine));
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).not.toBeNull();
    const hidden = await rest.call('GET', `/leads/${String(other.body['id'])}`, as(mine));
    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({ code: 'LEAD_NOT_FOUND' });
  });
});

describe('/api/v1/partners/deals', () => {
  it('registers a deal until its expiry, answers a repeat with it and lists the partner’s own', async () => {
    const partnerId = await activePartner(rest.services);
    const creditCode = newCreditCode();
    const first = await rest.call('POST', '/deals', as(partnerId), { body: { creditCode } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ creditCode, status: 'ACTIVE' });
    const days =
      (Date.parse(String(first.body['expiresAt'])) -
        Date.parse(String(first.body['registeredAt']))) /
      86_400_000;
    expect(days).toBe(90);
    const again = await rest.call('POST', '/deals', as(partnerId), { body: { creditCode } });
    expect(again.body['id']).toBe(first.body['id']);
    const list = await rest.call('GET', '/deals', as(partnerId));
    expect((list.body['items'] as { id: string }[]).map((i) => i.id)).toEqual([first.body['id']]);
  });
});
