import type { DataSource } from 'typeorm';
import { decodeJwt } from 'jose';
import { JwtVerifier } from '@gap/auth';
import { AUDIENCE } from '@gap/config';
import { ADMIN, openPartnersTestDatabase } from '../testing/partners-harness.js';
import {
  callProbe,
  oauthTestApp,
  registeredPartner,
  requestToken,
  type OAuthTestApp,
} from './partner-oauth.fixture.js';

let dataSource: DataSource;
let api: OAuthTestApp;

beforeAll(async () => {
  dataSource = await openPartnersTestDatabase('pedge_oauth');
  api = await oauthTestApp(dataSource, { PARTNERS_RATE_LIMIT_REQUESTS: '3' });
});
afterAll(async () => {
  await api?.app.close();
  await dataSource?.destroy();
});

async function issued(scopes = ['leads:read', 'leads:write']) {
  const partnerId = await registeredPartner(dataSource);
  const { client, clientSecret } = await api.clients.issue(ADMIN, {
    partnerId,
    name: '订单系统',
    scopes,
  });
  return { partnerId, clientId: client.clientId, clientSecret };
}

describe('partners getting tokens with client credentials', () => {
  it('issues a short-lived JWT the platform verifier accepts as the partner', async () => {
    const { partnerId, clientId, clientSecret } = await issued();
    const answer = await requestToken(api.base, clientId, clientSecret, 'leads:read leads:write');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const token = answer.body['access_token'] as string;
    expect(decodeJwt(token)).toMatchObject({
      iss: `${api.base}/oauth`,
      aud: AUDIENCE,
      sub: clientId,
      client_id: clientId,
      roles: ['PARTNER'],
      partnerId,
      scope: 'leads:read leads:write',
    });
    const verifier = new JwtVerifier({
      issuer: 'https://nobody.test',
      audience: AUDIENCE,
      jwksFile: '/nonexistent',
      trustedIssuers: [
        {
          issuer: `${api.base}/oauth`,
          audience: AUDIENCE,
          roles: ['PARTNER'],
          jwksUrl: `${api.base}/oauth/jwks`,
        },
      ],
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: clientId,
      roles: ['PARTNER'],
      partnerId,
      clientId,
      scopes: ['leads:read', 'leads:write'],
    });
    const probe = await callProbe(api.base, token);
    expect(probe.status).toBe(200);
    expect(probe.body).toMatchObject({ partnerId, roles: ['PARTNER'] });
  });

  it('refuses a wrong secret and an unknown client', async () => {
    const { clientId, clientSecret } = await issued();
    const wrong = await requestToken(api.base, clientId, `${clientSecret}x`, 'leads:read');
    expect(wrong.status).toBe(401);
    expect(wrong.body['error']).toBe('invalid_client');
    const unknown = await requestToken(api.base, 'pc_nobody', clientSecret, 'leads:read');
    expect(unknown.body['error']).toBe('invalid_client');
  });

  it('keeps the old secret working through the overlap after a rotation, then not', async () => {
    const { clientId, clientSecret: old } = await issued();
    const { clientSecret: fresh, client } = await api.clients.rotate(ADMIN, clientId);
    expect(client).toMatchObject({ clientId, status: 'ACTIVE' });
    expect(client.rotatedAt).toBeInstanceOf(Date);
    const overlap = new Date(client.previousValidUntil ?? 0).getTime() - Date.now();
    expect(overlap).toBeGreaterThan(23.9 * 3_600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3_600_000);
    expect((await requestToken(api.base, clientId, fresh, 'leads:read')).status).toBe(200);
    expect((await requestToken(api.base, clientId, old, 'leads:read')).status).toBe(200);
    await dataSource.query(
      `UPDATE partners.partner_client SET previous_valid_until = now() - interval '1 second'
       WHERE client_id = $1`,
      [clientId],
    );
    expect((await requestToken(api.base, clientId, old, 'leads:read')).status).toBe(401);
    expect((await requestToken(api.base, clientId, fresh, 'leads:read')).status).toBe(200);
  });

  it('stops a revoked client at once: no new token, and its issued token refused', async () => {
    const { clientId, clientSecret } = await issued();
    const token = (await requestToken(api.base, clientId, clientSecret, 'leads:read')).body[
      'access_token'
    ] as string;
    expect((await callProbe(api.base, token)).status).toBe(200);
    const revoked = await api.clients.revoke(ADMIN, clientId);
    expect(revoked).toMatchObject({ clientId, status: 'REVOKED' });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const refused = await callProbe(api.base, token);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ code: 'PARTNER_CLIENT_REVOKED' });
    const again = await requestToken(api.base, clientId, clientSecret, 'leads:read');
    expect(again.body['error']).toBe('invalid_client');
  });

  it('stops a suspended partner’s clients too', async () => {
    const { partnerId, clientId, clientSecret } = await issued();
    await dataSource.query(`UPDATE partners.partner SET status = 'SUSPENDED' WHERE id = $1`, [
      partnerId,
    ]);
    const answer = await requestToken(api.base, clientId, clientSecret, 'leads:read');
    expect(answer.body['error']).toBe('invalid_client');
  });

  it('grants only the scopes the client holds, and routes check them', async () => {
    const { clientId, clientSecret } = await issued(['leads:read']);
    const beyond = await requestToken(api.base, clientId, clientSecret, 'leads:write');
    expect(beyond.status).toBe(400);
    expect(beyond.body['error']).toBe('invalid_scope');
    const token = (await requestToken(api.base, clientId, clientSecret, 'leads:read')).body[
      'access_token'
    ] as string;
    const write = await callProbe(api.base, token, 'POST');
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: 'PARTNER_SCOPE_MISSING' });
  });

  it('answers 429 with Retry-After past the partner’s limit, counted in the database', async () => {
    const { clientId, clientSecret } = await issued();
    const token = (await requestToken(api.base, clientId, clientSecret, 'leads:read')).body[
      'access_token'
    ] as string;
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await callProbe(api.base, token));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    const limited = answers[3];
    const retryAfter = Number(limited?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited?.body).toMatchObject({ status: 429, code: 'PARTNER_RATE_LIMITED' });
    expect(limited?.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves only the token and key set endpoints', async () => {
    const jwks = await fetch(`${api.base}/oauth/jwks`);
    const keys = ((await jwks.json()) as { keys: Record<string, unknown>[] }).keys;
    expect(keys.length).toBe(1);
    expect(keys[0]).not.toHaveProperty('d');
    expect((await fetch(`${api.base}/oauth/auth?client_id=x`)).status).toBe(404);
  });
});
