import type { Provider } from '@nestjs/common';
import { PartnerRateLimitGuard } from './partner-rate-limit.guard.js';
import { RateLimitSweepJob } from './rate-limit-sweep.job.js';
import { RateLimitRepository } from './rate-limit.repository.js';

/** Partners' request counters, shared by every instance, and the guard that reads them. */
export const RATE_LIMITS: Provider[] = [RateLimitRepository, PartnerRateLimitGuard];

/** What runs by itself on a clock: forgetting ended windows. */
export const RATE_LIMIT_JOBS: Provider[] = [RateLimitSweepJob];
