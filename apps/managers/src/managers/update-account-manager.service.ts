import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { checkManagerFields, HANDOVER_PERMISSIONS } from '@gap/managers/domain';
import { OutboxPublisher } from '@gap/messaging';
import { AccountManagerErrors } from './account-manager.errors.js';
import { AccountManagerRepository } from './account-manager.repository.js';
import type { UpdateAccountManagerInput } from './account-manager.types.js';

/**
 * Changing a manager's describing fields (admins). A new supervisor is announced on each of
 * their accounts (ManagerAssigned with the same manager), so every service's portfolio follows.
 */
@Injectable()
export class UpdateAccountManagerService {
  constructor(
    private readonly managers: AccountManagerRepository,
    private readonly events: OutboxPublisher,
  ) {}

  async update(caller: Caller, input: UpdateAccountManagerInput): Promise<string> {
    authorize(HANDOVER_PERMISSIONS, 'updateAccountManager', caller);
    const violations = checkManagerFields(input);
    if (violations.length > 0) throw AccountManagerErrors.invalid(violations);
    await this.managers.transaction(async (tx) => {
      const current = await this.managers.lock(tx, input.id);
      if (!current) throw AccountManagerErrors.notFound(input.id, 'input.id');
      if (input.status && (current.status === 'LEAVING' || current.status === 'LEFT')) {
        throw AccountManagerErrors.leaving(input.id, current.status);
      }
      const supervisorId = input.supervisorId;
      if (supervisorId && supervisorId !== current.supervisorId) {
        if (!(await this.managers.existsNotLeft(tx, supervisorId))) {
          throw AccountManagerErrors.supervisorNotFound(supervisorId);
        }
        if ((await this.managers.supervisedBy(input.id, tx)).has(supervisorId)) {
          throw AccountManagerErrors.supervisionLoop(input.id, supervisorId);
        }
      }
      await this.managers.update(tx, {
        ...input,
        name: input.name?.trim(),
        regions: input.regions ? [...new Set(input.regions)] : null,
        industries: input.industries ? [...new Set(input.industries)] : null,
      });
      if (supervisorId && supervisorId !== current.supervisorId) {
        const accounts = await this.managers.primaryAccountsOf(tx, input.id);
        await this.events.recordAll(
          tx,
          accounts.map((accountId) => ({
            type: 'ManagerAssigned' as const,
            aggregateId: accountId,
            payload: {
              groupAccountId: accountId,
              managerId: input.id,
              previousManagerId: input.id,
              supervisorId,
              reason: 'SUPERVISOR_CHANGED',
            },
          })),
        );
      }
    });
    return input.id;
  }
}
