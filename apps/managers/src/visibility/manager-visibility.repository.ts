import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountScope } from '@gap/portfolio';

/**
 * The one account-visibility rule of @gap/portfolio, read from the managers service's own
 * tables instead of a portfolio projection: this service decides who manages what, so its
 * tables are the source of truth the other services' projections copy. Each relation of the
 * shared rule maps to a table here:
 * - PRIMARY: managers.primary_assignment;
 * - TEAM: managers.team_member, and the incoming manager of a shadowing handover (TeamChanged
 *   announces them as INCOMING_MANAGER, so the projections hold them as team too);
 * - SUPERVISOR: the primary manager's supervisor (ManagerAssigned.supervisorId);
 * - until an account has a primary manager, whoever registered it.
 * `accountId` is the SQL expression of the account's id; `param` the placeholder of the subject.
 */
export function managerScopeCondition(
  scope: AccountScope,
  accountId: string,
  param: string,
): string {
  // Always true for ALL, but names the placeholder so that its type is known to PostgreSQL.
  if (scope.kind === 'ALL') return `(${param}::text IS NOT NULL)`;
  return `(EXISTS (SELECT 1 FROM managers.primary_assignment vp
                     JOIN managers.account_manager vm ON vm.id = vp.manager_id
                    WHERE vp.group_account_id = ${accountId}
                      AND (vp.manager_id = ${param} OR vm.supervisor_id = ${param}))
           OR EXISTS (SELECT 1 FROM managers.team_member vt
                       WHERE vt.group_account_id = ${accountId} AND vt.manager_id = ${param})
           OR EXISTS (SELECT 1 FROM managers.handover vh
                       WHERE vh.group_account_id = ${accountId} AND vh.state = 'SHADOWING'
                         AND vh.to_manager_id = ${param})
           OR EXISTS (SELECT 1 FROM managers.group_account vg
                       WHERE vg.id = ${accountId} AND vg.registered_by = ${param}
                         AND NOT EXISTS (SELECT 1 FROM managers.primary_assignment vq
                                          WHERE vq.group_account_id = vg.id)))`;
}

@Injectable()
export class ManagerVisibilityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The accounts among `accountIds` within a portfolio scope. */
  async visibleAccounts(scope: AccountScope, accountIds: readonly string[]): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT g.id FROM managers.group_account g
        WHERE g.id = ANY($1::uuid[]) AND ${managerScopeCondition(scope, 'g.id', '$2')}`,
      [accountIds, scope.subject],
    );
    return rows.map((row) => row.id);
  }
}
