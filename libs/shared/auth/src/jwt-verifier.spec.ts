import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { DomainError } from '@gap/errors';
import { ensureDevKeys, mintToken, type DevKeys } from './dev-issuer.js';
import { AppConfig, AUDIENCE, loadConfig } from '@gap/config';
import { JwtVerifier } from './jwt-verifier.js';
import { verifierOptionsFrom } from './verifier-options.js';

const issuer = 'https://issuer.test';
const audience = 'group-account-platform';

describe('verifying a bearer token', () => {
  let keys: DevKeys;
  let verifier: JwtVerifier;

  beforeAll(async () => {
    keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'gap-auth-')));
    verifier = new JwtVerifier({ issuer, audience, jwksFile: keys.jwksFile });
  });

  const token = (overrides: Partial<Parameters<typeof mintToken>[1]> = {}) =>
    mintToken(keys.privateJwk, {
      subject: 'E1001',
      roles: ['ACCOUNT_MANAGER'],
      issuer,
      audience,
      ...overrides,
    });

  async function rejection(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  it('accepts a token from the issuer and returns the caller with their roles', async () => {
    await expect(verifier.verify(await token({ name: '王芳' }))).resolves.toEqual({
      subject: 'E1001',
      roles: ['ACCOUNT_MANAGER'],
      name: '王芳',
    });
  });

  it('checks the signature of a token once while it is remembered', async () => {
    const remembering = new JwtVerifier({ issuer, audience, jwksFile: keys.jwksFile });
    const checks = jest.spyOn(
      remembering as unknown as { verifySignature: (token: string) => Promise<unknown> },
      'verifySignature',
    );
    const bearer = await token();
    await remembering.verify(bearer);
    await remembering.verify(bearer);
    expect(checks).toHaveBeenCalledTimes(1);
    await remembering.verify(await token({ subject: 'E1002' }));
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it('never remembers a token past its expiry', async () => {
    const strict = new JwtVerifier({
      issuer,
      audience,
      jwksFile: keys.jwksFile,
      clockToleranceSeconds: 0,
    });
    const shortLived = await token({ expiresInSeconds: 1 });
    await expect(strict.verify(shortLived)).resolves.toMatchObject({ subject: 'E1001' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const error = await rejection(strict.verify(shortLived));
    expect(error.code).toBe('TOKEN_EXPIRED');
  });

  it('drops roles the platform does not know', async () => {
    const caller = await verifier.verify(await token({ roles: ['ADMIN', 'ROOT' as 'ADMIN'] }));
    expect(caller.roles).toEqual(['ADMIN']);
  });

  it('rejects a token minted for another audience', async () => {
    const error = await rejection(verifier.verify(await token({ audience: 'billing' })));
    expect(error).toMatchObject({ kind: 'UNAUTHENTICATED', code: 'TOKEN_CLAIM_INVALID' });
  });

  it('rejects an expired token', async () => {
    const error = await rejection(verifier.verify(await token({ expiresInSeconds: -60 })));
    expect(error.code).toBe('TOKEN_EXPIRED');
  });

  it('rejects an unsigned token (alg: none)', async () => {
    const unsigned = new UnsecuredJWT({ roles: ['ADMIN'] })
      .setSubject('E1001')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('1h')
      .encode();
    const error = await rejection(verifier.verify(unsigned));
    expect(error.kind).toBe('UNAUTHENTICATED');
  });

  it('rejects a token signed by a key the issuer never published', async () => {
    const stranger = await generateKeyPair('ES256', { extractable: true });
    const forged = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({
        alg: 'ES256',
        kid: (await exportJWK(stranger.publicKey)).kid ?? keys.privateJwk.kid ?? '',
      })
      .setSubject('E1001')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('1h')
      .sign(stranger.privateKey);
    const error = await rejection(verifier.verify(forged));
    expect(error.code).toBe('TOKEN_SIGNATURE_INVALID');
  });

  it('rejects a token signed with a shared secret (HS256)', async () => {
    const hmac = await new SignJWT({ roles: ['ADMIN'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('E1001')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-shared-secret-of-thirty-two-bytes!'));
    const error = await rejection(verifier.verify(hmac));
    expect(error.code).toBe('TOKEN_ALGORITHM_REFUSED');
  });

  it('asks for a bearer token when the header is missing', async () => {
    const error = await rejection(verifier.verifyHeader(undefined));
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});

describe('trusting a further issuer', () => {
  const partnerIssuer = 'https://partners.test/oauth';

  async function issuerKeys() {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'partners-1', alg: 'ES256', use: 'sig' };
    return { privateKey, jwks: { keys: [jwk] } };
  }

  type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  async function partnerToken(
    privateKey: PrivateKey,
    claims: Record<string, unknown>,
    iss = partnerIssuer,
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'partners-1', typ: 'at+jwt' })
      .setSubject('client-1')
      .setIssuer(iss)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  }

  it('accepts its tokens with only the roles it may grant, the client and the scopes', async () => {
    const { privateKey, jwks } = await issuerKeys();
    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'gap-auth-')));
    const verifier = new JwtVerifier({
      issuer,
      audience,
      jwksFile: keys.jwksFile,
      trustedIssuers: [{ issuer: partnerIssuer, audience, roles: ['PARTNER'], jwks }],
    });
    const token = await partnerToken(privateKey, {
      roles: ['PARTNER', 'ADMIN'],
      partnerId: 'p-1',
      client_id: 'client-1',
      scope: 'leads:write leads:read',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'client-1',
      roles: ['PARTNER'],
      partnerId: 'p-1',
      clientId: 'client-1',
      scopes: ['leads:write', 'leads:read'],
    });
    // The main issuer's tokens are still accepted beside it.
    const staff = await mintToken(keys.privateJwk, {
      subject: 'E1',
      roles: ['ADMIN'],
      issuer,
      audience,
    });
    await expect(verifier.verify(staff)).resolves.toMatchObject({ roles: ['ADMIN'] });
  });

  it('refuses a token naming the further issuer but signed with another key', async () => {
    const { jwks } = await issuerKeys();
    const forger = await issuerKeys();
    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'gap-auth-')));
    const verifier = new JwtVerifier({
      issuer,
      audience,
      jwksFile: keys.jwksFile,
      trustedIssuers: [{ issuer: partnerIssuer, audience, roles: ['PARTNER'], jwks }],
    });
    const forged = await partnerToken(forger.privateKey, { roles: ['PARTNER'] });
    await expect(verifier.verify(forged)).rejects.toMatchObject({
      code: 'TOKEN_SIGNATURE_INVALID',
    });
  });
});

describe('the verifier’s options from configuration', () => {
  it('trusts the partners issuer, with the PARTNER role only, once it is configured', () => {
    expect(verifierOptionsFrom(loadConfig(AppConfig, {})).trustedIssuers).toBeUndefined();
    const options = verifierOptionsFrom(
      loadConfig(AppConfig, { AUTH_PARTNER_ISSUER: 'https://api.example.com/oauth/' }),
    );
    expect(options.trustedIssuers).toEqual([
      {
        issuer: 'https://api.example.com/oauth/',
        audience: AUDIENCE,
        roles: ['PARTNER'],
        jwksUrl: 'https://api.example.com/oauth/jwks',
      },
    ]);
  });
});
