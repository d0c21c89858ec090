import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Role } from './caller.js';

const ALGORITHM = 'ES256';

export interface DevKeys {
  readonly privateJwk: JWK;
  readonly jwksFile: string;
}

/**
 * The local development issuer: a key pair generated on first start under `.data/dev-auth`
 * (never committed), its public half written as a JWKS file that services read, and tokens
 * minted for any role. Production uses the operator's identity provider instead.
 */
export async function ensureDevKeys(directory: string): Promise<DevKeys> {
  const privateFile = join(directory, 'private.jwk.json');
  const jwksFile = join(directory, 'jwks.json');
  if (existsSync(privateFile) && existsSync(jwksFile)) {
    return { privateJwk: JSON.parse(readFileSync(privateFile, 'utf8')) as JWK, jwksFile };
  }
  mkdirSync(directory, { recursive: true });
  const { publicKey, privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALGORITHM, use: 'sig' };
  writeFileSync(privateFile, JSON.stringify(privateJwk), { mode: 0o600 });
  chmodSync(privateFile, 0o600);
  mkdirSync(dirname(jwksFile), { recursive: true });
  writeFileSync(jwksFile, JSON.stringify({ keys: [publicJwk] }, null, 2));
  return { privateJwk, jwksFile };
}

export interface TokenRequest {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly issuer: string;
  readonly audience: string;
  readonly name?: string;
  readonly partnerId?: string;
  /** OAuth scopes granted (a partner's `leads:write`, …), as the `scope` claim. */
  readonly scopes?: readonly string[];
  /** Seconds until expiry; negative values mint an already expired token (for tests). */
  readonly expiresInSeconds?: number;
}

export async function mintToken(privateJwk: JWK, request: TokenRequest): Promise<string> {
  const key = await importJWK(privateJwk, ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    roles: [...request.roles],
    ...(request.name ? { name: request.name } : {}),
    ...(request.partnerId ? { partnerId: request.partnerId } : {}),
    ...(request.scopes ? { scope: request.scopes.join(' ') } : {}),
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: privateJwk.kid ?? 'dev', typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (request.expiresInSeconds ?? 8 * 3600))
    .sign(key);
}
