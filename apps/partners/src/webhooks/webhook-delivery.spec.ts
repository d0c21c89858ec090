import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { openPartnersTestDatabase } from '../testing/partners-harness.js';
import { registeredPartner } from '../oauth/partner-oauth.fixture.js';
import { eventually, LocalReceiver, partnerCaller, webhookServices } from './webhook.fixture.js';

let dataSource: DataSource;
let services: ReturnType<typeof webhookServices>;
const receivers: LocalReceiver[] = [];

beforeAll(async () => {
  dataSource = await openPartnersTestDatabase('pedge_webhooks');
  services = webhookServices(dataSource);
  services.dispatch.policy = { initialDelayMs: 300, maxDelayMs: 600, windowMs: 2_500 };
  await services.dispatch.onApplicationBootstrap();
});
afterAll(async () => {
  await services?.queue.beforeApplicationShutdown();
  await Promise.all(receivers.map((r) => r.stop()));
  await dataSource?.destroy();
});

async function receiver(answers: number[] = []) {
  const started = await LocalReceiver.start(answers);
  receivers.push(started);
  return started;
}

async function endpointOf(answers: number[] = [], eventTypes?: string[]) {
  const partnerId = await registeredPartner(dataSource);
  const caller = partnerCaller(partnerId);
  const local = await receiver(answers);
  const endpoint = await services.endpoints.create(caller, {
    url: local.url,
    ...(eventTypes ? { eventTypes } : {}),
  });
  return { partnerId, caller, local, endpoint };
}

const finished = (deliveries: { status: string }[]) =>
  deliveries.length > 0 && deliveries.every((d) => d.status !== 'PENDING');

