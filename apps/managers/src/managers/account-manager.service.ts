import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { MANAGERS_PERMISSIONS, type ManagersOperation } from '@gap/managers/domain';
import { AccountManagerErrors } from './account-manager.errors.js';
import { AccountManagerRepository, type ManagerListFilter } from './account-manager.repository.js';
import type { AccountManagerType } from './account-manager.types.js';

type ReadOperation = Extract<
  ManagersOperation,
  | 'accountManager'
  | 'accountManagers'
  | 'myTeam'
  | 'me'
  | '_entities.AccountManager'
  | 'GroupAccount.primaryManager'
>;

/** Reading the manager directory: everyone who works with accounts, not partners. */
@Injectable()
export class AccountManagerService {
  constructor(private readonly managers: AccountManagerRepository) {}

  async byId(caller: Caller, id: string): Promise<AccountManagerType> {
    const [found] = await this.byIds(caller, [id]);
    if (!found) throw AccountManagerErrors.notFound(id);
    return found;
  }

  async byIds(
    caller: Caller,
    ids: readonly string[],
    operation: ReadOperation = 'accountManager',
  ): Promise<AccountManagerType[]> {
    authorize(MANAGERS_PERMISSIONS, operation, caller);
    return this.managers.byIds(ids);
  }

  async list(
    caller: Caller,
    filter: ManagerListFilter,
    operation: ReadOperation = 'accountManagers',
  ): Promise<AccountManagerType[]> {
    authorize(MANAGERS_PERMISSIONS, operation, caller);
    return this.managers.list(filter);
  }

  /** The caller as a manager, or null when they are not one. */
  async me(caller: Caller): Promise<AccountManagerType | null> {
    const [found] = await this.byIds(caller, [caller.subject], 'me');
    return found ?? null;
  }
}
