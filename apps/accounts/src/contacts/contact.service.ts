import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  checkContactFields,
  maskPhone,
  type ContactFields,
  type ContactFieldsInput,
} from '@gap/accounts/domain';
import { todayInChina } from '@gap/calendar';
import type { Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountErrors } from '../group-account/group-account.errors.js';
import { GroupAccountService } from '../group-account/group-account.service.js';
import {
  accountScopeOf,
  assertMayEditAccounts,
  type AccountScope,
} from '../visibility/visibility.js';
import type {
  AddContactInput,
  ConsentRecord,
  Contact,
  KeyDate,
  RecordConsentInput,
  UpdateContactInput,
} from './contact.types.js';

const CONTACT_COLUMNS = `c.id, c.group_account_id AS "groupAccountId", c.name, c.title, c.role,
  c.mobile, c.office_phone AS "officePhone", c.email, c.preferred_channel AS "preferredChannel",
  c.birthday, c.erased_at AS "erasedAt", c.created_at AS "createdAt", c.version,
  coalesce((SELECT json_agg(json_build_object('kind', k.kind, 'date', k.date, 'label', k.label,
                                              'yearly', k.yearly) ORDER BY k.date)
              FROM accounts.contact_key_date k WHERE k.contact_id = c.id), '[]') AS "keyDates"`;

const FIELD_COLUMNS: Record<Exclude<keyof ContactFields, 'keyDates'>, string> = {
  name: 'name',
  title: 'title',
  role: 'role',
  mobile: 'mobile',
  officePhone: 'office_phone',
  email: 'email',
  preferredChannel: 'preferred_channel',
  birthday: 'birthday',
};

const ContactErrors = {
  notFound: (id: string, field = 'input.id') =>
    DomainError.notFound('CONTACT_NOT_FOUND', `No contact ${id} that you may see.`, field),
  erased: (id: string) =>
    new DomainError(
      'CONTACT_ERASED',
      'PRECONDITION_FAILED',
      `Contact ${id} was erased.`,
      'input.id',
    ),
  stale: (id: string, expected: number, actual: number) =>
    DomainError.conflict(
      'VERSION_MISMATCH',
      `Contact ${id} changed since you read it (your version ${expected}, now ${actual}).`,
      'input.version',
    ),
};

/**
 * Contacts are personal data: validated and normalised on the way in, their mobile and
 * birthday shown only to the account's own managers, and erasable on request down to an
 * anonymous stub, with an event so other services purge their copies.
 */
