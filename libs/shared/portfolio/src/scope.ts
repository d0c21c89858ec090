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
 * The ways a subject comes to see an account, as SQL conditions on an account whose id is
 * `accountId` and who registered it `registeredBy`: listed in the portfolio read model for it
 * (primary, team or supervisor), or its registrant while it has no primary manager (whoever
 * registered it follows it up meanwhile). The one definition of the rule: both forms below
 * are made from it.
 */
function portfolioBranches(
  schema: string,
  accountId: string,
  registeredBy: string,
  param: string,
): { listed: string; registered: string } {
  return {
    listed: `EXISTS (SELECT 1 FROM ${schema}.portfolio_entry pe
                      WHERE pe.group_account_id = ${accountId} AND pe.subject = ${param})`,
    registered: `(${registeredBy} = ${param}
                  AND NOT EXISTS (SELECT 1 FROM ${schema}.portfolio_entry pp
                                   WHERE pp.group_account_id = ${accountId} AND pp.relation = 'PRIMARY'))`,
  };
}

/**
 * The SQL condition that keeps to the scope, for an account whose id is `accountId` and who
 * registered it `registeredBy` (SQL expressions); `param` is the placeholder of the subject
 * and `schema` the service's, where its portfolio read model lives. Suits a test of given
 * accounts (by id); a search over many uses `scopeBranches`.
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
  const { listed, registered } = portfolioBranches(schema, accountId, registeredBy, param);
  return `(${listed} OR ${registered})`;
}

/**
 * The same rule as `scopeCondition`, as conditions that never hold together and of which an
 * account the scope reaches meets exactly one: a search runs once per condition and adds the
 * answers up (UNION ALL). Each is a plain conjunction, which PostgreSQL can start from its own
 * index (the subject's portfolio entries; the accounts the subject registered), where the
 * single condition's OR makes it test every account the other filters find. One condition for
 * ALL.
 */
export function scopeBranches(
  scope: AccountScope,
  schema: string,
  accountId: string,
  registeredBy: string,
  param: string,
): string[] {
  if (scope.kind === 'ALL') return [scopeCondition(scope, schema, accountId, registeredBy, param)];
  const { listed, registered } = portfolioBranches(schema, accountId, registeredBy, param);
  return [listed, `(${registered} AND NOT ${listed})`];
}
