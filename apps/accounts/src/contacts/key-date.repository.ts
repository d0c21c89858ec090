import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  KEY_DATE_PERSONAL_FIELDS,
  redactKeyDatePayload,
  type ConsentEvidence,
} from '@gap/accounts/domain';
import type { CalendarDate } from '@gap/calendar';
import { ACCOUNTS_TOPIC } from '@gap/contracts';
import { EVENT_TYPE_HEADER } from '@gap/messaging';

export interface KeyDateCandidate {
  readonly sourceId: string;
  readonly groupAccountId: string;
  readonly kind: 'BIRTHDAY' | 'LINE_ACTIVATION_ANNIVERSARY' | 'OFFICE_MOVE' | 'CUSTOM';
  readonly date: CalendarDate;
  readonly yearly: boolean;
  readonly label: string | null;
  readonly contactId: string;
  readonly erased: boolean;
  /** The contact's care-greetings consents as recorded, for the consent rule to read. */
  readonly consents: readonly ConsentEvidence[];
}

export interface DueKeyDate {
  readonly sourceId: string;
  readonly kind: string;
  readonly occursOn: CalendarDate;
}

/** Key dates as the daily scan reads them, their notices, and their traces after erasure. */
@Injectable()
export class KeyDateRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Birthdays and key dates whose month and day are in `monthDays` (yearly ones) or that fall
   * between `from` and `to` (one-off ones), with their contact's consents to care greetings.
   */
  findCandidates(
    manager: EntityManager,
    monthDays: readonly number[],
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<KeyDateCandidate[]> {
    const common = `c.group_account_id AS "groupAccountId", c.id AS "contactId",
      c.erased_at IS NOT NULL AS erased,
      coalesce((SELECT json_agg(json_build_object('purpose', cc.purpose, 'given', cc.given,
                                                  'recordedAt', cc.recorded_at))
                  FROM accounts.contact_consent cc
                 WHERE cc.contact_id = c.id AND cc.purpose = 'CARE_GREETINGS'), '[]') AS consents`;
    return manager.query<KeyDateCandidate[]>(
      `SELECT c.id AS "sourceId", 'BIRTHDAY' AS kind, c.birthday AS date, true AS yearly,
              NULL AS label, ${common}
         FROM accounts.contact c
        WHERE c.birthday IS NOT NULL
          AND (extract(month FROM c.birthday)::int * 100 + extract(day FROM c.birthday)::int) = ANY($1::int[])
       UNION ALL
       SELECT k.id, k.kind, k.date, k.yearly, k.label, ${common}
         FROM accounts.contact_key_date k JOIN accounts.contact c ON c.id = k.contact_id
        WHERE (k.yearly AND (extract(month FROM k.date)::int * 100 + extract(day FROM k.date)::int) = ANY($1::int[]))
           OR (NOT k.yearly AND k.date BETWEEN $2::date AND $3::date)`,
      [monthDays, from, to],
    );
  }

  /**
   * Of these contacts, those not erased, held (FOR SHARE) until the scan commits: an erasure
   * under way waits for the scan, or the scan sees it and leaves the contact out.
   */
  async holdUnerased(manager: EntityManager, contactIds: readonly string[]): Promise<Set<string>> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM accounts.contact
        WHERE id = ANY($1::uuid[]) AND erased_at IS NULL
        ORDER BY id FOR SHARE`,
      [[...new Set(contactIds)]],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Records the notices; returns `sourceId/kind` of those not announced before. */
  async recordNotices(manager: EntityManager, due: readonly DueKeyDate[]): Promise<Set<string>> {
    if (due.length === 0) return new Set();
    const fresh = await manager.query<{ source_id: string; kind: string }[]>(
      `INSERT INTO accounts.key_date_notice (source_id, kind, occurs_on)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])
       ON CONFLICT DO NOTHING RETURNING source_id, kind`,
      [due.map((d) => d.sourceId), due.map((d) => d.kind), due.map((d) => d.occursOn)],
    );
    return new Set(fresh.map((f) => `${f.source_id}/${f.kind}`));
  }

  /**
   * Erases the traces of a contact's dates: the notices of its birthday and key dates (to be
   * run before the key dates themselves go), the KeyDateUpcoming events not sent yet, and the
   * dates and labels inside those already sent, in the outbox and, when the service shares
   * its database with the embedded event log, in the log's records.
   */
  async forgetDatesOf(manager: EntityManager, contactId: string): Promise<void> {
    await manager.query(
      `DELETE FROM accounts.key_date_notice
        WHERE source_id = $1
           OR source_id IN (SELECT id FROM accounts.contact_key_date WHERE contact_id = $1)`,
      [contactId],
    );
    // A row the relay is publishing right now is waited for, then found SENT and redacted below.
    await manager.query(
      `DELETE FROM accounts.outbox
        WHERE event_type = 'KeyDateUpcoming' AND status <> 'SENT'
          AND envelope->'payload'->>'contactId' = $1`,
      [contactId],
    );
    await manager.query(
      `UPDATE accounts.outbox
          SET envelope = jsonb_set(envelope, '{payload}',
                                   (envelope->'payload') - $2::text[] || '{"redacted": true}')
        WHERE event_type = 'KeyDateUpcoming' AND envelope->'payload'->>'contactId' = $1`,
      [contactId, KEY_DATE_PERSONAL_FIELDS],
    );
    const [log] = await manager.query<{ writable: boolean }[]>(
      `SELECT CASE WHEN to_regclass('event_log.records') IS NULL THEN false
                   ELSE has_table_privilege(to_regclass('event_log.records')::oid, 'UPDATE')
              END AS writable`,
    );
    if (!log?.writable) return;
    // The log holds whatever was ever published, unreadable records included: candidates are
    // found by text, and only a record that reads as this contact's announcement is rewritten.
    const candidates = await manager.query<{ offset: string; value: string }[]>(
      `SELECT "offset", value FROM event_log.records
        WHERE topic = $1 AND headers->>$2 = 'KeyDateUpcoming' AND strpos(value, $3) > 0
        FOR UPDATE`,
      [ACCOUNTS_TOPIC, EVENT_TYPE_HEADER, contactId],
    );
    for (const candidate of candidates) {
      const redacted = redactedAnnouncement(candidate.value, contactId);
      if (redacted === null) continue;
      await manager.query(
        `UPDATE event_log.records SET value = $3 WHERE topic = $1 AND "offset" = $2`,
        [ACCOUNTS_TOPIC, candidate.offset, redacted],
      );
    }
  }
}

/** The record's envelope with its payload redacted, or null when it is not this contact's. */
function redactedAnnouncement(value: string, contactId: string): string | null {
  let envelope: unknown;
  try {
    envelope = JSON.parse(value);
  } catch {
    return null;
  }
  const payload = (envelope as { payload?: unknown } | null)?.payload;
  if (typeof payload !== 'object' || payload === null) return null;
  if ((payload as { contactId?: unknown }).contactId !== contactId) return null;
  return JSON.stringify({ ...(envelope as object), payload: redactKeyDatePayload(payload) });
}
