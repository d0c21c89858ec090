import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { accountScopeOf } from '@gap/portfolio';

/**
 * Who sees which account's managers, team and handovers. The managers service is where the
 * portfolio is decided, so it reads its own tables rather than a copy: a manager sees the
 * accounts they are primary or team manager of, and those coming to them in a handover that
 * is shadowing; a supervisor also those of the managers they supervise; whoever registered an
 * account sees it until it has a primary manager. Coordinators, department staff and admins
 * see every account; partners none.
 */
@Injectable()
export class ManagerVisibility {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The SQL condition keeping rows whose account (expression `accountId`) the caller may see;
   * `param` is the placeholder bound to the caller's subject.
   */
  condition(caller: Caller, accountId: string, param: string): string {
    if (accountScopeOf(caller).kind === 'ALL') return `(${param}::text IS NOT NULL)`;
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

  /** The accounts among `accountIds` the caller may see. */
  async visible(caller: Caller, accountIds: readonly string[]): Promise<Set<string>> {
    if (accountScopeOf(caller).kind === 'ALL') return new Set(accountIds);
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT g.id FROM managers.group_account g
        WHERE g.id = ANY($1::uuid[]) AND ${this.condition(caller, 'g.id', '$2')}`,
      [accountIds, caller.subject],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Refuses an account the caller may not see as not found, naming the field. */
  async assertVisible(caller: Caller, accountId: string, field: string): Promise<void> {
    if (!(await this.visible(caller, [accountId])).has(accountId)) {
      throw DomainError.notFound(
        'GROUP_ACCOUNT_NOT_FOUND',
        `No group account ${accountId} is visible to you.`,
        field,
      );
    }
  }

  /** Supervisors and admins decide who owns what. */
  assertMayAssign(caller: Caller): void {
    if (!hasRole(caller, 'SUPERVISOR', 'ADMIN')) {
      throw DomainError.forbidden('Only supervisors and admins assign accounts to managers.');
    }
  }
}
