import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { DomainError } from '@gap/errors';
import { ensureDevKeys, mintToken, type DevKeys } from './dev-issuer.js';
import { JwtVerifier } from './jwt-verifier.js';

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
