import { hasRole, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';

/**
 * What a caller may see of the group accounts, in every service that holds data about them.
 * - Managers and supervisors see their portfolio: the accounts they are primary or team
 *   manager of, and, for a supervisor, the accounts of the managers they supervise.
 * - Coordinators, department staff and admins see every account.
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

/**
 * The SQL condition that keeps to the scope, for an account whose id is `accountId` and who
 * registered it `registeredBy` (SQL expressions); `param` is the placeholder of the subject
 * and `schema` the service's, where its portfolio read model lives. Until an account has its
 * primary manager, whoever registered it follows it up and sees it.
 */
export function scopeCondition(
  scope: AccountScope,
  schema: string,
  accountId: string,
  registeredBy: string,
  param: string,
): string {
  // Always true for ALL, but names the placeholder so that its type is known to PostgreSQL.
  if (scope.kind === 'ALL') return `(${param}::text IS NOT NULL)`;
  return `(EXISTS (SELECT 1 FROM ${schema}.portfolio_entry pe
                    WHERE pe.group_account_id = ${accountId} AND pe.subject = ${param})
           OR (${registeredBy} = ${param}
               AND NOT EXISTS (SELECT 1 FROM ${schema}.portfolio_entry pp
                                WHERE pp.group_account_id = ${accountId} AND pp.relation = 'PRIMARY')))`;
}
