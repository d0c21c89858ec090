import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  addStaff,
  auditOf,
  leasedLine,
  openCoordinationTestDatabase,
  seedAccount,
} from '../testing/requests-harness.js';
import { startRestHarness, type Answer, type RestHarness } from '../testing/rest-harness.js';

let dataSource: DataSource;
let rest: RestHarness;
const TEAM = { roles: ['COORDINATOR' as const], subject: 'C9001' };
const REQUESTS = '/api/v1/coordination/requests';
const TRIAGE = { leadDepartmentId: 'NETWORK', participatingDepartmentIds: [] };

beforeAll(async () => {
  dataSource = await openCoordinationTestDatabase('rest_preconditions');
  rest = await startRestHarness(dataSource);
  await addStaff(dataSource, 'NETWORK', 'E9301');
});
afterAll(async () => {
  await rest.close();
  await dataSource.destroy();
});

const manager = (subject: string) => ({ roles: ['ACCOUNT_MANAGER' as const], subject });

async function submitted(managerId: string, headers: Record<string, string> = {}) {
  const accountId = await seedAccount(dataSource, managerId);
  const answer = await rest.call('POST', REQUESTS, manager(managerId), {
    body: leasedLine(accountId),
    headers,
  });
  expect(answer.status).toBe(201);
  return { accountId, id: String(answer.body['id']), etag: answer.headers.get('etag') ?? '' };
}

function triage(id: string, headers: Record<string, string>, body: object = TRIAGE) {
  return rest.call('POST', `${REQUESTS}/${id}/triage`, TEAM, { body, headers });
}

async function requestsOf(accountId: string): Promise<number> {
  const [row] = await dataSource.query<{ n: number }[]>(
    'SELECT count(*)::int AS n FROM coordination.request WHERE group_account_id = $1',
    [accountId],
  );
  return row?.n ?? 0;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the condition never held');
}

function expectProblem(answer: Answer, status: number, code: string, field?: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get('content-type')).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status, code, ...(field ? { field } : {}) });
}

describe('ETag and If-Match on a request', () => {
  it('answers a request with its ETag, and a transition with the next one', async () => {
    const { id, etag } = await submitted('M9101');
    expect(etag).toBe(`"${id}.1"`);
    const read = await rest.call('GET', `${REQUESTS}/${id}`, TEAM);
    expect(read.headers.get('etag')).toBe(`"${id}.1"`);

    const triaged = await triage(id, { 'if-match': etag });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ id, state: 'TRIAGED', version: 2 });
    expect(triaged.headers.get('etag')).toBe(`"${id}.2"`);
  });

  it('refuses a change over a stale ETag with 412 and writes nothing, not even an audit row', async () => {
    const { id, etag } = await submitted('M9102');
    expect((await triage(id, { 'if-match': etag })).status).toBe(200);
    const audited = (await auditOf(dataSource, id)).length;

    const stale = await rest.call('POST', `${REQUESTS}/${id}/cancel`, TEAM, {
      body: { reason: '客户撤回了需求' },
      headers: { 'if-match': etag },
    });
    expectProblem(stale, 412, 'COORDINATION_REQUEST_VERSION_CONFLICT', 'version');
    expect(stale.body['category']).toBe('CONFLICT');
    expect(await auditOf(dataSource, id)).toHaveLength(audited);
    const now = await rest.call('GET', `${REQUESTS}/${id}`, TEAM);
    expect(now.body).toMatchObject({ state: 'TRIAGED', version: 2 });
  });

  it('asks for If-Match when a change comes without it (428), naming the header', async () => {
    const { id } = await submitted('M9103');
    expectProblem(await triage(id, {}), 428, 'IF_MATCH_REQUIRED', 'If-Match');
    expect(await auditOf(dataSource, id)).toHaveLength(1);
  });

  it('never matches a weak tag or another request’s tag (412), and refuses a malformed one (400)', async () => {
    const { id } = await submitted('M9104');
    const other = await submitted('M9104');
    expectProblem(await triage(id, { 'if-match': `W/"${id}.1"` }), 412, 'ENTITY_TAG_MISMATCH');
    expectProblem(await triage(id, { 'if-match': other.etag }), 412, 'ENTITY_TAG_MISMATCH');
    const malformed = await triage(id, { 'if-match': `${id}.1` });
    expectProblem(malformed, 400, 'IF_MATCH_INVALID', 'If-Match');
    expect(malformed.body['errors']).toEqual([
      expect.objectContaining({ field: 'If-Match', code: 'IF_MATCH_MALFORMED' }),
    ]);
    expect(await auditOf(dataSource, id)).toHaveLength(1);
    // `*` asks for whatever version is current.
    expect((await triage(id, { 'if-match': '*' })).status).toBe(200);
  });
});

