import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  checkCreditCode,
  isIndustryCode,
  isRegionCode,
  type IndustryCode,
} from '@gap/accounts/domain';
import { hasRole, type Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import { DomainError, type FieldViolation } from '@gap/errors';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { GroupAccountRepository } from './group-account.repository.js';
import type { CreateGroupAccountInput } from './dto/create-group-account.input.js';

/** Partners bring leads but never see the account graph. */
function assertMaySeeAccounts(caller: Caller): void {
  if (
    !hasRole(caller, 'ACCOUNT_MANAGER', 'SUPERVISOR', 'COORDINATOR', 'DEPARTMENT_STAFF', 'ADMIN')
  ) {
    throw DomainError.forbidden('Group accounts are not visible to this role.');
  }
}

function assertMayCreateAccounts(caller: Caller): void {
  if (!hasRole(caller, 'ACCOUNT_MANAGER', 'SUPERVISOR', 'COORDINATOR', 'ADMIN')) {
    throw DomainError.forbidden(
      'Only account managers, supervisors, coordinators and admins create group accounts.',
    );
  }
}

@Injectable()
export class GroupAccountService {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly events: OutboxPublisher,
  ) {}

  async create(caller: Caller, input: CreateGroupAccountInput): Promise<GroupAccountEntity> {
    assertMayCreateAccounts(caller);
    const { creditCode, industryCode } = this.checkCreateInput(input);
    try {
      return await this.accounts.transaction(async (manager) => {
        const account = Object.assign(new GroupAccountEntity(), {
          id: randomUUID(),
          accountCode: await this.accounts.nextAccountCode(manager),
          name: input.name,
          creditCode,
          type: input.type,
          industryCode,
          regionCode: input.regionCode,
          status: 'PROSPECT' as const,
          createdBy: caller.subject,
          createdAt: new Date(),
        });
        const saved = await this.accounts.insert(manager, account);
        await this.events.record(manager, {
          type: 'AccountCreated',
          aggregateId: saved.id,
          payload: {
            groupAccountId: saved.id,
            accountCode: saved.accountCode,
            name: saved.name,
            creditCode: saved.creditCode,
            type: saved.type,
            industryCode: saved.industryCode,
            regionCode: saved.regionCode,
            status: saved.status,
          },
        });
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'group_account_credit_code_key')) {
        throw GroupAccountErrors.creditCodeTaken(creditCode);
      }
      throw error;
    }
  }

  async get(caller: Caller, id: string): Promise<GroupAccountEntity> {
    assertMaySeeAccounts(caller);
    const account = await this.accounts.findById(id);
    if (!account) throw GroupAccountErrors.notFound(id);
    return account;
  }

  async getMany(caller: Caller, ids: readonly string[]): Promise<Map<string, GroupAccountEntity>> {
    assertMaySeeAccounts(caller);
    const found = await this.accounts.findByIds(ids);
    return new Map(found.map((account) => [account.id, account]));
  }

  async page(
    caller: Caller,
    first: number,
    after?: string,
  ): Promise<Connection<GroupAccountEntity>> {
    assertMaySeeAccounts(caller);
    const position = after === undefined ? undefined : decodeCursor(after);
    const rows = await this.accounts.findPage(
      first + 1,
      position ? { createdAt: String(position[0]), id: String(position[1]) } : undefined,
    );
    return toConnection(rows, first, (row) => [row.createdAt.toISOString(), row.id]);
  }

  private checkCreateInput(input: CreateGroupAccountInput): {
    creditCode: string;
    industryCode: IndustryCode;
  } {
    const violations: FieldViolation[] = [];
    const credit = checkCreditCode(input.creditCode);
    if (!credit.valid) {
      violations.push({
        field: 'input.creditCode',
        reason: 'CREDIT_CODE_INVALID',
        message: credit.message,
      });
    }
    const industryCode = input.industryCode;
    if (!isIndustryCode(industryCode)) {
      violations.push({
        field: 'input.industryCode',
        reason: 'INDUSTRY_UNKNOWN',
        message: `'${industryCode}' is not an industry section of GB/T 4754 (A to T).`,
      });
    }
    if (!isRegionCode(input.regionCode)) {
      violations.push({
        field: 'input.regionCode',
        reason: 'REGION_UNKNOWN',
        message: `'${input.regionCode}' is not a six-digit division code of a Chinese province.`,
      });
    }
    if (!credit.valid || !isIndustryCode(industryCode) || violations.length > 0) {
      throw GroupAccountErrors.invalid(violations);
    }
    return { creditCode: credit.code, industryCode };
  }
}
