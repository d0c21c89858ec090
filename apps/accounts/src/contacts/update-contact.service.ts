import { Injectable } from '@nestjs/common';
import { checkContactFields, type ContactFieldsInput } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import { OutboxPublisher } from '@gap/messaging';
import { accessFor } from '../visibility/visibility.js';
import { ContactChanges } from './contact-changes.service.js';
import { ContactErrors } from './contact.errors.js';
import {
  CONTACT_FIELD_COLUMNS,
  ContactRepository,
  type ContactFieldName,
} from './contact.repository.js';
import type { Contact, UpdateContactInput } from './contact.types.js';
import { FindContactsService } from './find-contacts.service.js';

/** Changes a contact at the version read, checking it as it would be after the change. */
@Injectable()
export class UpdateContactService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly changes: ContactChanges,
    private readonly finding: FindContactsService,
    private readonly events: OutboxPublisher,
  ) {}

  async update(caller: Caller, input: UpdateContactInput): Promise<Contact> {
    const scope = accessFor('updateContact', caller);
    const { id, version, ...changes } = input;
    await this.contacts.transaction(async (manager) => {
      const current = await this.changes.lockForChange(manager, scope, id, { version });
      // The rules see the contact as it would be after the change.
      const merged: ContactFieldsInput = {
        ...current,
        keyDates: current.keyDates,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      };
      const checked = checkContactFields(merged, 'input', todayInChina());
      if (!checked.ok) throw ContactErrors.invalid(checked.violations);
      const changed = (Object.keys(CONTACT_FIELD_COLUMNS) as ContactFieldName[]).filter(
        (key) => checked.fields[key] !== current[key],
      );
      const keyDatesChanged =
        changes.keyDates !== undefined &&
        JSON.stringify(checked.fields.keyDates) !== JSON.stringify(current.keyDates);
      if (changed.length === 0 && !keyDatesChanged) return;
      await this.contacts.update(
        manager,
        id,
        Object.fromEntries(changed.map((key) => [key, checked.fields[key]])),
        caller.subject,
      );
      if (keyDatesChanged)
        await this.contacts.replaceKeyDates(manager, id, checked.fields.keyDates);
      await this.events.record(manager, {
        type: 'ContactUpdated',
        aggregateId: current.groupAccountId,
        payload: {
          contactId: id,
          groupAccountId: current.groupAccountId,
          role: checked.fields.role,
          preferredChannel: checked.fields.preferredChannel,
          changed: [...changed, ...(keyDatesChanged ? ['keyDates'] : [])],
        },
      });
    });
    return this.finding.read(scope, id);
  }
}
