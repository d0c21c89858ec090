import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { authorize, CurrentCaller, type Caller } from '@gap/auth';
import { addDays, todayInChina } from '@gap/calendar';
import { PageSizeArg } from '@gap/graphql';
import { PARTNERS_PERMISSIONS } from '@gap/partners/domain';
import { PartnerNode } from '../organisations/partner.types.js';
import { PartnerPerformanceRepository } from './partner-performance.repository.js';
import { PartnerPerformanceType } from './partner-performance.types.js';

/** The longest window a performance is counted over: two years. */
const MAX_DAYS = 730;

const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** A partner's performance, for those who may read the partner (the channel's staff). */
@Resolver(() => PartnerNode)
export class PartnerPerformanceResolver {
  constructor(private readonly figures: PartnerPerformanceRepository) {}

  @ResolveField(() => PartnerPerformanceType, {
    description: `Its leads received in the last \`days\` days (default 90, at most ${MAX_DAYS}).`,
  })
  async performance(
    @CurrentCaller() caller: Caller,
    @Parent() partner: PartnerNode,
    @PageSizeArg('days', 90, { max: MAX_DAYS, what: 'days back from today' }) days: number,
  ): Promise<PartnerPerformanceType> {
    authorize(PARTNERS_PERMISSIONS, 'partner', caller);
    const since = addDays(todayInChina(), 1 - days);
    const row = await this.figures.of(partner.id, new Date(`${since}T00:00:00+08:00`));
    return {
      since,
      ...row,
      qualifiedShare: share(row.qualified, row.leads),
      conversionRate: share(row.converted, row.qualified),
      contactedInTimeShare: share(row.contactedInTime, row.contacted),
    };
  }
}
