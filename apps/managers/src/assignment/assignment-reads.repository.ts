import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Tx } from './assignment.repository.js';

/**
 * The SQL condition keeping rows whose account (SQL expression `accountId`) the caller may
 * see, with `param` the placeholder bound to the caller's subject.
 */
export type VisibleTo = (accountId: string, param: string) => string;

export interface PrimaryAssignmentRow {
  readonly groupAccountId: string;
  readonly managerId: string;
  readonly reason: string;
  readonly assignedBy: string;
  readonly assignedAt: Date;
}

export interface UnassignableRow {
  readonly groupAccountId: string;
  readonly tier: string;
  readonly reason: string;
  readonly currentManagerId: string | null;
  readonly policyVersion: string;
  readonly since: Date;
}

/** What callers read of assignments and teams, kept to what they may see. */
@Injectable()
export class AssignmentReadsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The primary manager of each visible account among `accountIds`. */
  primaryOf(
    accountIds: readonly string[],
    subject: string,
    visible: VisibleTo,
    tx: Tx = this.dataSource.manager,
  ): Promise<PrimaryAssignmentRow[]> {
    return tx.query<PrimaryAssignmentRow[]>(
      `SELECT pa.group_account_id AS "groupAccountId", pa.manager_id AS "managerId",
              pa.reason, pa.assigned_by AS "assignedBy", pa.assigned_at AS "assignedAt"
         FROM managers.primary_assignment pa
        WHERE pa.group_account_id = ANY($1::uuid[])
          AND ${visible('pa.group_account_id', '$2')}`,
      [accountIds, subject],
    );
  }

  /** The accounts nobody could take, oldest first. */
  unassignable(first: number, subject: string, visible: VisibleTo): Promise<UnassignableRow[]> {
    return this.dataSource.query<UnassignableRow[]>(
      `SELECT u.group_account_id AS "groupAccountId", COALESCE(t.tier, 'C') AS tier, u.reason,
              u.current_manager_id AS "currentManagerId", u.policy_version AS "policyVersion",
              u.since
         FROM managers.unassignable_account u
         LEFT JOIN managers.account_tier t ON t.group_account_id = u.group_account_id
        WHERE ${visible('u.group_account_id', '$2')}
        ORDER BY u.since, u.group_account_id LIMIT $1`,
      [first, subject],
    );
  }

  /** Why the account is listed as unassignable, if it is. */
  async unassignableReasonOf(tx: Tx, accountId: string): Promise<string | null> {
    const [row] = await tx.query<{ reason: string }[]>(
      'SELECT reason FROM managers.unassignable_account WHERE group_account_id = $1',
      [accountId],
    );
    return row?.reason ?? null;
  }
}
