import { hasRole, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';

/**
 * What a caller may see of the account graph.
 * - Managers and supervisors see their portfolio: the accounts they are primary or team
 *   manager of, and, for a supervisor, the accounts of the managers they supervise.
 * - Coordinators, department staff and admins see every account, but a contact's personal
 *   mobile and birthday only on accounts in their own portfolio.
 * - Partners see none of it.
 */
export type AccountScope =
  | { readonly kind: 'ALL'; readonly subject: string }
  | { readonly kind: 'PORTFOLIO'; readonly subject: string };

export function accountScopeOf(caller: Caller): AccountScope {
  if (hasRole(caller, 'COORDINATOR', 'DEPARTMENT_STAFF', 'ADMIN')) {
    return { kind: 'ALL', subject: caller.subject };
  }
  if (hasRole(caller, 'ACCOUNT_MANAGER', 'SUPERVISOR')) {
    return { kind: 'PORTFOLIO', subject: caller.subject };
  }
  throw DomainError.forbidden('Group accounts are not visible to this role.');
}

/** Who changes accounts: everyone who sees them but department staff (they work on tasks). */
export function assertMayEditAccounts(caller: Caller): void {
  if (!hasRole(caller, 'ACCOUNT_MANAGER', 'SUPERVISOR', 'COORDINATOR', 'ADMIN')) {
    throw DomainError.forbidden(
      'Only account managers, supervisors, coordinators and admins change group accounts.',
    );
  }
}

/**
 * The SQL condition, on the account table aliased `alias`, that keeps to the scope; `param`
 * is the placeholder of the subject. Portfolio entries come from the managers service's events
 * (PortfolioProjection); until an account has its primary manager, whoever registered it
 * follows it up and sees it.
 */
export function scopeCondition(scope: AccountScope, alias: string, param: string): string {
  // Always true for ALL, but names the placeholder so that its type is known to PostgreSQL.
  if (scope.kind === 'ALL') return `(${param}::text IS NOT NULL)`;
  return `(EXISTS (SELECT 1 FROM accounts.portfolio_entry pe
                    WHERE pe.group_account_id = ${alias}.id AND pe.subject = ${param})
           OR (${alias}.created_by = ${param}
               AND NOT EXISTS (SELECT 1 FROM accounts.portfolio_entry pp
                                WHERE pp.group_account_id = ${alias}.id AND pp.relation = 'PRIMARY')))`;
}