describe('Idempotency-Key on a POST', () => {
  it('gives the first answer again for the same key and body, and raises the request once', async () => {
    const key = randomUUID();
    const first = await submitted('M9201', { 'idempotency-key': key });
    const accountId = first.accountId;
    const again = await rest.call('POST', REQUESTS, manager('M9201'), {
      body: leasedLine(accountId),
      headers: { 'idempotency-key': key },
    });
    expect(again.status).toBe(201);
    expect(again.body['id']).toBe(first.id);
    expect(again.headers.get('etag')).toBe(first.etag);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await requestsOf(accountId)).toBe(1);
  });

  it('replays a transition’s answer byte for byte instead of refusing its now stale If-Match', async () => {
    const { id, etag } = await submitted('M9202');
    const headers = { 'if-match': etag, 'idempotency-key': randomUUID() };
    const first = await triage(id, headers);
    const again = await triage(id, headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('etag')).toBe(`"${id}.2"`);
    expect((await auditOf(dataSource, id)).map((row) => row.action)).toEqual(['SUBMIT', 'TRIAGE']);
  });

  it('keeps a refusal of the use case as the answer, and gives it again', async () => {
    const hidden = randomUUID();
    const headers = { 'if-match': `"${hidden}.1"`, 'idempotency-key': randomUUID() };
    const first = await triage(hidden, headers);
    expectProblem(first, 404, 'COORDINATION_REQUEST_NOT_FOUND');
    const again = await triage(hidden, headers);
    expect(again.status).toBe(404);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the same key with a different body (422), changing nothing', async () => {
    const key = randomUUID();
    const { id, etag } = await submitted('M9203');
    expect((await triage(id, { 'if-match': etag, 'idempotency-key': key })).status).toBe(200);
    const other = await triage(
      id,
      { 'if-match': etag, 'idempotency-key': key },
      { ...TRIAGE, priority: 'P1' },
    );
    expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key');
    expect(await auditOf(dataSource, id)).toHaveLength(2);
  });

  it('gives the key back when the input was refused, so the corrected call may use it', async () => {
    const key = randomUUID();
    const { id, etag } = await submitted('M9204');
    const refused = await triage(id, { 'if-match': etag, 'idempotency-key': key }, {});
    expectProblem(refused, 400, 'INVALID_INPUT');
    const corrected = await triage(id, { 'if-match': etag, 'idempotency-key': key });
    expect(corrected.status).toBe(200);
  });

  it('answers 409 to a call whose key is held by a call still running, which then completes once', async () => {
    const { id, etag } = await submitted('M9205');
    const key = randomUUID();
    const headers = { 'if-match': etag, 'idempotency-key': key };
    const blocker = dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    try {
      // The first call takes the key, then waits for the request's row, locked here.
      await blocker.query('SELECT 1 FROM coordination.request WHERE id = $1 FOR UPDATE', [id]);
      const first = triage(id, headers);
      await until(async () => {
        const rows = await dataSource.query<unknown[]>(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        return rows.length > 0;
      });
      const second = await triage(id, headers);
      expectProblem(second, 409, 'IDEMPOTENCY_KEY_IN_FLIGHT', 'Idempotency-Key');
      await blocker.commitTransaction();
      expect((await first).status).toBe(200);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect((await auditOf(dataSource, id)).map((row) => row.action)).toEqual(['SUBMIT', 'TRIAGE']);
    const replayed = await triage(id, headers);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
  });

  it('keeps a key 24 hours: then the same key runs anew, and the sweep deletes it', async () => {
    const key = randomUUID();
    const first = await submitted('M9206', { 'idempotency-key': key });
    const [kept] = await dataSource.query<{ hours: number }[]>(
      `SELECT extract(epoch FROM expires_at - created_at)::int / 3600 AS hours
         FROM coordination.idempotency_key WHERE key = $1`,
      [key],
    );
    expect(kept?.hours).toBe(24);
    const expire = () =>
      dataSource.query(
        `UPDATE coordination.idempotency_key
            SET created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'
          WHERE key = $1`,
        [key],
      );
    await expire();
    const anew = await rest.call('POST', REQUESTS, manager('M9206'), {
      body: leasedLine(first.accountId, { title: '另一条专线' }),
      headers: { 'idempotency-key': key },
    });
    expect(anew.status).toBe(201);
    expect(anew.body['id']).not.toBe(first.id);
    expect(anew.headers.get('idempotent-replayed')).toBeNull();

    await expire();
    expect(await rest.keys.purgeExpired()).toBeGreaterThanOrEqual(1);
    const left = await dataSource.query<unknown[]>(
      'SELECT 1 FROM coordination.idempotency_key WHERE key = $1',
      [key],
    );
    expect(left).toEqual([]);
  });

  it.each([
    ['longer than 255 characters', 'k'.repeat(256), 'IDEMPOTENCY_KEY_TOO_LONG'],
    ['with a control character', 'key\twith-tab', 'IDEMPOTENCY_KEY_NOT_PRINTABLE'],
  ])('refuses a key %s with a 400 naming the header', async (_what, key, reason) => {
    const accountId = await seedAccount(dataSource, 'M9207');
    const answer = await rest.call('POST', REQUESTS, manager('M9207'), {
      body: leasedLine(accountId),
      headers: { 'idempotency-key': key },
    });
    expectProblem(answer, 400, 'IDEMPOTENCY_KEY_INVALID', 'Idempotency-Key');
    expect(answer.body['errors']).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', code: reason }),
    ]);
    expect(await requestsOf(accountId)).toBe(0);
  });
});
