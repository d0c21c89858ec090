import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { childPath, depthOf, type AccountFields } from '@gap/accounts/domain';
import type { RowError } from '@gap/bulk-import';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountChanges } from '../group-account/group-account-changes.service.js';
import { GroupAccountEntity } from '../group-account/group-account.entity.js';
import { accountCreated } from '../group-account/group-account.events.js';
import { GroupAccountRepository } from '../group-account/group-account.repository.js';
import { MoveGroupAccountService } from '../hierarchy/move-group-account.service.js';
import type { AccountScope } from '../visibility/visibility.js';
import { AccountImportRepository } from './account-import.repository.js';
import { statusRefusal, type ValidRow } from './import-rows.js';

export type Outcome = 'created' | 'updated' | 'unchanged';

export const IMPORT_STATUS_REASON = 'Set by bulk import';

/**
 * The writes of one import row (or one batch of new rows), inside the import's transaction,
 * after the import checked the caller's access: the same changes, events and rules as the
 * mutations that create, update and move one account.
 */
@Injectable()
export class AccountImportWrites {
  private readonly statements = new AccountImportRepository();

  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly changes: GroupAccountChanges,
    private readonly moving: MoveGroupAccountService,
    private readonly events: OutboxPublisher,
  ) {}

  /** Updates an account and moves it, with its subtree, under its new parent. */
  async moveRow(
    manager: EntityManager,
    scope: AccountScope,
    row: ValidRow,
    parentId: string | null,
  ): Promise<Outcome | RowError> {
    const id = await this.statements.idOf(manager, row.creditCode);
    if (id === null) throw new Error(`account ${row.creditCode} vanished during its import`);
    const current = await this.changes.lockVisible(manager, scope, id);
    const outcome = await this.updateRow(manager, scope.subject, current, row);
    if (typeof outcome !== 'string') return outcome;
    const locked = (await this.accounts.lock(manager, current.id)) as GroupAccountEntity;
    await this.moving.moveLocked(
      manager,
      scope,
      scope.subject,
      locked,
      parentId,
      'parentCreditCode',
    );
    return 'updated';
  }

  async updateRow(
    manager: EntityManager,
    subject: string,
    current: GroupAccountEntity,
    row: ValidRow,
  ): Promise<Outcome | RowError> {
    const { status = current.status, ...fields } = row.given;
    const refused = statusRefusal(row, current.status, status);
    if (refused) return refused;
    let account = await this.changes.applyUpdate(manager, subject, current, fields);
    if (status !== current.status) {
      account = await this.changes.applyStatus(
        manager,
        subject,
        account,
        status,
        IMPORT_STATUS_REASON,
      );
    }
    return account.version === current.version ? 'unchanged' : 'updated';
  }

  /** New accounts of a batch in one statement, with their AccountCreated events. */
  async insertRows(
    manager: EntityManager,
    subject: string,
    rows: readonly { fields: AccountFields; parent: { id: string; path: string } | null }[],
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const codes = await this.accounts.nextAccountCodes(manager, rows.length);
    const now = new Date();
    const accounts = rows.map(({ fields, parent }, i) => {
      const accountCode = codes[i];
      const path = childPath(parent?.path ?? null, accountCode);
      return Object.assign(new GroupAccountEntity(), {
        ...fields,
        id: randomUUID(),
        accountCode,
        creditCodeOverrideReason: null,
        creditCodeOverrideBy: null,
        statusReason: fields.status === 'PROSPECT' ? null : IMPORT_STATUS_REASON,
        parentId: parent?.id ?? null,
        path,
        depth: depthOf(path),
        createdBy: subject,
        updatedBy: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
    });
    const inserted = await this.statements.insertNew(manager, accounts, subject, now);
    const created = accounts.filter((account) => inserted.has(account.creditCode));
    if (created.length > 0) {
      await this.events.recordAll(manager, created.map(accountCreated));
    }
    return inserted;
  }
}
