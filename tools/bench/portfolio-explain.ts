/**
 * Helpers of the portfolio benchmark that reach into the accounts service's own code: the plans
 * of the SQL its account search runs, and a rebuild of the read model from the event log.
 */
import type { DataSource } from 'typeorm';
import {
  AccountSearchRepository,
  type AccountSearch,
} from '@gap/accounts/app/group-account/account-search.repository.js';
import type { GroupAccountFilter } from '@gap/accounts/app/group-account/dto/group-account-search.args.js';
import { withPortfolioRebuild } from '@gap/accounts/app/portfolio/portfolio-rebuild.services.js';

export interface ExplainedSearch {
  readonly label: string;
  readonly scope: AccountSearch['scope'];
  readonly filter: GroupAccountFilter;
}

/** The statements the repository would run, caught instead of run. */
async function statementsOf(
  work: (repository: AccountSearchRepository) => Promise<unknown>,
): Promise<{ sql: string; params: unknown[] }[]> {
  const caught: { sql: string; params: unknown[] }[] = [];
  const catcher = {
    query: (sql: string, params: unknown[] = []) => {
      caught.push({ sql, params });
      return Promise.resolve([]);
    },
  } as unknown as DataSource;
  await work(new AccountSearchRepository(catcher));
  return caught;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the page (first page of 20, by current value) and the facets. */
export async function explainPortfolioSearch(
  dataSource: DataSource,
  searches: readonly ExplainedSearch[],
): Promise<string> {
  const out: string[] = [];
  for (const { label, scope, filter } of searches) {
    const statements = await statementsOf(async (repository) => {
      await repository.page({ scope, filter, sort: 'CURRENT_VALUE', descending: true, limit: 21 });
      await repository.facets({ scope, filter });
    });
    for (const [i, { sql, params }] of statements.entries()) {
      const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
        params,
      );
      out.push(
        `=== ${i === 0 ? 'page' : 'facets'}, ${label}: ${JSON.stringify(filter)}`,
        sql,
        `-- ${JSON.stringify(params)}`,
        ...plan.map((row) => row['QUERY PLAN']),
        '',
      );
    }
  }
  return out.join('\n');
}

export interface RebuildFigures {
  readonly seconds: number;
  readonly compareSeconds: number;
  readonly events: number;
  readonly accounts: number;
  readonly differences: number;
}

/** Rebuilds the read model from the whole log (in its own schema) and compares it with the live one. */
export async function timeRebuild(url: string): Promise<RebuildFigures> {
  return withPortfolioRebuild(url, { kind: 'postgres', url }, async (rebuild) => {
    const report = await rebuild.run();
    const started = performance.now();
    const differences = await rebuild.compare();
    return {
      seconds: report.seconds,
      compareSeconds: (performance.now() - started) / 1000,
      events: report.events,
      accounts: report.accounts,
      differences: differences.accounts,
    };
  });
}
