import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  canChangeStatus,
  STATUS_TRANSITIONS,
  statusReasonProblem,
  type AccountFields,
} from '@gap/accounts/domain';
import { OutboxPublisher } from '@gap/messaging';
import type { AccountScope } from '../visibility/visibility.js';
import type { GroupAccountEntity } from './group-account.entity.js';
import { GroupAccountErrors } from './group-account.errors.js';
import { accountStatusChanged, accountUpdated } from './group-account.events.js';
import { GroupAccountRepository } from './group-account.repository.js';

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

/**
 * The writes shared by the use cases that change an account (an update, a status change, a
 * move, an import row), inside the transaction their use case opened, after it checked access.
 */
@Injectable()
export class GroupAccountChanges {
  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly events: OutboxPublisher,
  ) {}

  /** Locks an account within the scope, at the version read; not found outside the scope. */
  async lockVisible(
    manager: EntityManager,
    scope: AccountScope,
    id: string,
    version?: number,
    field = 'input.id',
  ): Promise<GroupAccountEntity> {
    const visible = await this.accounts.findVisible(scope, id, manager);
    const current = visible && (await this.accounts.lock(manager, id));
    if (!current) throw GroupAccountErrors.notFound(id, field);
    if (version !== undefined && current.version !== version) {
      throw GroupAccountErrors.stale(id, version, current.version);
    }
    return current;
  }

  /** Refuses, as not found, the first of `ids` that the scope does not reach. */
  async requireVisible(
    manager: EntityManager,
    scope: AccountScope,
    ids: readonly string[],
    field: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const found = new Set(
      (await this.accounts.findManyVisible(scope, ids, manager)).map((a) => a.id),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw GroupAccountErrors.notFound(missing, field);
  }

  /**
   * Writes the fields that differ and records AccountUpdated; a change to nothing writes
   * nothing, so re-running an import leaves versions and events alone.
   */
  async applyUpdate(
    manager: EntityManager,
    subject: string,
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
      updated_by: subject,
    });
    await this.events.record(manager, accountUpdated(updated, changed));
    return updated;
  }

  /** Moves the account along its lifecycle, with a reason where the move needs one. */
  async applyStatus(
    manager: EntityManager,
    subject: string,
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
    const problem = statusReasonProblem(to, reason);
    if (problem !== null) throw GroupAccountErrors.statusReason(to, problem);
    const updated = await this.accounts.update(manager, current.id, {
      status: to,
      status_reason: reason,
      updated_by: subject,
    });
    await this.events.record(manager, accountStatusChanged(current.status, updated, reason));
    return updated;
  }
}
