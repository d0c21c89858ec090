import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { accessFor } from '../visibility/visibility.js';
import type { GroupAccountSearchArgs } from './dto/group-account-search.args.js';
import type { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { GroupAccountRepository, sortValue } from './group-account.repository.js';

/** The operations that read one account by id. */
export type GetAccountOperation = 'groupAccount' | 'rest.getGroupAccount';
/** The operations that read accounts by id in a batch. */
export type GetAccountsOperation = 'groupAccount' | '_entities.GroupAccount';
/** The operations that find a page of accounts. */
export type SearchAccountsOperation = 'groupAccounts' | 'myPortfolio' | 'rest.listGroupAccounts';

/**
 * Finding accounts: one by id, many by id (entity references), a filtered and sorted page.
 * `myPortfolio` is the same search within the caller's own portfolio whatever their role.
 */
@Injectable()
export class FindGroupAccountsService {
  constructor(private readonly accounts: GroupAccountRepository) {}

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
  ): Promise<Connection<GroupAccountEntity>> {
    const scope = accessFor(operation, caller);
    const filter = args.filter ?? {};
    const sort = args.orderBy?.field ?? 'NAME';
    let withinPath: string | undefined;
    if (filter.withinGroupOf) {
      const root = await this.accounts.findVisible(scope, filter.withinGroupOf);
      if (!root) throw GroupAccountErrors.notFound(filter.withinGroupOf, 'filter.withinGroupOf');
      withinPath = root.path;
    }
    const after = args.after === undefined ? undefined : decodeCursor(args.after);
    if (after && (after.length !== 2 || typeof after[1] !== 'string')) {
      throw GroupAccountErrors.badCursor();
    }
    const rows = await this.accounts.search({
      scope,
      filter,
      sort,
      descending: args.orderBy?.direction === 'DESC',
      limit: args.first + 1,
      after: after as [string | number, string] | undefined,
      withinPath,
    });
    return toConnection(rows, args.first, (row) => [sortValue(row, sort), row.id]);
  }
}
