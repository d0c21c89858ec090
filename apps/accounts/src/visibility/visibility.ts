import { authorize, type Caller, type Scope } from '@gap/auth';
import { ACCOUNTS_PERMISSIONS, type AccountsOperation } from '@gap/accounts/domain';
import {
  scopeBranches as portfolioBranches,
  scopeCondition as portfolioCondition,
  type AccountScope,
} from '@gap/portfolio';

export type { AccountScope } from '@gap/portfolio';

/**
 * The accounts a scope of the matrix reaches. Own portfolio and own team are both read from
 * the portfolio read model (it lists a supervisor beside the accounts of the managers they
 * supervise); the accounts service grants no REGION scope, and would read one as the
 * portfolio rather than widen it.
 */
export function accountScope(scope: Scope, subject: string): AccountScope {
  switch (scope) {
    case 'ALL':
      return { kind: 'ALL', subject };
    case 'OWN_PORTFOLIO':
    case 'OWN_TEAM':
    case 'REGION':
      return { kind: 'PORTFOLIO', subject };
  }
}

/**
 * The first step of every use case: the caller's scope for the operation from the matrix
 * (ACCOUNTS_PERMISSIONS), or a coded FORBIDDEN naming the operation.
 */
export function accessFor(operation: AccountsOperation, caller: Caller): AccountScope {
  return accountScope(authorize(ACCOUNTS_PERMISSIONS, operation, caller), caller.subject);
}

/**
 * The SQL condition, on the account table aliased `alias`, that keeps to the scope; `param`
 * is the placeholder of the subject. Coordinators, department staff and admins see every
 * account, but a contact's personal mobile and birthday only on accounts in their own
 * portfolio (see the contacts).
 */
export function scopeCondition(scope: AccountScope, alias: string, param: string): string {
  return portfolioCondition(scope, 'accounts', `${alias}.id`, `${alias}.created_by`, param);
}

/**
 * The same rule as `scopeCondition`, as disjoint conditions for a search to run one query each
 * and add up, so that a manager's page starts from their portfolio (see `@gap/portfolio`).
 */
export function scopeBranches(scope: AccountScope, alias: string, param: string): string[] {
  return portfolioBranches(scope, 'accounts', `${alias}.id`, `${alias}.created_by`, param);
}
