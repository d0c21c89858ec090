import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, nextYearly, todayInChina, type CalendarDate } from '@gap/calendar';
import { OutboxPublisher } from '@gap/messaging';
import { PeriodicJob } from '@gap/service';

export const KEY_DATE_LEAD_DAYS = 7;
const SCAN_EVERY_MS = 3_600_000;

interface Candidate {
  readonly sourceId: string;
  readonly groupAccountId: string;
  readonly kind: 'BIRTHDAY' | 'LINE_ACTIVATION_ANNIVERSARY' | 'OFFICE_MOVE' | 'CUSTOM';
  readonly date: CalendarDate;
  readonly yearly: boolean;
  readonly label: string | null;
  readonly contactId: string;
}

/** Month and day as one number (1125 for 25 November), as the date indexes store them. */
function monthDay(date: CalendarDate): number {
  return Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/**
 * Announces key dates (birthdays, line anniversaries, office moves, custom dates) that fall in
 * the coming `leadDays`, as KeyDateUpcoming for the care service. Each occurrence is announced
 * once, when it first enters the window, however often the scan runs and on however many
 * instances; a scan missed while the service was down is made up by the next one.
 */
@Injectable()
export class KeyDateScanner extends PeriodicJob {
  private readonly logger = new Logger(KeyDateScanner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: OutboxPublisher,
  ) {
    super(SCAN_EVERY_MS);
  }

  protected runOnce(): Promise<number> {
    return this.scan(todayInChina());
  }

  /** Returns how many occurrences it announced. */
  async scan(today: CalendarDate, leadDays = KEY_DATE_LEAD_DAYS): Promise<number> {
    const last = addDays(today, leadDays);
    const window = Array.from({ length: leadDays + 1 }, (_, i) => monthDay(addDays(today, i)));
    // 29 February is celebrated on the 28th in common years.
    if (window.includes(228) && !window.includes(229)) window.push(229);
    return this.dataSource.transaction(async (manager) => {
      const candidates = await manager.query<Candidate[]>(
        `SELECT c.id AS "sourceId", c.group_account_id AS "groupAccountId", 'BIRTHDAY' AS kind,
                c.birthday AS date, true AS yearly, NULL AS label, c.id AS "contactId"
           FROM accounts.contact c
          WHERE c.birthday IS NOT NULL
            AND (extract(month FROM c.birthday)::int * 100 + extract(day FROM c.birthday)::int) = ANY($1::int[])
         UNION ALL
         SELECT k.id, c.group_account_id, k.kind, k.date, k.yearly, k.label, c.id
           FROM accounts.contact_key_date k JOIN accounts.contact c ON c.id = k.contact_id
          WHERE (k.yearly AND (extract(month FROM k.date)::int * 100 + extract(day FROM k.date)::int) = ANY($1::int[]))
             OR (NOT k.yearly AND k.date BETWEEN $2::date AND $3::date)`,
        [window, today, last],
      );
      const due = candidates
        .map((c) => ({ ...c, occursOn: c.yearly ? nextYearly(c.date, today) : c.date }))
        .filter((c) => c.occursOn >= today && c.occursOn <= last);
      if (due.length === 0) return 0;
      const fresh = await manager.query<{ source_id: string; kind: string }[]>(
        `INSERT INTO accounts.key_date_notice (source_id, kind, occurs_on)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[])
         ON CONFLICT DO NOTHING RETURNING source_id, kind`,
        [due.map((d) => d.sourceId), due.map((d) => d.kind), due.map((d) => d.occursOn)],
      );
      const announced = new Set(fresh.map((f) => `${f.source_id}/${f.kind}`));
      const events = due
        .filter((d) => announced.has(`${d.sourceId}/${d.kind}`))
        .map((d) => ({
          type: 'KeyDateUpcoming' as const,
          aggregateId: d.groupAccountId,
          payload: {
            groupAccountId: d.groupAccountId,
            contactId: d.contactId,
            kind: d.kind,
            occursOn: d.occursOn,
            daysAhead: Math.round((Date.parse(d.occursOn) - Date.parse(today)) / 86_400_000),
            label: d.label,
          },
        }));
      await this.events.recordAll(manager, events);
      if (events.length > 0) this.logger.log(`announced ${events.length} upcoming key date(s)`);
      return events.length;
    });
  }
}
