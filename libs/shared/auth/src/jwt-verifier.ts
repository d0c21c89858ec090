import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { DomainError } from '@gap/errors';
import { isRole, type Caller, type Role } from './caller.js';

/** Asymmetric algorithms only: `none` and shared-secret HMAC are refused outright. */
export const ALLOWED_ALGORITHMS = ['ES256', 'RS256', 'EdDSA'];

export interface JwtVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** A JWKS endpoint of the identity provider... */
  readonly jwksUrl?: string;
  /** ...or a key set file (the local development issuer writes one). */
  readonly jwksFile?: string;
  readonly clockToleranceSeconds?: number;
  /**
   * How long a verified token is remembered, so that a request crossing the gateway and three
   * subgraphs does not check the same signature four times (0 turns it off). Never past the
   * token's own expiry.
   */
  readonly cacheSeconds?: number;
  /** The most tokens remembered at once; the oldest are forgotten first. */
  readonly cacheSize?: number;
  /**
   * Further issuers trusted besides the main one, each with its own keys (such as the partners
   * service's authorization server); a token is checked against the issuer it names.
   */
  readonly trustedIssuers?: readonly TrustedIssuer[];
}

/** Another issuer whose tokens are accepted, and the only roles its tokens may carry. */
export interface TrustedIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly roles: readonly Role[];
  readonly jwksUrl?: string;
  readonly jwksFile?: string;
  /** The issuer's public key set itself, when the verifier runs beside the issuer. */
  readonly jwks?: JSONWebKeySet;
}

interface Remembered {
  readonly caller: Caller;
  readonly until: number;
}

type KeySet = ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;

function unauthenticated(reason: string, message: string): DomainError {
  return new DomainError(reason, 'UNAUTHENTICATED', message);
}

/**
 * Verifies bearer tokens: signature against the issuer's keys, issuer, audience, expiry and an
 * algorithm allow-list. The gateway and every subgraph verify the same token.
 */
export class JwtVerifier {
  private keySet?: KeySet;
  private readonly trustedKeySets = new Map<string, KeySet>();
  private readonly remembered = new Map<string, Remembered>();

  constructor(private readonly options: JwtVerifierOptions) {}

  async verify(token: string): Promise<Caller> {
    const now = Date.now();
    const known = this.remembered.get(token);
    if (known && known.until > now) return known.caller;
    if (known) this.remembered.delete(token);
    const { caller, expiresAt } = await this.verifySignature(token);
    this.remember(
      token,
      caller,
      Math.min(expiresAt, now + (this.options.cacheSeconds ?? 60) * 1000),
    );
    return caller;
  }

  private remember(token: string, caller: Caller, until: number): void {
    if (until <= Date.now()) return;
    const size = this.options.cacheSize ?? 10_000;
    if (size <= 0) return;
    while (this.remembered.size >= size) {
      const oldest = this.remembered.keys().next();
      if (oldest.done) break;
      this.remembered.delete(oldest.value);
    }
    this.remembered.set(token, { caller, until });
  }

  private async verifySignature(token: string): Promise<{ caller: Caller; expiresAt: number }> {
    let payload: JWTPayload;
    const trusted = this.trustedIssuerOf(token);
    try {
      ({ payload } = await jwtVerify(token, trusted ? this.trustedKeys(trusted) : this.keys(), {
        issuer: trusted?.issuer ?? this.options.issuer,
        audience: trusted?.audience ?? this.options.audience,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw this.explain(error);
    }
    const claimed = Array.isArray(payload['roles']) ? payload['roles'].filter(isRole) : [];
    const roles = trusted ? claimed.filter((role) => trusted.roles.includes(role)) : claimed;
    const scope = payload['scope'];
    if (!payload.sub) throw unauthenticated('TOKEN_INVALID', 'The token names no subject.');
    const caller: Caller = {
      subject: payload.sub,
      roles,
      ...(typeof payload['name'] === 'string' ? { name: payload['name'] } : {}),
      ...(typeof payload['partnerId'] === 'string' ? { partnerId: payload['partnerId'] } : {}),
      ...(typeof payload['client_id'] === 'string' ? { clientId: payload['client_id'] } : {}),
      ...(typeof scope === 'string' ? { scopes: scope.split(' ').filter(Boolean) } : {}),
    };
    // `exp` is required above; a token is remembered only while it is still valid.
    return { caller, expiresAt: (payload.exp ?? 0) * 1000 };
  }

  /** Reads `Authorization: Bearer …`; a missing or malformed header is UNAUTHENTICATED. */
  async verifyHeader(header: string | undefined): Promise<Caller> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match?.[1]) {
      throw unauthenticated('UNAUTHENTICATED', 'Send a bearer token in the Authorization header.');
    }
    return this.verify(match[1]);
  }

  /** The trusted issuer a token names, read before its signature is checked against its keys. */
  private trustedIssuerOf(token: string): TrustedIssuer | undefined {
    const issuers = this.options.trustedIssuers ?? [];
    if (issuers.length === 0) return undefined;
    let iss: string | undefined;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return undefined;
    }
    return issuers.find((trusted) => trusted.issuer === iss);
  }

  private trustedKeys(trusted: TrustedIssuer): KeySet {
    let keySet = this.trustedKeySets.get(trusted.issuer);
    if (!keySet) {
      if (trusted.jwks) keySet = createLocalJWKSet(trusted.jwks);
      else if (trusted.jwksUrl) keySet = createRemoteJWKSet(new URL(trusted.jwksUrl));
      else if (trusted.jwksFile) {
        keySet = createLocalJWKSet(
          JSON.parse(readFileSync(trusted.jwksFile, 'utf8')) as JSONWebKeySet,
        );
      } else throw new Error(`The trusted issuer ${trusted.issuer} needs a key set.`);
      this.trustedKeySets.set(trusted.issuer, keySet);
    }
    return keySet;
  }

  private keys(): KeySet {
    if (!this.keySet) {
      if (this.options.jwksUrl) {
        this.keySet = createRemoteJWKSet(new URL(this.options.jwksUrl));
      } else if (this.options.jwksFile) {
        const jwks = JSON.parse(readFileSync(this.options.jwksFile, 'utf8')) as JSONWebKeySet;
        this.keySet = createLocalJWKSet(jwks);
      } else {
        throw new Error('The token verifier needs a JWKS URL or a JWKS file.');
      }
    }
    return this.keySet;
  }

  private explain(error: unknown): DomainError {
    if (error instanceof errors.JWTExpired) {
      return unauthenticated('TOKEN_EXPIRED', 'The token has expired; sign in again.');
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      return unauthenticated(
        'TOKEN_CLAIM_INVALID',
        `The token's ${error.claim} claim is not accepted.`,
      );
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      return unauthenticated(
        'TOKEN_ALGORITHM_REFUSED',
        'The token is signed with an algorithm that is not accepted.',
      );
    }
    if (
      error instanceof errors.JWSSignatureVerificationFailed ||
      error instanceof errors.JWKSNoMatchingKey
    ) {
      return unauthenticated(
        'TOKEN_SIGNATURE_INVALID',
        'The token is not signed by a trusted key.',
      );
    }
    return unauthenticated('TOKEN_INVALID', 'The token could not be read.');
  }
}
