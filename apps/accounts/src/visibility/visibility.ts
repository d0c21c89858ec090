import { hasRole, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { scopeCondition as portfolioCondition, type AccountScope } from '@gap/portfolio';

export { accountScopeOf, type AccountScope } from '@gap/portfolio';

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
 * is the placeholder of the subject. Coordinators, department staff and admins see every
 * account, but a contact's personal mobile and birthday only on accounts in their own
 * portfolio (see the contact service).
 */
export function scopeCondition(scope: AccountScope, alias: string, param: string): string {
  return portfolioCondition(scope, 'accounts', `${alias}.id`, `${alias}.created_by`, param);
}
