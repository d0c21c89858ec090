import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { accessFor } from '../visibility/visibility.js';
import { AccountSearchRepository, type AccountSearch } from './account-search.repository.js';
import type {
  GroupRollup,
  PortfolioFacets,
  PortfolioFreshness,
} from './dto/portfolio-filter.types.js';
import { facetsOf } from './find-group-accounts.service.js';

/**
 * The portfolio's shape beside the account list: facets of a search (already scoped when it
 * was made), the read model's freshness, and a group's roll-up within what the caller sees.
 */
@Injectable()
export class AccountPortfolioService {
  constructor(private readonly searching: AccountSearchRepository) {}

  async facets(search: AccountSearch): Promise<PortfolioFacets> {
    return facetsOf(await this.searching.facets(search));
  }

  freshness(): Promise<PortfolioFreshness> {
    return this.searching.freshness();
  }

  async rollup(caller: Caller, path: string): Promise<GroupRollup> {
    const row = await this.searching.rollup(accessFor('groupAccount', caller), path);
    return { ...row, tiers: [...row.tiers] };
  }
}
