import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import { accountScopeOf, scopeCondition } from '@gap/portfolio';
import { AccountVisibilityErrors } from './account-visibility.errors.js';

/**
 * Who sees which account's tier, value and explanation: the same rule as the accounts
 * service's (managers and supervisors their portfolio, or what they registered until it has a
 * primary manager; coordinators, department staff and admins everything; partners nothing),
 * on this service's copy of the portfolio, fed by the managers service's events.
 */
@Injectable()
export class AccountVisibility {
  constructor(private readonly dataSource: DataSource) {}

  /** The accounts among `accountIds` the caller may see. */
  async visible(caller: Caller, accountIds: readonly string[]): Promise<Set<string>> {
    const scope = accountScopeOf(caller);
    if (scope.kind === 'ALL') return new Set(accountIds);
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT p.group_account_id AS id FROM tiering.account_profile p
        WHERE p.group_account_id = ANY($1::uuid[])
          AND ${scopeCondition(scope, 'tiering', 'p.group_account_id', 'p.registered_by', '$2')}`,
      [accountIds, scope.subject],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Refuses an account the caller may not see as not found, naming the field. */
  async assertVisible(caller: Caller, accountId: string, field: string): Promise<void> {
    if (!(await this.visible(caller, [accountId])).has(accountId)) {
      throw AccountVisibilityErrors.notVisible(accountId, field);
    }
  }

  /**
   * The SQL condition keeping rows whose account (expression `accountId`) the caller may see;
   * `param` is the placeholder the caller's subject is bound to.
   */
  condition(caller: Caller, accountId: string, param: string): string {
    const scope = accountScopeOf(caller);
    return scopeCondition(
      scope,
      'tiering',
      accountId,
      `(SELECT registered_by FROM tiering.account_profile WHERE group_account_id = ${accountId})`,
      param,
    );
  }
}
