import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  canChangeStatus,
  checkAccountFields,
  childPath,
  depthOf,
  OVERRIDE_REASON_MIN_LENGTH,
  STATUS_TRANSITIONS,
  STATUSES_NEEDING_REASON,
  type AccountFields,
} from '@gap/accounts/domain';
import { todayInChina } from '@gap/calendar';
import { hasRole, type Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import { DomainError } from '@gap/errors';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { OutboxPublisher, type PendingEvent } from '@gap/messaging';
import { accountScopeOf, assertMayEditAccounts } from '../visibility/visibility.js';
import { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { GroupAccountRepository, sortValue } from './group-account.repository.js';
import { HierarchyLock } from './hierarchy-lock.js';
import type {
  ChangeGroupAccountStatusInput,
  CreateGroupAccountInput,
  UpdateGroupAccountInput,
} from './dto/group-account.inputs.js';
import type { GroupAccountSearchArgs } from './dto/group-account-search.args.js';

/** Entity property → column, for the fields an update may change. */
const UPDATABLE = {
  name: 'name',
  legalName: 'legal_name',
  type: 'type',
  industryCode: 'industry_code',
  regionCode: 'region_code',
  employees: 'employees',
  linesCount: 'lines_count',
  foundedOn: 'founded_on',
  tags: 'tags',
} as const satisfies Partial<Record<keyof AccountFields, string>>;

type Updatable = keyof typeof UPDATABLE;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The describing fields that `fields` would change on `current` (absent fields change nothing). */
export function changedFields(
  current: GroupAccountEntity,
  fields: Partial<AccountFields>,
): Updatable[] {
  return (Object.keys(UPDATABLE) as Updatable[]).filter(
    (property) => fields[property] !== undefined && !same(fields[property], current[property]),
  );
}

@Injectable()
export class GroupAccountService {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly events: OutboxPublisher,
  ) {}

  async create(caller: Caller, input: CreateGroupAccountInput): Promise<GroupAccountEntity> {
    assertMayEditAccounts(caller);
    const overrideReason = input.creditCodeOverrideReason?.trim() || null;
    if (overrideReason !== null && !hasRole(caller, 'SUPERVISOR', 'ADMIN')) {
      throw GroupAccountErrors.overrideNotAllowed();
    }
    if (overrideReason !== null && overrideReason.length < OVERRIDE_REASON_MIN_LENGTH) {
      throw GroupAccountErrors.invalid([
        {
          field: 'input.creditCodeOverrideReason',
          reason: 'REASON_TOO_SHORT',
          message: `Say what was checked, in at least ${OVERRIDE_REASON_MIN_LENGTH} characters.`,
        },
      ]);
    }
    const checked = checkAccountFields(input, {
      prefix: 'input',
      today: todayInChina(),
      mode: 'create',
      creditCodeOverride: overrideReason !== null,
    });
    if (!checked.ok) throw GroupAccountErrors.invalid(checked.violations);
    const fields = checked.fields as AccountFields;
    const scope = accountScopeOf(caller);
    try {
      return await this.accounts.transaction(async (manager) => {
        await HierarchyLock.share(manager);
        const parent = input.parentId
          ? await this.accounts.findVisible(scope, input.parentId, manager)
          : null;
        if (input.parentId && !parent) {
          throw GroupAccountErrors.notFound(input.parentId, 'input.parentId');
        }
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
          creditCodeOverrideBy: overrideReason ? caller.subject : null,
          statusReason: null,
          parentId: parent?.id ?? null,
          path,
          depth: depthOf(path),
          createdBy: caller.subject,
          updatedBy: null,
          createdAt: new Date(),
        });
        const saved = await this.accounts.insert(manager, account);
        await this.events.record(manager, this.createdEvent(saved));
        return saved;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'group_account_credit_code_key')) {
        throw GroupAccountErrors.creditCodeTaken(fields.creditCode);
      }
      throw error;
    }
  }

  createdEvent(account: GroupAccountEntity): PendingEvent<'AccountCreated'> {
    return {
      type: 'AccountCreated',
      aggregateId: account.id,
      payload: {
        groupAccountId: account.id,
        accountCode: account.accountCode,
        name: account.name,
        creditCode: account.creditCode,
        type: account.type,
        industryCode: account.industryCode,
        regionCode: account.regionCode,
        status: account.status,
        parentId: account.parentId,
        employees: account.employees,
        linesCount: account.linesCount,
        foundedOn: account.foundedOn,
        registeredBy: account.createdBy,
      },
    };
  }

  async update(caller: Caller, input: UpdateGroupAccountInput): Promise<GroupAccountEntity> {
    assertMayEditAccounts(caller);
    const { id, version, ...changes } = input;
    const checked = checkAccountFields(changes, {
      prefix: 'input',
      today: todayInChina(),
      mode: 'update',
    });
    if (!checked.ok) throw GroupAccountErrors.invalid(checked.violations);
    return this.accounts.transaction(async (manager) => {
      const current = await this.lockVisible(manager, caller, id, version);
      return this.applyUpdate(manager, caller, current, checked.fields);
    });
  }

  /**
   * Writes the fields that differ and records AccountUpdated; a change to nothing writes
   * nothing, so re-running an import leaves versions and events alone.
   */
  async applyUpdate(
    manager: EntityManager,
    caller: Caller,
    current: GroupAccountEntity,
    fields: Partial<AccountFields>,
  ): Promise<GroupAccountEntity> {
    const changed = changedFields(current, fields);
    if (changed.length === 0) return current;
    const columns = Object.fromEntries(
      changed.map((property) => [UPDATABLE[property], fields[property]]),
    );
    const updated = await this.accounts.update(manager, current.id, {
      ...columns,
      updated_by: caller.subject,
    });
    await this.events.record(manager, {
      type: 'AccountUpdated',
      aggregateId: updated.id,
      payload: {
        groupAccountId: updated.id,
        changed,
        name: updated.name,
        type: updated.type,
        industryCode: updated.industryCode,
        regionCode: updated.regionCode,
        employees: updated.employees,
        linesCount: updated.linesCount,
        foundedOn: updated.foundedOn,
        tags: updated.tags,
        version: updated.version,
      },
    });
    return updated;
  }

  async changeStatus(
    caller: Caller,
    input: ChangeGroupAccountStatusInput,
  ): Promise<GroupAccountEntity> {
    assertMayEditAccounts(caller);
    const reason = input.reason?.trim() || null;
    return this.accounts.transaction(async (manager) => {
      const current = await this.lockVisible(manager, caller, input.id, input.version);
      return this.applyStatus(manager, caller, current, input.status, reason);
    });
  }

  async applyStatus(
    manager: EntityManager,
    caller: Caller,
    current: GroupAccountEntity,
    to: GroupAccountEntity['status'],
    reason: string | null,
  ): Promise<GroupAccountEntity> {
    if (!canChangeStatus(current.status, to)) {
      throw GroupAccountErrors.transitionRefused(
        current.status,
        to,
        STATUS_TRANSITIONS[current.status],
      );
    }
    if (reason === null && STATUSES_NEEDING_REASON.includes(to)) {
      throw GroupAccountErrors.reasonRequired(to);
    }
    const updated = await this.accounts.update(manager, current.id, {
      status: to,
      status_reason: reason,
      updated_by: caller.subject,
    });
    await this.events.record(manager, {
      type: 'AccountStatusChanged',
      aggregateId: updated.id,
      payload: { groupAccountId: updated.id, from: current.status, to, reason },
    });
    return updated;
  }

  /** Locks an account the caller may see, at the version they read. */
  async lockVisible(
    manager: EntityManager,
    caller: Caller,
    id: string,
    version?: number,
  ): Promise<GroupAccountEntity> {
    const scope = accountScopeOf(caller);
    const visible = await this.accounts.findVisible(scope, id, manager);
    const current = visible && (await this.accounts.lock(manager, id));
    if (!current) throw GroupAccountErrors.notFound(id, 'input.id');
    if (version !== undefined && current.version !== version) {
      throw GroupAccountErrors.stale(id, version, current.version);
    }
    return current;
  }

  async get(caller: Caller, id: string): Promise<GroupAccountEntity> {
    const account = await this.accounts.findVisible(accountScopeOf(caller), id);
    if (!account) throw GroupAccountErrors.notFound(id);
    return account;
  }

  /** Accounts by id, for entity references; ids the caller may not see are left out. */
  async getMany(caller: Caller, ids: readonly string[]): Promise<Map<string, GroupAccountEntity>> {
    const found = await this.accounts.findManyVisible(accountScopeOf(caller), ids);
    return new Map(found.map((account) => [account.id, account]));
  }

  async search(
    caller: Caller,
    args: GroupAccountSearchArgs,
    portfolioOnly = false,
  ): Promise<Connection<GroupAccountEntity>> {
    const scope = accountScopeOf(caller);
    const filter = args.filter ?? {};
    const sort = args.orderBy?.field ?? 'NAME';
    let withinPath: string | undefined;
    if (filter.withinGroupOf) {
      const root = await this.accounts.findVisible(scope, filter.withinGroupOf);
      if (!root) throw GroupAccountErrors.notFound(filter.withinGroupOf, 'filter.withinGroupOf');
      withinPath = root.path;
    }
    const after = args.after === undefined ? undefined : decodeCursor(args.after);
    if (after && (after.length !== 2 || typeof after[1] !== 'string')) {
      throw DomainError.invalidInput([
        { field: 'after', reason: 'cursor', message: 'after is not a cursor of this query.' },
      ]);
    }
    const rows = await this.accounts.search({
      scope: portfolioOnly ? { kind: 'PORTFOLIO', subject: caller.subject } : scope,
      filter,
      sort,
      descending: args.orderBy?.direction === 'DESC',
      limit: args.first + 1,
      after: after as [string | number, string] | undefined,
      withinPath,
    });
    return toConnection(rows, args.first, (row) => [sortValue(row, sort), row.id]);
  }
}
