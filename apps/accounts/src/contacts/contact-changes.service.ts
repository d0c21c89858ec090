import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupAccountRepository } from '../group-account/group-account.repository.js';
import type { AccountScope } from '../visibility/visibility.js';
import { ContactErrors } from './contact.errors.js';
import { ContactRepository, type ContactRow } from './contact.repository.js';

/** The step shared by the use cases that change a contact: lock it, within the caller's scope. */
@Injectable()
export class ContactChanges {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly accounts: GroupAccountRepository,
  ) {}

  /**
   * Locks a contact of an account the scope reaches, at the version read; an erased contact
   * only when `allowErased`. Contacts out of scope are answered as not found.
   */
  async lockForChange(
    manager: EntityManager,
    scope: AccountScope,
    id: string,
    options: { version?: number; field?: string; allowErased?: boolean } = {},
  ): Promise<ContactRow> {
    const field = options.field ?? 'input.id';
    const row = await this.contacts.lock(manager, id);
    if (!row) throw ContactErrors.notFound(id, field);
    const visible = await this.accounts.findVisible(scope, row.groupAccountId, manager);
    if (!visible) throw ContactErrors.notFound(id, field);
    if (row.erasedAt !== null && !options.allowErased) throw ContactErrors.erased(id);
    if (options.version !== undefined && row.version !== options.version) {
      throw ContactErrors.stale(id, options.version, row.version);
    }
    return row;
  }
}
