import { Injectable } from '@nestjs/common';
import { maskPhone } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { GroupAccountRepository } from '../group-account/group-account.repository.js';
import { accessFor, type AccountScope } from '../visibility/visibility.js';
import { ContactErrors } from './contact.errors.js';
import { ContactRepository } from './contact.repository.js';
import type { ConsentRecord, Contact } from './contact.types.js';

/**
 * Reading contacts. They are personal data: their mobile and birthday are shown in full only
 * to the account's own managers; coordinators, department staff and admins, who see every
 * account, see the mobile masked and no birthday on accounts outside their own portfolio.
 */
@Injectable()
export class FindContactsService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly accounts: GroupAccountRepository,
  ) {}

  async get(caller: Caller, id: string): Promise<Contact> {
    const scope = accessFor('contact', caller);
    return this.read(scope, id);
  }

  /** A contact as the scope may see it (for the use cases that answer with the contact). */
  async read(scope: AccountScope, id: string): Promise<Contact> {
    const row = await this.contacts.find(id);
    if (!row) throw ContactErrors.notFound(id, 'id');
    const visible = await this.accounts.findVisible(scope, row.groupAccountId);
    if (!visible) throw ContactErrors.notFound(id, 'id');
    const [shown] = await this.protect(scope, row.groupAccountId, [row]);
    return shown ?? row;
  }

  /** The contacts of an account the caller has read. */
  async ofAccount(caller: Caller, accountId: string, includeErased: boolean): Promise<Contact[]> {
    const scope = accessFor('groupAccount', caller);
    const rows = await this.contacts.findOfAccount(accountId, includeErased);
    return this.protect(scope, accountId, rows);
  }

  /** The consents recorded for a contact the caller has read. */
  async consents(caller: Caller, contactId: string): Promise<ConsentRecord[]> {
    accessFor('contact', caller);
    return await this.contacts.findConsents(contactId);
  }

  /** Masks the personal mobile and hides the birthday from callers outside the portfolio. */
  private async protect(
    scope: AccountScope,
    accountId: string,
    rows: Contact[],
  ): Promise<Contact[]> {
    if (scope.kind === 'PORTFOLIO' || rows.length === 0) return rows;
    if (await this.contacts.isInPortfolio(accountId, scope.subject)) return rows;
    return rows.map((row) => ({
      ...row,
      mobile: row.mobile === null ? null : maskPhone(row.mobile),
      birthday: null,
    }));
  }
}
