import { Injectable } from '@nestjs/common';
import type { Caller } from '@gap/auth';
import { accessFor } from '../visibility/visibility.js';
import { ContactChanges } from './contact-changes.service.js';
import { ContactRepository } from './contact.repository.js';
import type { ConsentRecord, RecordConsentInput } from './contact.types.js';

/** Records a consent given or withdrawn; the history is kept as evidence. */
@Injectable()
export class RecordContactConsentService {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly changes: ContactChanges,
  ) {}

  async recordConsent(caller: Caller, input: RecordConsentInput): Promise<ConsentRecord[]> {
    const scope = accessFor('recordContactConsent', caller);
    await this.contacts.transaction(async (manager) => {
      await this.changes.lockForChange(manager, scope, input.contactId, {
        field: 'input.contactId',
      });
      await this.contacts.insertConsent(
        manager,
        input.contactId,
        input.purpose,
        input.given,
        caller.subject,
      );
    });
    return this.contacts.findConsents(input.contactId);
  }
}
