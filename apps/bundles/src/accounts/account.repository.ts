import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Scope } from '@gap/authz';
import type { IndustrySection, QualifyingAccount, Tier, ValueSegment } from '@gap/bundles/domain';
import { scopeCondition } from '@gap/portfolio';

export interface AccountFacts {
  readonly status?: string;
  readonly industry: string;
  readonly regionCode: string;
  readonly employees: number | null;
  readonly lines: number | null;
}

interface Row {
  id: string;
  status: string | null;
  industry: string | null;
  regionCode: string | null;
  employees: number | null;
  lines: number | null;
  tier: string | null;
  segment: string | null;
}

/**
 * What the bundles service knows of the accounts, from the accounts and tiering services'
 * events (bundles.account). Each event sets only its own columns, so events of different
 * topics may arrive in any order; a later tier or segment wins over an earlier one.
 */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async describe(tx: EntityManager, accountId: string, facts: AccountFacts): Promise<void> {
    await tx.query(
      `INSERT INTO bundles.account (group_account_id, status, industry, region_code, employees, lines)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (group_account_id) DO UPDATE SET
         status = COALESCE(EXCLUDED.status, bundles.account.status),
         industry = EXCLUDED.industry, region_code = EXCLUDED.region_code,
         employees = EXCLUDED.employees, lines = EXCLUDED.lines, updated_at = now()`,
      [
        accountId,
        facts.status ?? null,
        facts.industry,
        facts.regionCode,
        facts.employees,
        facts.lines,
      ],
    );
  }

  async setStatus(tx: EntityManager, accountId: string, status: string): Promise<void> {
    await tx.query(
      `INSERT INTO bundles.account (group_account_id, status) VALUES ($1, $2)
       ON CONFLICT (group_account_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      [accountId, status],
    );
  }

  async setTier(tx: EntityManager, accountId: string, tier: string, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO bundles.account (group_account_id, tier, tier_at) VALUES ($1, $2, $3)
       ON CONFLICT (group_account_id) DO UPDATE SET tier = EXCLUDED.tier, tier_at = EXCLUDED.tier_at,
         updated_at = now()
        WHERE bundles.account.tier_at IS NULL OR bundles.account.tier_at <= EXCLUDED.tier_at`,
      [accountId, tier, at],
    );
  }

  async setSegment(tx: EntityManager, accountId: string, segment: string, at: string) {
    await tx.query(
      `INSERT INTO bundles.account (group_account_id, segment, segment_at) VALUES ($1, $2, $3)
       ON CONFLICT (group_account_id) DO UPDATE SET segment = EXCLUDED.segment,
         segment_at = EXCLUDED.segment_at, updated_at = now()
        WHERE bundles.account.segment_at IS NULL OR bundles.account.segment_at <= EXCLUDED.segment_at`,
      [accountId, segment, at],
    );
  }

  /**
   * Whether the account is known here and within the caller's scope: everything for ALL, else
   * the accounts of their portfolio (primary, team or supervisor) in the portfolio read model.
   */
  async visible(
    scope: Scope,
    subject: string,
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const condition = scopeCondition(
      { kind: scope === 'ALL' ? 'ALL' : 'PORTFOLIO', subject },
      'bundles',
      'a.group_account_id',
      'NULL::text',
      '$2',
    );
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM bundles.account a
        WHERE a.group_account_id = $1 AND a.status IS NOT NULL AND ${condition}`,
      [accountId, subject],
    );
    return rows.length > 0;
  }

  /** The account as qualification sees it, or null when no event has described it yet. */
  async find(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QualifyingAccount | null> {
    const [row] = await manager.query<Row[]>(
      `SELECT group_account_id AS id, status, industry, region_code AS "regionCode", employees,
              lines, tier, segment
         FROM bundles.account WHERE group_account_id = $1 AND status IS NOT NULL`,
      [accountId],
    );
    return row ? qualifyingOf(row) : null;
  }
}

/**
 * An account tiering has not placed yet counts as tier C, the tier without a discount: it may
 * buy what C may buy and gets no tier discount until its tier arrives.
 */
export function qualifyingOf(row: Row): QualifyingAccount {
  return {
    id: row.id,
    tier: (row.tier ?? 'C') as Tier,
    segment: row.segment as ValueSegment | null,
    industry: row.industry as IndustrySection | null,
    employees: row.employees,
    lines: row.lines,
    regionCode: row.regionCode,
    status: (row.status ?? 'PROSPECT') as QualifyingAccount['status'],
  };
}
