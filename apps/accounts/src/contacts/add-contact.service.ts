import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { checkContactFields } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountChanges } from '../group-account/group-account-changes.service.js';
import { accessFor } from '../visibility/visibility.js';
import { ContactErrors } from './contact.errors.js';
import { ContactRepository } from './contact.repository.js';
import type { AddContactInput, Contact } from './contact.types.js';
import { FindContactsService } from './find-contacts.service.js';

/**
 * Adds a person to an account the caller may change, validated and normalised, with the
 * consents given when meeting; the ContactAdded event carries nothing personal.
 */
@Injectable()
export class AddContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly accounts: GroupAccountChanges,
    private readonly finding: FindContactsService,
    private readonly events: OutboxPublisher,
  ) {}

  async add(caller: Caller, input: AddContactInput): Promise<Contact> {
    const scope = accessFor('addContact', caller);
    const checked = checkContactFields(input, 'input', todayInChina());
    if (!checked.ok) throw ContactErrors.invalid(checked.violations);
    const fields = checked.fields;
    const id = randomUUID();
    await this.contacts.transaction(async (manager) => {
      const account = input.groupAccountId;
      await this.accounts.lockVisible(manager, scope, account, undefined, 'input.groupAccountId');
      await this.contacts.insert(manager, id, account, fields, caller.subject);
      await this.contacts.replaceKeyDates(manager, id, fields.keyDates);
      for (const consent of input.consents ?? []) {
        await this.contacts.insertConsent(
          manager,
          id,
          consent.purpose,
          consent.given,
          caller.subject,
        );
      }
      await this.events.record(manager, {
        type: 'ContactAdded',
        aggregateId: account,
        payload: {
          contactId: id,
          groupAccountId: account,
          role: fields.role,
          preferredChannel: fields.preferredChannel,
        },
      });
    });
    return this.finding.read(scope, id);
  }
}
