import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { accessFor } from '../visibility/visibility.js';
import type { GroupAccountSearchArgs } from './dto/group-account-search.args.js';
import type { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { GroupAccountRepository } from './group-account.repository.js';
import {
  AccountSearchRepository,
  type AccountPageQuery,
  type AccountSearch,
  type FacetRow,
} from './account-search.repository.js';
import type { PortfolioFacets } from './dto/portfolio-filter.types.js';

/** A page of accounts, and the search it answers, for the facets of the same search. */
export interface AccountPage extends Connection<GroupAccountEntity> {
  readonly search: AccountSearch;
}

/** The facets, each sorted by count (most first), then by value. */
export function facetsOf(rows: readonly FacetRow[]): PortfolioFacets {
  const of = (facet: FacetRow['facet']) =>
    rows
      .filter((row) => row.facet === facet)
      .map(({ value, count }) => ({ value, count }))
      .sort((a, b) => b.count - a.count || String(a.value).localeCompare(String(b.value)));
  const tiers = of('TIER');
  return {
    total: tiers.reduce((sum, tier) => sum + tier.count, 0),
    tiers,
    segments: of('SEGMENT'),
    regions: of('REGION'),
    statuses: of('STATUS'),
  };
}

/** The operations that read one account by id. */
export type GetAccountOperation = 'groupAccount' | 'rest.getGroupAccount';
/** The operations that read accounts by id in a batch. */
export type GetAccountsOperation = 'groupAccount' | '_entities.GroupAccount';
/** The operations that find a page of accounts. */
export type SearchAccountsOperation =
  'groupAccounts' | 'myPortfolio' | 'rest.listGroupAccounts' | 'rest.exportPortfolio';

/**
 * Finding accounts: one by id, many by id (entity references), a filtered and sorted page.
 * `myPortfolio` is the same search within the caller's own portfolio whatever their role.
 */
@Injectable()
export class FindGroupAccountsService {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly searching: AccountSearchRepository,
  ) {}

  async get(
    caller: Caller,
    id: string,
    operation: GetAccountOperation = 'groupAccount',
  ): Promise<GroupAccountEntity> {
    const account = await this.accounts.findVisible(accessFor(operation, caller), id);
    if (!account) throw GroupAccountErrors.notFound(id);
    return account;
  }

  /** Accounts by id; ids the caller may not see are left out. */
  async getMany(
    caller: Caller,
    ids: readonly string[],
    operation: GetAccountsOperation = 'groupAccount',
  ): Promise<Map<string, GroupAccountEntity>> {
    const found = await this.accounts.findManyVisible(accessFor(operation, caller), ids);
    return new Map(found.map((account) => [account.id, account]));
  }

  async search(
    caller: Caller,
    args: GroupAccountSearchArgs,
    operation: SearchAccountsOperation = 'groupAccounts',
  ): Promise<AccountPage> {
    const query = await this.pageQuery(caller, args, operation);
    const rows = await this.searching.page(query);
    const connection = toConnection(rows, args.first, (row) => [row.sortKey, row.account.id]);
    return {
      edges: connection.edges.map(({ cursor, node }) => ({ cursor, node: node.account })),
      pageInfo: connection.pageInfo,
      search: { scope: query.scope, filter: query.filter, withinPath: query.withinPath },
    };
  }

  /** The search's rows a page after another, for an export that holds one page at a time. */
  async *everyRow(
    caller: Caller,
    args: Omit<GroupAccountSearchArgs, 'first' | 'after'>,
    operation: SearchAccountsOperation,
    pageSize = 2_000,
  ): AsyncGenerator<GroupAccountEntity[]> {
    const query = await this.pageQuery(caller, { ...args, first: pageSize }, operation);
    let after: readonly [string, string] | undefined;
    for (;;) {
      const rows = await this.searching.page({ ...query, limit: pageSize, after });
      if (rows.length === 0) return;
      yield rows.map((row) => row.account);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1];
      after = [last.sortKey, last.account.id];
    }
  }

  private async pageQuery(
    caller: Caller,
    args: GroupAccountSearchArgs,
    operation: SearchAccountsOperation,
  ): Promise<AccountPageQuery> {
    const scope = accessFor(operation, caller);
    const filter = args.filter ?? {};
    for (const name of ['currentValue', 'potentialValue'] as const) {
      const range = filter[name];
      if (range?.min !== undefined && range.max !== undefined && range.min > range.max) {
        throw GroupAccountErrors.rangeReversed(`filter.${name}`);
      }
    }
    let withinPath: string | undefined;
    if (filter.withinGroupOf) {
      const root = await this.accounts.findVisible(scope, filter.withinGroupOf);
      if (!root) throw GroupAccountErrors.notFound(filter.withinGroupOf, 'filter.withinGroupOf');
      withinPath = root.path;
    }
    const after = args.after === undefined ? undefined : decodeCursor(args.after);
    if (after && (after.length !== 2 || after.some((part) => typeof part !== 'string'))) {
      throw GroupAccountErrors.badCursor();
    }
    return {
      scope,
      filter,
      withinPath,
      sort: args.orderBy?.field ?? 'NAME',
      descending: args.orderBy?.direction === 'DESC',
      limit: args.first + 1,
      after: after as [string, string] | undefined,
    };
  }
}
