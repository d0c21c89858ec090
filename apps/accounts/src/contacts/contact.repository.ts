import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ContactFields } from '@gap/accounts/domain';
import type { ConsentRecord, Contact, KeyDate } from './contact.types.js';

const CONTACT_COLUMNS = `c.id, c.group_account_id AS "groupAccountId", c.name, c.title, c.role,
  c.mobile, c.office_phone AS "officePhone", c.email, c.preferred_channel AS "preferredChannel",
  c.birthday, c.erased_at AS "erasedAt", c.created_at AS "createdAt", c.version,
  coalesce((SELECT json_agg(json_build_object('kind', k.kind, 'date', k.date, 'label', k.label,
                                              'yearly', k.yearly) ORDER BY k.date)
              FROM accounts.contact_key_date k WHERE k.contact_id = c.id), '[]') AS "keyDates"`;

/** The contact's describing fields and their columns. */
export const CONTACT_FIELD_COLUMNS: Record<Exclude<keyof ContactFields, 'keyDates'>, string> = {
  name: 'name',
  title: 'title',
  role: 'role',
  mobile: 'mobile',
  officePhone: 'office_phone',
  email: 'email',
  preferredChannel: 'preferred_channel',
  birthday: 'birthday',
};
export type ContactFieldName = keyof typeof CONTACT_FIELD_COLUMNS;

export type ContactRow = Contact & { keyDates: KeyDate[] };

/** Contacts, their key dates and consents: personal data, kept in the accounts schema. */
@Injectable()
export class ContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insert(
    manager: EntityManager,
    id: string,
    groupAccountId: string,
    fields: ContactFields,
    createdBy: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO accounts.contact (id, group_account_id, name, title, role, mobile, office_phone,
                                     email, preferred_channel, birthday, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        groupAccountId,
        fields.name,
        fields.title,
        fields.role,
        fields.mobile,
        fields.officePhone,
        fields.email,
        fields.preferredChannel,
        fields.birthday,
        createdBy,
      ],
    );
  }

  /** Writes the changed fields and bumps the version; the row must be locked. */
  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<Record<ContactFieldName, unknown>>,
    updatedBy: string,
  ): Promise<void> {
    const entries = Object.entries(changes) as [ContactFieldName, unknown][];
    const sets = entries.map(([key], i) => `${CONTACT_FIELD_COLUMNS[key]} = $${i + 2}, `).join('');
    await manager.query(
      `UPDATE accounts.contact SET ${sets}
              updated_by = $${entries.length + 2}, updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, ...entries.map(([, value]) => value), updatedBy],
    );
  }

  /**
   * Replaces all of the contact's key dates, with the notices of the old ones: a notice must
   * not outlive its date (it would hold the date where erasure cannot find it).
   */
  async replaceKeyDates(
    manager: EntityManager,
    contactId: string,
    dates: readonly KeyDate[],
  ): Promise<void> {
    await manager.query(
      `DELETE FROM accounts.key_date_notice
        WHERE source_id IN (SELECT id FROM accounts.contact_key_date WHERE contact_id = $1)`,
      [contactId],
    );
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

  async insertConsent(
    manager: EntityManager,
    contactId: string,
    purpose: string,
    given: boolean,
    recordedBy: string,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO accounts.contact_consent (id, contact_id, purpose, given, recorded_by)
       VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
      [contactId, purpose, given, recordedBy],
    );
  }

  /**
   * Removes everything personal from the contact (name, title, phones, e-mail, birthday, key
   * dates) and marks it erased, leaving an anonymous stub.
   */
  async erase(manager: EntityManager, id: string, erasedBy: string): Promise<void> {
    await manager.query(
      `UPDATE accounts.contact
          SET name = NULL, title = NULL, mobile = NULL, office_phone = NULL, email = NULL,
              birthday = NULL, erased_at = now(), erased_by = $2, updated_by = $2,
              updated_at = now(), version = version + 1
        WHERE id = $1`,
      [id, erasedBy],
    );
    await manager.query('DELETE FROM accounts.contact_key_date WHERE contact_id = $1', [id]);
  }

  async lock(manager: EntityManager, id: string): Promise<ContactRow | null> {
    const [row] = await manager.query<ContactRow[]>(
      `SELECT ${CONTACT_COLUMNS} FROM accounts.contact c WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async find(id: string): Promise<Contact | null> {
    const [row] = await this.dataSource.query<Contact[]>(
      `SELECT ${CONTACT_COLUMNS} FROM accounts.contact c WHERE c.id = $1`,
      [id],
    );
    return row ?? null;
  }

  findOfAccount(accountId: string, includeErased: boolean): Promise<Contact[]> {
    return this.dataSource.query<Contact[]>(
      `SELECT ${CONTACT_COLUMNS} FROM accounts.contact c
        WHERE c.group_account_id = $1 AND ($2 OR c.erased_at IS NULL)
        ORDER BY c.created_at, c.id`,
      [accountId, includeErased],
    );
  }

  findConsents(contactId: string): Promise<ConsentRecord[]> {
    return this.dataSource.query<ConsentRecord[]>(
      `SELECT purpose, given, recorded_at AS "recordedAt", recorded_by AS "recordedBy"
         FROM accounts.contact_consent WHERE contact_id = $1 ORDER BY recorded_at, id`,
      [contactId],
    );
  }

  /** Whether the subject is among the account's managers (primary, team or supervisor). */
  async isInPortfolio(accountId: string, subject: string): Promise<boolean> {
    const [entry] = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM accounts.portfolio_entry WHERE group_account_id = $1 AND subject = $2 LIMIT 1',
      [accountId, subject],
    );
    return entry !== undefined;
  }
}
