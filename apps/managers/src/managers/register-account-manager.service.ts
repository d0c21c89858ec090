import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { checkManagerFields, HANDOVER_PERMISSIONS } from '@gap/managers/domain';
import { AccountManagerErrors } from './account-manager.errors.js';
import { AccountManagerRepository } from './account-manager.repository.js';
import type { RegisterAccountManagerInput } from './account-manager.types.js';

/** Registering an account manager (admins). */
@Injectable()
export class RegisterAccountManagerService {
  constructor(private readonly managers: AccountManagerRepository) {}

  async register(caller: Caller, input: RegisterAccountManagerInput): Promise<string> {
    authorize(HANDOVER_PERMISSIONS, 'registerAccountManager', caller);
    const violations = checkManagerFields(input);
    if (violations.length > 0) throw AccountManagerErrors.invalid(violations);
    await this.managers.transaction(async (tx) => {
      if (input.supervisorId && !(await this.managers.existsNotLeft(tx, input.supervisorId))) {
        throw AccountManagerErrors.supervisorNotFound(input.supervisorId);
      }
      const inserted = await this.managers.insert(tx, {
        id: input.id,
        name: input.name.trim(),
        grade: input.grade,
        regions: [...new Set(input.regions)],
        industries: [...new Set(input.industries)],
        capacity: input.capacity,
        supervisorId: input.supervisorId ?? null,
      });
      if (!inserted) throw AccountManagerErrors.idTaken(input.id);
    });
    return input.id;
  }
}
