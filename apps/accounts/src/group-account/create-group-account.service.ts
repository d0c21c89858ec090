import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  checkAccountFields,
  childPath,
  CREDIT_CODE_OVERRIDE_ROLES,
  depthOf,
  overrideReasonProblem,
  type AccountFields,
} from '@gap/accounts/domain';
import { hasRole, type Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import { isUniqueViolation } from '@gap/database';
import { OutboxPublisher } from '@gap/messaging';
import { accessFor } from '../visibility/visibility.js';
import type { CreateGroupAccountInput } from './dto/group-account.inputs.js';
import { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { accountCreated } from './group-account.events.js';
import { GroupAccountRepository } from './group-account.repository.js';

/** Beyond its checked fields: where an account sits, who opened it, and any override. */
export interface AccountOpening {
  readonly parent: GroupAccountEntity | null;
  /** The person (or the system, e.g. `partners`) the account is registered by. */
  readonly createdBy: string;
  /** Why a legacy credit code whose check character does not match is right anyway. */
  readonly overrideReason: string | null;
}

/** Registers a group customer, under a parent the caller may see, with AccountCreated. */
@Injectable()
export class CreateGroupAccountService {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly events: OutboxPublisher,
  ) {}

  async create(caller: Caller, input: CreateGroupAccountInput): Promise<GroupAccountEntity> {
    const scope = accessFor('createGroupAccount', caller);
    const overrideReason = input.creditCodeOverrideReason?.trim() || null;
    if (overrideReason !== null && !hasRole(caller, ...CREDIT_CODE_OVERRIDE_ROLES)) {
      throw GroupAccountErrors.overrideNotAllowed();
    }
    const problem = overrideReason === null ? null : overrideReasonProblem(overrideReason);
    if (problem !== null) throw GroupAccountErrors.overrideReason(problem);
    const checked = checkAccountFields(input, {
      prefix: 'input',
      today: todayInChina(),
      mode: 'create',
      creditCodeOverride: overrideReason !== null,
    });
    if (!checked.ok) throw GroupAccountErrors.invalid(checked.violations);
    const fields = checked.fields as AccountFields;
    try {
      return await this.accounts.transaction(async (manager) => {
        await this.accounts.lockHierarchyShared(manager);
        const parent = input.parentId
          ? await this.accounts.findVisible(scope, input.parentId, manager)
          : null;
        if (input.parentId && !parent) {
          throw GroupAccountErrors.notFound(input.parentId, 'input.parentId');
        }
        return this.open(manager, fields, {
          parent,
          createdBy: caller.subject,
          overrideReason,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'group_account_credit_code_key')) {
        throw GroupAccountErrors.creditCodeTaken(fields.creditCode);
      }
      throw error;
    }
  }

  /**
   * Inserts an account whose fields are checked, with its AccountCreated, inside the caller's
   * transaction: for a person's registration above and for a partner's lead
   * ({@link OpenLeadProspectService}).
   */
  async open(
    manager: EntityManager,
    fields: AccountFields,
    opening: AccountOpening,
  ): Promise<GroupAccountEntity> {
    const { parent, createdBy, overrideReason } = opening;
    const accountCode = await this.accounts.nextAccountCode(manager);
    const path = childPath(parent?.path ?? null, accountCode);
    const account = Object.assign(new GroupAccountEntity(), {
      ...fields,
      id: randomUUID(),
      accountCode,
      legalName: fields.legalName ?? null,
      employees: fields.employees ?? null,
      linesCount: fields.linesCount ?? null,
      foundedOn: fields.foundedOn ?? null,
      creditCodeOverrideReason: overrideReason,
      creditCodeOverrideBy: overrideReason ? createdBy : null,
      statusReason: null,
      parentId: parent?.id ?? null,
      path,
      depth: depthOf(path),
      createdBy,
      updatedBy: null,
      createdAt: new Date(),
    });
    const saved = await this.accounts.insert(manager, account);
    await this.events.record(manager, accountCreated(saved));
    return saved;
  }
}
