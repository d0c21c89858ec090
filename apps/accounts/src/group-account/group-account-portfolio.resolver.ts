import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { GroupAccount, GroupAccountConnection } from './dto/group-account.type.js';
import { GroupRollup, PortfolioFacets, PortfolioFreshness } from './dto/portfolio-filter.types.js';
import { AccountPortfolioService } from './account-portfolio.service.js';
import { type AccountPage } from './find-group-accounts.service.js';
import type { GroupAccountEntity } from './group-account.entity.js';

/** What every answer of the account list says of its whole result and of its freshness. */
@Resolver(() => GroupAccountConnection)
export class GroupAccountConnectionResolver {
  constructor(private readonly portfolio: AccountPortfolioService) {}

  @ResolveField(() => PortfolioFacets, {
    description:
      'Counts by tier, segment, region and status of everything the query finds (not only this page).',
  })
  facets(@Parent() page: AccountPage): Promise<PortfolioFacets> {
    return this.portfolio.facets(page.search);
  }

  @ResolveField(() => PortfolioFreshness, {
    description: 'How fresh the tiers, values, managers and handovers the query used are.',
  })
  freshness(): Promise<PortfolioFreshness> {
    return this.portfolio.freshness();
  }
}

/** A group's roll-up on the account: its value and the tiers of its members. */
@Resolver(() => GroupAccount)
export class GroupAccountRollupResolver {
  constructor(private readonly portfolio: AccountPortfolioService) {}

  @ResolveField(() => GroupRollup, {
    description:
      'This account and everything below it that the caller may see: values summed, tiers counted.',
  })
  groupRollup(
    @CurrentCaller() caller: Caller,
    @Parent() account: GroupAccountEntity,
  ): Promise<GroupRollup> {
    return this.portfolio.rollup(caller, account.path);
  }
}
