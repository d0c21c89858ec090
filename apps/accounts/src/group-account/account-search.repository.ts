import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountScope } from '../visibility/visibility.js';
import { scopeBranches, scopeCondition } from '../visibility/visibility.js';
import type { AccountSortField, GroupAccountFilter } from './dto/group-account-search.args.js';
import type { GroupAccountEntity } from './group-account.entity.js';
import { ACCOUNT_COLUMNS, SqlParams, toAccount } from './group-account.repository.js';

/**
 * The sort keys, each made total by the id. EMPLOYEES puts unknown sizes first; TIER puts
 * accounts without a tier yet after C. The portfolio's keys read its read model (`p`).
 */
const SORT_KEYS: Record<AccountSortField, { expression: string; cast: string }> = {
  NAME: { expression: 'a.name', cast: 'text' },
  CREATED_AT: { expression: 'a.created_at', cast: 'timestamptz' },
  ACCOUNT_CODE: { expression: 'a.account_code', cast: 'text' },
  EMPLOYEES: { expression: 'coalesce(a.employees, -1)', cast: 'integer' },
  CURRENT_VALUE: { expression: 'p.current_value', cast: 'bigint' },
  POTENTIAL_VALUE: { expression: 'p.potential_value', cast: 'bigint' },
  TIER: { expression: "coalesce(p.tier, 'Z')", cast: 'bpchar' },
  LAST_CHANGE: { expression: 'p.changed_at', cast: 'timestamptz' },
};
const PORTFOLIO_SORTS: ReadonlySet<AccountSortField> = new Set([
  'CURRENT_VALUE',
  'POTENTIAL_VALUE',
  'TIER',
  'LAST_CHANGE',
]);

export interface AccountSearch {
  readonly scope: AccountScope;
  readonly filter: GroupAccountFilter;
  /** The path of `filter.withinGroupOf`, resolved (and scope-checked) by the caller. */
  readonly withinPath?: string;
}

export interface AccountPageQuery extends AccountSearch {
  readonly sort: AccountSortField;
  readonly descending: boolean;
  /** One more than the page, to tell whether more follow. */
  readonly limit: number;
  /** The sort key (as text) and id of the last row of the previous page. */
  readonly after?: readonly [string, string];
}

/** An account of a page with its sort key as text, for the next page's cursor. */
export interface SortedAccount {
  readonly account: GroupAccountEntity;
  readonly sortKey: string;
}

export interface PortfolioFreshnessRow {
  /** When the newest event the read model has applied happened; null before any. */
  readonly asOf: Date | null;
  /** How long that event took to reach the model, in seconds. */
  readonly lagSeconds: number;
}

export interface GroupRollupRow {
  readonly members: number;
  /** Sums in fen, as text: a big group's total can pass 2^53 fen. */
  readonly currentValue: string;
  readonly potentialValue: string;
  readonly tiers: readonly { readonly tier: string | null; readonly count: number }[];
}

export interface FacetRow {
  readonly facet: 'TIER' | 'SEGMENT' | 'REGION' | 'STATUS';
  readonly value: string | null;
  readonly count: number;
}

/**
 * `column = $n` for one value, `= ANY($n)` for several: with a single value the planner can
 * read a filtered page in order from the filter index instead of sorting it.
 */
function anyOf(
  column: string,
  values: readonly string[],
  params: SqlParams,
  type: 'text' | 'bpchar' = 'text',
): string {
  return values.length === 1
    ? `${column} = ${params.add(values[0])}`
    : `${column} = ANY(${params.add(values)}::${type}[])`;
}

/** True when the filter asks about what the portfolio read model holds. */
function filtersPortfolio(filter: GroupAccountFilter): boolean {
  return Boolean(
    filter.tiers?.length ||
    filter.segments?.length ||
    filter.currentValue ||
    filter.potentialValue ||
    filter.primaryManagerId ||
    filter.teamMemberId ||
    filter.handoverStates?.length ||
    filter.tierChange,
  );
}

