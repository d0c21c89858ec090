import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { PartnerScope } from '@gap/partners/domain';
import { PARTNER_SCOPES_KEY, PartnerScopesGuard } from '../oauth/partner-scopes.guard.js';
import { PartnerRateLimitGuard } from './partner-rate-limit.guard.js';

/**
 * A partner integration route: a partner's token with these scopes, its client not revoked,
 * then the request counted against the partner's rate limit. On a class, write it above
 * `@RestController(…)` so that the bearer token is verified first.
 */
export const PartnerRoute = (...scopes: PartnerScope[]) =>
  applyDecorators(
    SetMetadata(PARTNER_SCOPES_KEY, scopes),
    UseGuards(PartnerScopesGuard, PartnerRateLimitGuard),
  );