@Injectable()
export class ContactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: GroupAccountService,
    private readonly events: OutboxPublisher,
  ) {}

  async add(caller: Caller, input: AddContactInput): Promise<Contact> {
    assertMayEditAccounts(caller);
    const checked = checkContactFields(input, 'input', todayInChina());
    if (!checked.ok) throw GroupAccountErrors.invalid(checked.violations);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await this.accounts
        .lockVisible(manager, caller, input.groupAccountId)
        .catch((error: unknown) => {
          throw error instanceof DomainError && error.kind === 'NOT_FOUND'
            ? GroupAccountErrors.notFound(input.groupAccountId, 'input.groupAccountId')
            : error;
        });
      const fields = checked.fields;
      await manager.query(
        `INSERT INTO accounts.contact (id, group_account_id, name, title, role, mobile, office_phone,
                                       email, preferred_channel, birthday, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          id,
          input.groupAccountId,
          fields.name,
          fields.title,
          fields.role,
          fields.mobile,
          fields.officePhone,
          fields.email,
          fields.preferredChannel,
          fields.birthday,
          caller.subject,
        ],
      );
      await this.replaceKeyDates(manager, id, fields.keyDates);
      for (const consent of input.consents ?? []) {
        await this.insertConsent(manager, caller, id, consent.purpose, consent.given);
      }
      await this.events.record(manager, {
        type: 'ContactAdded',
        aggregateId: input.groupAccountId,
        payload: {
          contactId: id,
          groupAccountId: input.groupAccountId,
          role: fields.role,
          preferredChannel: fields.preferredChannel,
        },
      });
    });
    return this.get(caller, id);
  }

  async update(caller: Caller, input: UpdateContactInput): Promise<Contact> {
    assertMayEditAccounts(caller);
    const { id, version, ...changes } = input;
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForChange(manager, caller, id, version);
      // The rules see the contact as it would be after the change.
      const merged: ContactFieldsInput = {
        ...current,
        keyDates: current.keyDates,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      };
      const checked = checkContactFields(merged, 'input', todayInChina());
      if (!checked.ok) throw GroupAccountErrors.invalid(checked.violations);
      const changed = (Object.keys(FIELD_COLUMNS) as (keyof typeof FIELD_COLUMNS)[]).filter(
        (key) => checked.fields[key] !== current[key],
      );
      const keyDatesChanged =
        changes.keyDates !== undefined &&
        JSON.stringify(checked.fields.keyDates) !== JSON.stringify(current.keyDates);
      if (changed.length === 0 && !keyDatesChanged) return;
      await manager.query(
        `UPDATE accounts.contact SET ${changed.map((key, i) => `${FIELD_COLUMNS[key]} = $${i + 2}`).join(', ')}${changed.length ? ',' : ''}
                updated_by = $${changed.length + 2}, updated_at = now(), version = version + 1
          WHERE id = $1`,
        [id, ...changed.map((key) => checked.fields[key]), caller.subject],
      );
      if (keyDatesChanged) await this.replaceKeyDates(manager, id, checked.fields.keyDates);
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
    return this.get(caller, id);
  }

  async recordConsent(caller: Caller, input: RecordConsentInput): Promise<ConsentRecord[]> {
    assertMayEditAccounts(caller);
    await this.dataSource.transaction(async (manager) => {
      await this.lockForChange(manager, caller, input.contactId, undefined, 'input.contactId');
      await this.insertConsent(manager, caller, input.contactId, input.purpose, input.given);
    });
    return this.consents(input.contactId);
  }

  /**
   * Removes everything personal (name, title, phones, e-mail, birthday, key dates) and keeps an
   * anonymous stub, so counts and consent evidence stay true. Erasing twice is harmless.
   */
  async erase(caller: Caller, id: string): Promise<Contact> {
    assertMayEditAccounts(caller);
    await this.dataSource.transaction(async (manager) => {
      const current = await this.lockForChange(manager, caller, id, undefined, 'id', true);
      if (current.erasedAt !== null) return;
      await manager.query(
        `UPDATE accounts.contact
            SET name = NULL, title = NULL, mobile = NULL, office_phone = NULL, email = NULL,
                birthday = NULL, erased_at = now(), erased_by = $2, updated_by = $2,
                updated_at = now(), version = version + 1
          WHERE id = $1`,
        [id, caller.subject],
      );
      await manager.query('DELETE FROM accounts.contact_key_date WHERE contact_id = $1', [id]);
      await manager.query('DELETE FROM accounts.key_date_notice WHERE source_id = $1', [id]);
      await this.events.record(manager, {
        type: 'ContactErased',
        aggregateId: current.groupAccountId,
        payload: { contactId: id, groupAccountId: current.groupAccountId },
      });
    });
    return this.get(caller, id);
  }

  async get(caller: Caller, id: string): Promise<Contact> {
    const [row] = await this.dataSource.query<Contact[]>(
      `SELECT ${CONTACT_COLUMNS} FROM accounts.contact c WHERE c.id = $1`,
      [id],
    );
    if (!row) throw ContactErrors.notFound(id, 'id');
    const visible = await this.accounts.getMany(caller, [row.groupAccountId]);
    if (!visible.has(row.groupAccountId)) throw ContactErrors.notFound(id, 'id');
    return (await this.protect(accountScopeOf(caller), row.groupAccountId, [row]))[0];
  }

  /** The contacts of an account the caller has already been allowed to see. */
  async ofAccount(caller: Caller, accountId: string, includeErased: boolean): Promise<Contact[]> {
    const rows = await this.dataSource.query<Contact[]>(
      `SELECT ${CONTACT_COLUMNS} FROM accounts.contact c
        WHERE c.group_account_id = $1 AND ($2 OR c.erased_at IS NULL)
        ORDER BY c.created_at, c.id`,
      [accountId, includeErased],
    );
    return this.protect(accountScopeOf(caller), accountId, rows);
  }

  consents(contactId: string): Promise<ConsentRecord[]> {
    return this.dataSource.query<ConsentRecord[]>(
      `SELECT purpose, given, recorded_at AS "recordedAt", recorded_by AS "recordedBy"
         FROM accounts.contact_consent WHERE contact_id = $1 ORDER BY recorded_at, id`,
      [contactId],
    );
  }

  /** Masks the personal mobile and hides the birthday from callers outside the portfolio. */
  private async protect(
    scope: AccountScope,
    accountId: string,
    rows: Contact[],
  ): Promise<Contact[]> {
    if (scope.kind === 'PORTFOLIO' || rows.length === 0) return rows;
    const [entry] = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM accounts.portfolio_entry WHERE group_account_id = $1 AND subject = $2 LIMIT 1',
      [accountId, scope.subject],
    );
    if (entry) return rows;
    return rows.map((row) => ({
      ...row,
      mobile: row.mobile === null ? null : maskPhone(row.mobile),
      birthday: null,
    }));
  }

  private async lockForChange(
    manager: EntityManager,
    caller: Caller,
    id: string,
    version?: number,
    field = 'input.id',
    allowErased = false,
  ): Promise<Contact & { keyDates: KeyDate[] }> {
    const [row] = await manager.query<(Contact & { keyDates: KeyDate[] })[]>(
      `SELECT ${CONTACT_COLUMNS} FROM accounts.contact c WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw ContactErrors.notFound(id, field);
    const visible = await this.accounts.getMany(caller, [row.groupAccountId]);
    if (!visible.has(row.groupAccountId)) throw ContactErrors.notFound(id, field);
    if (row.erasedAt !== null && !allowErased) throw ContactErrors.erased(id);
    if (version !== undefined && row.version !== version) {
      throw ContactErrors.stale(id, version, row.version);
    }
    return row;
  }

  private async replaceKeyDates(
    manager: EntityManager,
    contactId: string,
    dates: readonly KeyDate[],
  ): Promise<void> {
    await manager.query('DELETE FROM accounts.contact_key_date WHERE contact_id = $1', [contactId]);
    if (dates.length === 0) return;
    await manager.query(
      `INSERT INTO accounts.contact_key_date (id, contact_id, kind, date, label, yearly)
       SELECT gen_random_uuid(), $1, * FROM unnest($2::text[], $3::date[], $4::text[], $5::boolean[])`,
      [
        contactId,
        dates.map((d) => d.kind),
        dates.map((d) => d.date),
        dates.map((d) => d.label),
        dates.map((d) => d.yearly),
      ],
    );
  }

  private async insertConsent(
    manager: EntityManager,
    caller: Caller,
    contactId: string,
    purpose: string,
    given: boolean,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO accounts.contact_consent (id, contact_id, purpose, given, recorded_by)
       VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
      [contactId, purpose, given, caller.subject],
    );
  }
}
