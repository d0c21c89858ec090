import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { accountScopeOf } from '@gap/portfolio';
import { VisibilityErrors } from './manager-visibility.errors.js';
import {
  managerScopeCondition,
  ManagerVisibilityRepository,
} from './manager-visibility.repository.js';

/**
 * Who sees which account's managers, team and handovers: the shared rule of @gap/portfolio
 * (`accountScopeOf`), kept over this service's own tables (see managerScopeCondition).
 * Coordinators, department staff and admins see every account; partners none.
 */
@Injectable()
export class ManagerVisibility {
  constructor(private readonly repository: ManagerVisibilityRepository) {}

  /**
   * The SQL condition keeping rows whose account (expression `accountId`) the caller may see;
   * `param` is the placeholder bound to the caller's subject.
   */
  condition(caller: Caller, accountId: string, param: string): string {
    return managerScopeCondition(accountScopeOf(caller), accountId, param);
  }

  /** The accounts among `accountIds` the caller may see. */
  async visible(caller: Caller, accountIds: readonly string[]): Promise<Set<string>> {
    const scope = accountScopeOf(caller);
    if (scope.kind === 'ALL') return new Set(accountIds);
    return new Set(await this.repository.visibleAccounts(scope, accountIds));
  }

  /** Refuses an account the caller may not see as not found, naming the field. */
  async assertVisible(caller: Caller, accountId: string, field: string): Promise<void> {
    if (!(await this.visible(caller, [accountId])).has(accountId)) {
      throw VisibilityErrors.accountNotVisible(accountId, field);
    }
  }
}