/**
 * A province's or city's codes as a range (`'3501' <= code < '3502'`), so that an index on the
 * code reads only them; a district is one code. No upper bound past the last prefix ('99').
 */
function regionCondition(column: string, regionCode: string, params: SqlParams): string {
  if (regionCode.length === 6) return `${column} = ${params.add(regionCode)}`;
  const next = String(Number(regionCode) + 1).padStart(regionCode.length, '0');
  const from = `${column} >= ${params.add(regionCode)}`;
  return next.length > regionCode.length ? from : `${from} AND ${column} < ${params.add(next)}`;
}

/**
 * The account's own conditions: what it is, where, and who may see it. With the read model
 * joined (`onModel`), where it is and its status are the model's copies, beside its tier and
 * value in one index. Who may see it comes as `scopes`, the scope's disjoint branches: the
 * search runs once per branch (see `unionOf`). `needsAccount` tells whether any condition reads
 * the account's row.
 */
function accountConditions(
  search: AccountSearch,
  params: SqlParams,
  onModel = false,
): { where: string[]; scopes: string[]; needsAccount: boolean } {
  const scopes = scopeBranches(search.scope, 'a', params.add(search.scope.subject));
  const where: string[] = [];
  const { filter } = search;
  const at = onModel ? 'p' : 'a';
  if (filter.regionCode) {
    where.push(
      onModel
        ? regionCondition('p.region_code', filter.regionCode, params)
        : filter.regionCode.length === 6
          ? `a.region_code = ${params.add(filter.regionCode)}`
          : `left(a.region_code, ${filter.regionCode.length}) = ${params.add(filter.regionCode)}`,
    );
  }
  if (filter.statuses?.length) where.push(anyOf(`${at}.status`, filter.statuses, params));
  const modelOnly = where.length;
  if (filter.industryCodes?.length)
    where.push(anyOf('a.industry_code', filter.industryCodes, params));
  if (filter.creditCodes?.length) {
    const codes = filter.creditCodes.map((code) => code.replace(/\s+/g, '').toUpperCase());
    // credit_code is char(18): compared as such, so that its unique index is used.
    where.push(anyOf('a.credit_code', codes, params, 'bpchar'));
  }
  if (filter.types?.length) where.push(anyOf('a.type', filter.types, params));
  if (filter.tag) where.push(`a.tags @> ARRAY[${params.add(filter.tag)}]::text[]`);
  if (search.withinPath !== undefined) {
    const path = params.add(search.withinPath);
    where.push(`(a.path = ${path} OR (a.path > (${path} || '/') AND a.path < (${path} || '0')))`);
  }
  if (filter.clusterId) {
    const cluster = params.add(filter.clusterId);
    where.push(`(EXISTS (SELECT 1 FROM accounts.cluster_supporter cs
                          WHERE cs.account_id = a.id AND cs.cluster_id = ${cluster})
                 OR EXISTS (SELECT 1 FROM accounts.industry_cluster c
                          WHERE c.leader_account_id = a.id AND c.id = ${cluster}))`);
  }
  if (filter.associationId) {
    where.push(`EXISTS (SELECT 1 FROM accounts.association_member am
                WHERE am.account_id = a.id AND am.association_id = ${params.add(filter.associationId)})`);
  }
  if (filter.nameContains) {
    const escaped = filter.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(`a.name ILIKE ${params.add(`%${escaped}%`)}`);
  }
  const needsAccount = !onModel || search.scope.kind !== 'ALL' || where.length > modelOnly;
  return { where, scopes, needsAccount };
}

