import { Injectable } from '@nestjs/common';
import { checkAccountFields } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import { accessFor } from '../visibility/visibility.js';
import type { UpdateGroupAccountInput } from './dto/group-account.inputs.js';
import { GroupAccountChanges } from './group-account-changes.service.js';
import type { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { GroupAccountRepository } from './group-account.repository.js';

/** Changes an account's describing fields at the version the caller read. */
@Injectable()
export class UpdateGroupAccountService {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly changes: GroupAccountChanges,
  ) {}

  async update(caller: Caller, input: UpdateGroupAccountInput): Promise<GroupAccountEntity> {
    const scope = accessFor('updateGroupAccount', caller);
    const { id, version, ...changes } = input;
    const checked = checkAccountFields(changes, {
      prefix: 'input',
      today: todayInChina(),
      mode: 'update',
    });
    if (!checked.ok) throw GroupAccountErrors.invalid(checked.violations);
    return this.accounts.transaction(async (manager) => {
      const current = await this.changes.lockVisible(manager, scope, id, version);
      return this.changes.applyUpdate(manager, caller.subject, current, checked.fields);
    });
  }
}
