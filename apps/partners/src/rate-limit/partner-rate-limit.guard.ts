import {
  Inject,
  Injectable,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Response } from 'express';
import { callerOf } from '@gap/auth';
import { RestProblem } from '@gap/rest';
import { PartnerIntegrationConfig } from '../oauth/partner-integration.config.js';
import { RateLimitRepository } from './rate-limit.repository.js';

export const RATE_LIMITED = 'PARTNER_RATE_LIMITED';

/**
 * Counts each partner's requests in a fixed window shared by every instance; past the limit,
 * 429 with `Retry-After` (seconds until the window ends). The `RateLimit-*` headers tell a
 * partner where it stands on every answer.
 */
@Injectable()
export class PartnerRateLimitGuard implements CanActivate {
  constructor(
    private readonly windows: RateLimitRepository,
    @Inject(PartnerIntegrationConfig) private readonly config: PartnerIntegrationConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const caller = callerOf(context);
    // Partner routes only: the scopes guard has already refused anyone who is not a partner.
    if (!caller.partnerId) return true;
    const limit = this.config.PARTNERS_RATE_LIMIT_REQUESTS;
    const { requests, resetsAt } = await this.windows.count(
      caller.partnerId,
      this.config.PARTNERS_RATE_LIMIT_WINDOW_SECONDS,
    );
    const resetSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - requests)));
    res.setHeader('RateLimit-Reset', String(resetSeconds));
    if (requests <= limit) return true;
    throw new RestProblem(
      {
        status: 429,
        code: RATE_LIMITED,
        category: 'RATE_LIMITED',
        detail: `At most ${limit} requests per ${this.config.PARTNERS_RATE_LIMIT_WINDOW_SECONDS} s; try again in ${resetSeconds} s.`,
        retryAfterSeconds: resetSeconds,
      },
      { 'retry-after': String(resetSeconds) },
    );
  }
}

/** Counts the route's requests against the partner's limit (after `@PartnerScopes`). */
export const PartnerRateLimited = () => UseGuards(PartnerRateLimitGuard);