describe('partners’ webhooks', () => {
  it('delivers a signed notification the Standard Webhooks library verifies', async () => {
    const { partnerId, caller, local, endpoint } = await endpointOf();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const [id] = await services.dispatch.enqueueWebhook(partnerId, 'lead.received', {
      leadId: 'L-1',
    });
    const log = await eventually(
      () => services.endpoints.deliveriesOf(caller, endpoint.id),
      finished,
    );
    expect(log[0]).toMatchObject({ id, status: 'DELIVERED', attempts: [{ statusCode: 200 }] });
    const [got] = local.received;
    if (!got) throw new Error('nothing received');
    const verified = new Webhook(endpoint.secret).verify(got.body, {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    });
    expect(verified).toMatchObject({ type: 'lead.received', data: { leadId: 'L-1' } });
    expect(() =>
      new Webhook(endpoint.secret).verify(`${got.body} `, {
        'webhook-id': String(got.headers['webhook-id']),
        'webhook-timestamp': String(got.headers['webhook-timestamp']),
        'webhook-signature': String(got.headers['webhook-signature']),
      }),
    ).toThrow();
  });

  it('never sends a partner’s events to another partner, nor events it did not subscribe to', async () => {
    const first = await endpointOf([], ['lead.converted']);
    const other = await endpointOf();
    expect(await services.dispatch.enqueueWebhook(first.partnerId, 'lead.lost', {})).toEqual([]);
    const ids = await services.dispatch.enqueueWebhook(first.partnerId, 'lead.converted', {});
    expect(ids).toHaveLength(1);
    await eventually(
      () => services.endpoints.deliveriesOf(first.caller, first.endpoint.id),
      finished,
    );
    expect(first.local.received).toHaveLength(1);
    expect(other.local.received).toHaveLength(0);
    // Another partner's endpoint and its log are not found, as if they did not exist.
    await expect(
      services.endpoints.deliveriesOf(other.caller, first.endpoint.id),
    ).rejects.toMatchObject({ kind: 'NOT_FOUND', code: 'WEBHOOK_ENDPOINT_NOT_FOUND' });
    await expect(services.endpoints.remove(other.caller, first.endpoint.id)).rejects.toMatchObject({
      kind: 'NOT_FOUND',
    });
    expect((await services.endpoints.list(other.caller)).map((e) => e.id)).toEqual([
      other.endpoint.id,
    ]);
    await services.endpoints.remove(first.caller, first.endpoint.id);
    expect(await services.endpoints.list(first.caller)).toEqual([]);
    expect(await services.dispatch.enqueueWebhook(first.partnerId, 'lead.converted', {})).toEqual(
      [],
    );
  });

  it('tries again on failure, logging each attempt, until the receiver accepts', async () => {
    const { partnerId, caller, local, endpoint } = await endpointOf([500, 503]);
    await services.dispatch.enqueueWebhook(partnerId, 'lead.assigned', { leadId: 'L-2' });
    const [delivery] = await eventually(
      () => services.endpoints.deliveriesOf(caller, endpoint.id),
      finished,
    );
    expect(delivery?.status).toBe('DELIVERED');
    expect(delivery?.attempts.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
      [1, 500, 'RETRY'],
      [2, 503, 'RETRY'],
      [3, 200, 'DELIVERED'],
    ]);
    expect(delivery?.attempts.every((a) => a.latencyMs >= 0)).toBe(true);
    // Every attempt carries the same message id, so the receiver can deduplicate.
    expect(new Set(local.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  });

  it('dead-letters a message once the retry window has passed', async () => {
    const { partnerId, caller, endpoint } = await endpointOf(Array<number>(50).fill(500));
    await services.dispatch.enqueueWebhook(partnerId, 'lead.lost', {});
    const [delivery] = await eventually(
      () => services.endpoints.deliveriesOf(caller, endpoint.id),
      finished,
    );
    expect(delivery?.status).toBe('DEAD');
    expect(delivery?.attempts.at(-1)?.outcome).toBe('DEAD');
    expect(delivery?.attempts.length).toBeGreaterThan(1);
  });

  it('signs with both secrets during a rotation, so either verifies', async () => {
    const { partnerId, caller, local, endpoint } = await endpointOf();
    const rotated = await services.endpoints.rotateSecret(caller, endpoint.id);
    expect(rotated.secret).not.toBe(endpoint.secret);
    await services.dispatch.enqueueWebhook(partnerId, 'deal.registered', { dealId: 'D-1' });
    await eventually(() => services.endpoints.deliveriesOf(caller, endpoint.id), finished);
    const [got] = local.received;
    if (!got) throw new Error('nothing received');
    const headers = {
      'webhook-id': String(got.headers['webhook-id']),
      'webhook-timestamp': String(got.headers['webhook-timestamp']),
      'webhook-signature': String(got.headers['webhook-signature']),
    };
    for (const secret of [endpoint.secret, rotated.secret]) {
      expect(new Webhook(secret).verify(got.body, headers)).toMatchObject({
        type: 'deal.registered',
      });
    }
    const other = await endpointOf();
    await expect(services.endpoints.rotateSecret(other.caller, endpoint.id)).rejects.toMatchObject({
      kind: 'NOT_FOUND',
    });
  });

  it('sends a dead-lettered delivery again when the partner replays it', async () => {
    const { partnerId, caller, local, endpoint } = await endpointOf(Array<number>(50).fill(500));
    const [id] = await services.dispatch.enqueueWebhook(partnerId, 'lead.qualified', {});
    if (!id) throw new Error('nothing queued');
    await eventually(() => services.endpoints.deliveriesOf(caller, endpoint.id), finished);
    await expect(
      services.endpoints.replay(caller, endpoint.id, 'msg_unknown'),
    ).rejects.toMatchObject({
      code: 'WEBHOOK_DELIVERY_NOT_DEAD',
    });
    local.answerNext(200);
    await services.endpoints.replay(caller, endpoint.id, id);
    const [delivery] = await eventually(
      () => services.endpoints.deliveriesOf(caller, endpoint.id),
      (log) => log[0]?.status === 'DELIVERED',
    );
    expect(delivery?.attempts.at(-1)).toMatchObject({ statusCode: 200, outcome: 'DELIVERED' });
  });

  it('refuses plain http endpoints outside test mode, naming the field', async () => {
    const strict = webhookServices(dataSource, { PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER: 'false' });
    const caller = partnerCaller(await registeredPartner(dataSource));
    await expect(
      strict.endpoints.create(caller, { url: 'http://127.0.0.1:8080/hooks' }),
    ).rejects.toMatchObject({
      kind: 'INVALID_INPUT',
      violations: [{ field: 'url', reason: 'WEBHOOK_URL_HTTPS_REQUIRED' }],
    });
    await expect(
      strict.endpoints.create(caller, { url: 'https://crm.example.com/h', eventTypes: ['lead.x'] }),
    ).rejects.toMatchObject({ violations: [{ field: 'eventTypes[0]' }] });
  });
});

describe('webhook delivery refusing internal addresses', () => {
  const targets = [
    'http://127.0.0.1:{port}/hooks',
    'https://127.0.0.1:{port}/hooks',
    'http://localhost:{port}/hooks',
    'http://10.0.0.1/hooks',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]:{port}/hooks',
  ];

  it.each(targets)('never connects to %s', async (target) => {
    const strict = webhookServices(dataSource, {
      PARTNERS_WEBHOOKS_ALLOW_LOCAL_RECEIVER: 'false',
      PARTNERS_WEBHOOK_TIMEOUT_MS: '1000',
    });
    const local = await receiver();
    const sent = await strict.sender.post(target.replace('{port}', String(local.port)), '{}', {});
    expect(sent.statusCode).toBeNull();
    expect(sent.error).toMatch(/not allowed|private|refused/i);
    expect(local.connections).toBe(0);
  });

  it('never follows a redirect, not even to another local address', async () => {
    const target = await receiver();
    const redirecting = createServer((_req, res) => {
      res.writeHead(302, { location: target.url }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redirecting.address() as AddressInfo;
      const sent = await services.sender.post(`http://127.0.0.1:${port}/hooks`, '{}', {});
      expect(sent.statusCode).toBe(302);
      expect(target.connections).toBe(0);
    } finally {
      redirecting.closeAllConnections();
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});
