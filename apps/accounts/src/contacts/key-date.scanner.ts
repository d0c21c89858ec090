import { Injectable, Logger } from '@nestjs/common';
import { mayAnnounceKeyDates } from '@gap/accounts/domain';
import { addDays, nextYearly, todayInChina, type CalendarDate } from '@gap/calendar';
import { OutboxPublisher } from '@gap/messaging';
import { PeriodicJob } from '@gap/service';
import { KeyDateRepository } from './key-date.repository.js';

export const KEY_DATE_LEAD_DAYS = 7;
const SCAN_EVERY_MS = 3_600_000;

/** Month and day as one number (1125 for 25 November), as the date indexes store them. */
function monthDay(date: CalendarDate): number {
  return Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/**
 * Announces key dates (birthdays, line anniversaries, office moves, custom dates) that fall in
 * the coming `leadDays`, as KeyDateUpcoming for the care service, of the contacts who consent
 * to care greetings. Each occurrence is announced once, when it first enters the window,
 * however often the scan runs and on however many instances; a scan missed while the service
 * was down is made up by the next one.
 */
@Injectable()
export class KeyDateScanner extends PeriodicJob {
  private readonly logger = new Logger(KeyDateScanner.name);

  constructor(
    private readonly keyDates: KeyDateRepository,
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
    return this.keyDates.transaction(async (manager) => {
      const candidates = await this.keyDates.findCandidates(manager, window, today, last);
      // A date without consent is not announced, nor noted: consent given later lets it through.
      const inWindow = candidates
        .filter(mayAnnounceKeyDates)
        .map((c) => ({ ...c, occursOn: c.yearly ? nextYearly(c.date, today) : c.date }))
        .filter((c) => c.occursOn >= today && c.occursOn <= last);
      if (inWindow.length === 0) return 0;
      const unerased = await this.keyDates.holdUnerased(
        manager,
        inWindow.map((c) => c.contactId),
      );
      const due = inWindow.filter((c) => unerased.has(c.contactId));
      const announced = await this.keyDates.recordNotices(manager, due);
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
