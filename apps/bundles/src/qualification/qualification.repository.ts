import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Eligibility, Range } from '@gap/bundles/domain';

export interface BookQualification {
  readonly eligible: number;
  readonly byTier: { tier: string; count: number }[];
  /** By city (the first four digits of the GB/T 2260 code). */
  readonly byRegion: { regionCode: string; count: number }[];
  /** The first eligible accounts by id, for a look at who they are. */
  readonly sample: string[];
}

/**
 * The domain's eligibility rule (`qualify`) as one SQL condition over the projection, so that
 * a template is qualified over the whole book in one statement. The spec compares the two on
 * the same accounts; an account without a tier counts as C, as in `qualifyingOf`.
 */
export function eligibilityCondition(eligibility: Eligibility, params: unknown[]): string {
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const parts = [`a.status = 'ACTIVE'`];
  if (eligibility.tiers)
    parts.push(`COALESCE(a.tier, 'C') = ANY(${param(eligibility.tiers)}::text[])`);
  if (eligibility.segments) parts.push(`a.segment = ANY(${param(eligibility.segments)}::text[])`);
  if (eligibility.industries) {
    parts.push(`a.industry = ANY(${param(eligibility.industries)}::text[])`);
  }
  const range = (column: string, r: Range | undefined) => {
    if (!r) return;
    parts.push(`${column} IS NOT NULL`);
    if (r.min !== undefined) parts.push(`${column} >= ${param(r.min)}::int`);
    if (r.max !== undefined) parts.push(`${column} <= ${param(r.max)}::int`);
  };
  range('a.employees', eligibility.employees);
  range('a.lines', eligibility.lines);
  if (eligibility.regionPrefixes) {
    const prefixes = eligibility.regionPrefixes.map((p) => `${p}%`);
    parts.push(`a.region_code LIKE ANY(${param(prefixes)}::text[])`);
  }
  return parts.join(' AND ');
}

/** Qualification over the book: set-based, never account by account. */
@Injectable()
export class QualificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async overBook(eligibility: Eligibility, sampleSize: number): Promise<BookQualification> {
    const params: unknown[] = [];
    const condition = eligibilityCondition(eligibility, params);
    const rows = await this.dataSource.query<
      { byTier: boolean; tier: string | null; city: string | null; count: string }[]
    >(
      `SELECT GROUPING(left(a.region_code, 4)) = 1 AS "byTier", COALESCE(a.tier, 'C') AS tier,
              left(a.region_code, 4) AS city, count(*) AS count
         FROM bundles.account a WHERE ${condition}
        GROUP BY GROUPING SETS ((COALESCE(a.tier, 'C')), (left(a.region_code, 4)))`,
      params,
    );
    const sample = await this.dataSource.query<{ id: string }[]>(
      `SELECT a.group_account_id AS id FROM bundles.account a WHERE ${condition}
        ORDER BY a.group_account_id LIMIT ${Math.max(0, Math.trunc(sampleSize))}`,
      params,
    );
    const byTier = new Map<string, number>();
    const byRegion = new Map<string, number>();
    for (const row of rows) {
      const count = Number(row.count);
      if (row.byTier) byTier.set(row.tier ?? 'C', count);
      else byRegion.set(row.city ?? '', count);
    }
    return {
      eligible: [...byTier.values()].reduce((sum, n) => sum + n, 0),
      byTier: [...byTier]
        .map(([tier, count]) => ({ tier, count }))
        .sort((a, b) => a.tier.localeCompare(b.tier)),
      byRegion: [...byRegion]
        .map(([regionCode, count]) => ({ regionCode, count }))
        .sort((a, b) => b.count - a.count || a.regionCode.localeCompare(b.regionCode)),
      sample: sample.map((row) => row.id),
    };
  }
}
