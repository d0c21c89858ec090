import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { accessFor } from '../visibility/visibility.js';
import type { ChangeGroupAccountStatusInput } from './dto/group-account.inputs.js';
import { GroupAccountChanges } from './group-account-changes.service.js';
import type { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountRepository } from './group-account.repository.js';

/** Moves an account along its lifecycle at the version the caller read. */
@Injectable()
export class ChangeGroupAccountStatusService {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly changes: GroupAccountChanges,
  ) {}

  async changeStatus(
    caller: Caller,
    input: ChangeGroupAccountStatusInput,
  ): Promise<GroupAccountEntity> {
    const scope = accessFor('changeGroupAccountStatus', caller);
    const reason = input.reason?.trim() || null;
    return this.accounts.transaction(async (manager) => {
      const current = await this.changes.lockVisible(manager, scope, input.id, input.version);
      return this.changes.applyStatus(manager, caller.subject, current, input.status, reason);
    });
  }
}