/** The read model's conditions: tier, segment, values, managers, handover. */
function portfolioConditions(filter: GroupAccountFilter, params: SqlParams): string[] {
  const where: string[] = [];
  if (filter.tiers?.length) where.push(anyOf('p.tier', filter.tiers, params, 'bpchar'));
  if (filter.segments?.length) where.push(anyOf('p.segment', filter.segments, params));
  for (const [range, column] of [
    [filter.currentValue, 'p.current_value'],
    [filter.potentialValue, 'p.potential_value'],
  ] as const) {
    if (range?.min !== undefined && range.min !== null)
      where.push(`${column} >= ${params.add(range.min)}::bigint`);
    if (range?.max !== undefined && range.max !== null)
      where.push(`${column} <= ${params.add(range.max)}::bigint`);
  }
  if (filter.primaryManagerId)
    where.push(`p.primary_manager_id = ${params.add(filter.primaryManagerId)}`);
  if (filter.teamMemberId) where.push(`p.team @> ARRAY[${params.add(filter.teamMemberId)}]`);
  if (filter.handoverStates?.length)
    where.push(anyOf('p.handover_state', filter.handoverStates, params));
  if (filter.tierChange) where.push(`p.tier_change = ${params.add(filter.tierChange)}`);
  return where;
}

/**
 * The accounts and the read model's row of each: joined (an account the model has not heard of
 * yet is left out) when the query asks about the model, left-joined when it only shows it.
 */
function source(join: 'inner' | 'outer'): string {
  return `accounts.group_account a
    ${join === 'inner' ? 'JOIN' : 'LEFT JOIN'} accounts.portfolio_account p
      ON p.group_account_id = a.id`;
}

/**
 * One SELECT per branch of the scope, `select` making each from its condition, added up: with
 * one branch (every account), the SELECT itself.
 */
function unionOf(scopes: readonly string[], select: (scope: string) => string): string {
  if (scopes.length === 1) return select(scopes[0] ?? 'true');
  return scopes.map((scope) => `(${select(scope)})`).join('\n UNION ALL ');
}

/** The region one level below the filter's, for the region facet. */
function regionFacetLength(regionCode: string | undefined): number {
  if (!regionCode) return 2;
  return regionCode.length === 2 ? 4 : 6;
}

/**
 * Searching the account list: filtered by the account's own fields and the portfolio read
 * model's, sorted, a page at a time; and the facets of the same search. One builder of the
 * conditions serves both, so that the counts always describe the pages.
 */
