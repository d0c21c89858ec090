import type { AppConfig } from '@gap/config';
import type { JwtVerifierOptions } from './jwt-verifier.js';

export function verifierOptionsFrom(config: AppConfig): JwtVerifierOptions {
  return {
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    cacheSeconds: config.AUTH_CACHE_SECONDS,
    ...(config.AUTH_JWKS_URL
      ? { jwksUrl: config.AUTH_JWKS_URL }
      : { jwksFile: config.AUTH_JWKS_FILE }),
    ...(config.AUTH_PARTNER_ISSUER
      ? {
          trustedIssuers: [
            {
              issuer: config.AUTH_PARTNER_ISSUER,
              audience: config.AUTH_AUDIENCE,
              roles: ['PARTNER'],
              jwksUrl:
                config.AUTH_PARTNER_JWKS_URL ??
                `${config.AUTH_PARTNER_ISSUER.replace(/\/$/, '')}/jwks`,
            },
          ],
        }
      : {}),
  };
}
