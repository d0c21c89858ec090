import { Global, Module } from '@nestjs/common';
import { PartnerRateLimitGuard } from './partner-rate-limit.guard.js';
import { RateLimitRepository } from './rate-limit.repository.js';
import { RATE_LIMIT_JOBS, RATE_LIMITS } from './rate-limit.providers.js';

/**
 * Rate limits of partner routes (`@PartnerRoute(…)`), for every module's controllers; needs the
 * configuration `PartnerOAuthModule` provides.
 */
@Global()
@Module({
  providers: [...RATE_LIMITS, ...RATE_LIMIT_JOBS],
  exports: [RateLimitRepository, PartnerRateLimitGuard],
})
export class PartnerRateLimitModule {}
