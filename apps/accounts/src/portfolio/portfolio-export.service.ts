import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { AccountPortfolioService } from '../group-account/account-portfolio.service.js';
import type { GroupAccountSearchArgs } from '../group-account/dto/group-account-search.args.js';
import {
  FindGroupAccountsService,
  type SearchAccountsOperation,
} from '../group-account/find-group-accounts.service.js';
import { portfolioCsvHeader, portfolioCsvRows } from './portfolio-csv.js';
import { PortfolioFactsRepository } from './portfolio-facts.repository.js';

export type PortfolioExportSearch = Omit<GroupAccountSearchArgs, 'first' | 'after'>;

export interface PortfolioExportOptions {
  /** Told how many rows each page held, once it is handed on. */
  readonly onRows?: (count: number) => void;
  readonly pageSize?: number;
}

/** Rows a page of the export holds: one search page and one read-model lookup each. */
export const EXPORT_PAGE_SIZE = 2_000;

/**
 * The portfolio as CSV: the account list's search (its visibility, filter and order) a page at
 * a time, each page joined to its read-model rows, so that an export of any size holds one page.
 */
@Injectable()
export class PortfolioExportService {
  constructor(
    private readonly accounts: FindGroupAccountsService,
    private readonly portfolio: AccountPortfolioService,
    private readonly facts: PortfolioFactsRepository,
  ) {}

  /**
   * The file in pieces: the header and first page together, then a piece a page. Access and
   * the filter are checked before the first piece, so a refusal comes before any byte is sent.
   */
  async *csv(
    caller: Caller,
    search: PortfolioExportSearch,
    operation: SearchAccountsOperation,
    options: PortfolioExportOptions = {},
  ): AsyncGenerator<string> {
    const { onRows, pageSize = EXPORT_PAGE_SIZE } = options;
    let header = portfolioCsvHeader();
    for await (const page of this.accounts.everyRow(caller, search, operation, pageSize)) {
      const facts = await this.facts.findMany(page.map((account) => account.id));
      const rows = page.map((account) => ({ account, facts: facts.get(account.id) }));
      yield header + portfolioCsvRows(rows);
      header = '';
      onRows?.(page.length);
    }
    if (header) yield header;
  }

  /** How many accounts the export will hold, from the facets of the same search. */
  async count(
    caller: Caller,
    search: PortfolioExportSearch,
    operation: SearchAccountsOperation,
  ): Promise<number> {
    const page = await this.accounts.search(caller, { ...search, first: 1 }, operation);
    return (await this.portfolio.facets(page.search)).total;
  }
}

/**
 * Writes the pieces to `out` as fast as it takes them: it waits for `drain` when its buffer is
 * full, and stops reading (which ends the search) as soon as `out` closes, e.g. when the
 * client goes away. Resolves true when everything was written (and `out` ended, unless asked
 * not to).
 */
export async function writeAll(
  pieces: AsyncIterator<string>,
  out: Writable,
  options: { readonly end?: boolean } = {},
): Promise<boolean> {
  const closed = new AbortController();
  const onClose = () => closed.abort();
  out.once('close', onClose);
  try {
    for (;;) {
      if (closed.signal.aborted || out.destroyed) return false;
      const next = await pieces.next();
      if (next.done) break;
      if (!out.write(next.value)) {
        try {
          await once(out, 'drain', { signal: closed.signal });
        } catch (error) {
          if (closed.signal.aborted) return false;
          throw error;
        }
      }
    }
    // Standard output is left open: the process, not the export, owns it.
    if (options.end ?? true) out.end();
    return true;
  } finally {
    out.off('close', onClose);
    await pieces.return?.();
  }
}
