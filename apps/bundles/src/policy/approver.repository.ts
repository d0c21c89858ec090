import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ApproverLevel } from '@gap/bundles/domain';

export interface ApproverRow {
  readonly subject: string;
  readonly level: ApproverLevel;
  readonly regionPrefix: string | null;
  readonly addedBy: string;
  readonly addedAt: Date;
}

/**
 * The approver register (bundles.approver): who decides on discounts beyond policy at which
 * level, and over which accounts. A level's reach: a supervisor the accounts of their
 * portfolio; a regional director the accounts of their region (GB/T 2260 prefix); headquarters
 * every account. A region prefix narrows any level to its region.
 */
@Injectable()
export class ApproverRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<ApproverRow[]> {
    return this.dataSource.query<ApproverRow[]>(
      `SELECT subject, level, region_prefix AS "regionPrefix", added_by AS "addedBy",
              added_at AS "addedAt" FROM bundles.approver ORDER BY level, subject`,
    );
  }

  async set(row: Omit<ApproverRow, 'addedAt'>, active: boolean): Promise<void> {
    if (!active) {
      await this.dataSource.query(
        'DELETE FROM bundles.approver WHERE subject = $1 AND level = $2',
        [row.subject, row.level],
      );
      return;
    }
    await this.dataSource.query(
      `INSERT INTO bundles.approver (subject, level, region_prefix, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (subject, level) DO UPDATE SET region_prefix = EXCLUDED.region_prefix,
         added_by = EXCLUDED.added_by, added_at = now()`,
      [row.subject, row.level, row.regionPrefix, row.addedBy],
    );
  }

  /** The levels at which `subject` may decide on the account's proposals (within reach). */
  async levelsOver(tx: EntityManager, subject: string, accountId: string) {
    const rows = await tx.query<{ level: ApproverLevel; inScope: boolean }[]>(
      `SELECT ap.level,
              (ap.region_prefix IS NULL OR a.region_code LIKE ap.region_prefix || '%')
              AND (ap.level <> 'SUPERVISOR' OR EXISTS (
                SELECT 1 FROM bundles.portfolio_entry pe
                 WHERE pe.group_account_id = $2 AND pe.subject = ap.subject)) AS "inScope"
         FROM bundles.approver ap
         LEFT JOIN bundles.account a ON a.group_account_id = $2
        WHERE ap.subject = $1`,
      [subject, accountId],
    );
    return rows;
  }

  /** Whether `subject` decides, within reach, at one of `levels` on the account's proposals. */
  async decidesOn(
    subject: string,
    accountId: string,
    levels: readonly ApproverLevel[],
  ): Promise<boolean> {
    if (levels.length === 0) return false;
    const rows = await this.levelsOver(this.dataSource.manager, subject, accountId);
    return rows.some((row) => row.inScope && levels.includes(row.level));
  }
}
