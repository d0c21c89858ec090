import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { OutboxPublisher } from '@gap/messaging';
import { accessFor } from '../visibility/visibility.js';
import { ContactChanges } from './contact-changes.service.js';
import { ContactRepository } from './contact.repository.js';
import type { Contact } from './contact.types.js';
import { FindContactsService } from './find-contacts.service.js';
import { KeyDateRepository } from './key-date.repository.js';

/**
 * Erases a contact's personal data on request: the row becomes an anonymous stub (counts and
 * consent evidence stay true), its dates go with their notices and with the dates inside the
 * announcements this service still holds, and ContactErased tells other services to purge
 * their copies. Erasing twice is harmless.
 */
@Injectable()
export class EraseContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly keyDates: KeyDateRepository,
    private readonly changes: ContactChanges,
    private readonly finding: FindContactsService,
    private readonly events: OutboxPublisher,
  ) {}

  async erase(caller: Caller, id: string): Promise<Contact> {
    const scope = accessFor('eraseContact', caller);
    await this.contacts.transaction(async (manager) => {
      const current = await this.changes.lockForChange(manager, scope, id, {
        field: 'id',
        allowErased: true,
      });
      if (current.erasedAt !== null) return;
      await this.keyDates.forgetDatesOf(manager, id);
      await this.contacts.erase(manager, id, caller.subject);
      await this.events.record(manager, {
        type: 'ContactErased',
        aggregateId: current.groupAccountId,
        payload: { contactId: id, groupAccountId: current.groupAccountId },
      });
    });
    return this.finding.read(scope, id);
  }
}