@Injectable()
export class AccountSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: AccountPageQuery): Promise<SortedAccount[]> {
    const params = new SqlParams();
    const joined = filtersPortfolio(query.filter) || PORTFOLIO_SORTS.has(query.sort);
    const { where, scopes } = accountConditions(query, params, joined);
    where.push(...portfolioConditions(query.filter, params));
    const key = SORT_KEYS[query.sort];
    const direction = query.descending ? 'DESC' : 'ASC';
    if (query.after) {
      const [value, id] = query.after;
      where.push(
        `(${key.expression}, a.id) ${query.descending ? '<' : '>'} (${params.add(value)}::${key.cast}, ${params.add(id)}::uuid)`,
      );
    }
    const limit = params.add(query.limit);
    const order = (at: string) => `ORDER BY ${at}"sortValue" ${direction}, ${at}id ${direction}`;
    const branch = (scope: string) =>
      `SELECT a.id, (${key.expression})::text AS "sortKey", ${key.expression} AS "sortValue"
         FROM ${source(joined ? 'inner' : 'outer')}
        WHERE ${[scope, ...where].join(' AND ')}
        ORDER BY ${key.expression} ${direction}, a.id ${direction}
        LIMIT ${limit}`;
    // Each branch's first rows, then the first of them all.
    const ranked =
      scopes.length === 1
        ? branch(scopes[0] ?? 'true')
        : `SELECT * FROM (${unionOf(scopes, branch)}) s ${order('s.')} LIMIT ${limit}`;
    // The page is ranked on ids and sort keys first, and only its own accounts' rows are read:
    // ranking a portfolio reads the read model's narrow rows (and the account's key only), where
    // reading whole accounts would fetch every candidate's before keeping a page of them.
    const sql = `SELECT ${ACCOUNT_COLUMNS}, k."sortKey", k."sortValue"
                   FROM (${ranked}) k JOIN accounts.group_account a ON a.id = k.id
                  ${order('k.')}`;
    const rows = await this.dataSource.query<Record<string, unknown>[]>(sql, params.values);
    return rows.map(({ sortKey, sortValue: _sortValue, ...account }) => ({
      account: toAccount(account),
      sortKey: String(sortKey),
    }));
  }

  /**
   * Counts by tier, segment, region and status of everything the search finds. When the search
   * asks about the read model, region and status are the model's copies; and when, besides,
   * the caller sees every account and nothing else is asked of the account, the model alone is
   * read.
   */
  async facets(search: AccountSearch): Promise<FacetRow[]> {
    const params = new SqlParams();
    const joined = filtersPortfolio(search.filter);
    const { where, scopes, needsAccount } = accountConditions(search, params, joined);
    where.push(...portfolioConditions(search.filter, params));
    const at = joined ? 'p' : 'a';
    const from = needsAccount ? source(joined ? 'inner' : 'outer') : 'accounts.portfolio_account p';
    const found = unionOf(
      scopes,
      (scope) =>
        `SELECT p.tier, p.segment,
                left(${at}.region_code, ${regionFacetLength(search.filter.regionCode)}) AS region,
                ${at}.status AS status
           FROM ${from}
          WHERE ${[scope, ...where].join(' AND ')}`,
    );
    return this.dataSource.query<FacetRow[]>(
      `SELECT CASE WHEN grouping(f.tier) = 0 THEN 'TIER'
                   WHEN grouping(f.segment) = 0 THEN 'SEGMENT'
                   WHEN grouping(f.region) = 0 THEN 'REGION' ELSE 'STATUS' END AS facet,
              coalesce(f.tier::text, f.segment, f.region, f.status) AS value,
              count(*)::int AS count
         FROM (${found}) f
        GROUP BY GROUPING SETS ((f.tier), (f.segment), (f.region), (f.status))`,
      params.values,
    );
  }

  /** How fresh the read model is: its newest application, and how late that event arrived. */
  async freshness(): Promise<PortfolioFreshnessRow> {
    const [row] = await this.dataSource.query<{ asOf: Date | null; lag: number | null }[]>(
      `SELECT changed_at AS "asOf",
              greatest(extract(epoch FROM applied_at - changed_at), 0)::float8 AS lag
         FROM accounts.portfolio_account ORDER BY applied_at DESC LIMIT 1`,
    );
    return { asOf: row?.asOf ?? null, lagSeconds: row?.lag ?? 0 };
  }

  /**
   * The account at `path` and everything below it that the scope lets the caller see: how
   * many, their values summed, and how many of each tier.
   */
  async rollup(scope: AccountScope, path: string): Promise<GroupRollupRow> {
    const rows = await this.dataSource.query<
      { tier: string | null; count: number; current: string; potential: string }[]
    >(
      `SELECT p.tier, count(*)::int AS count,
              coalesce(sum(p.current_value), 0)::text AS current,
              coalesce(sum(p.potential_value), 0)::text AS potential
         FROM ${source('outer')}
        WHERE (a.path = $1 OR (a.path > ($1 || '/') AND a.path < ($1 || '0')))
          AND ${scopeCondition(scope, 'a', '$2')}
        GROUP BY p.tier ORDER BY p.tier NULLS LAST`,
      [path, scope.subject],
    );
    const sum = (field: 'current' | 'potential') =>
      rows.reduce((total, row) => total + BigInt(row[field]), 0n).toString();
    return {
      members: rows.reduce((total, row) => total + row.count, 0),
      currentValue: sum('current'),
      potentialValue: sum('potential'),
      tiers: rows.map(({ tier, count }) => ({ tier, count })),
    };
  }
}
