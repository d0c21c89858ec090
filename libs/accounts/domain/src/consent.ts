import type { ConsentPurpose } from './contact.js';

/** One consent given or withdrawn, as recorded: the evidence of lawful contact. */
export interface ConsentEvidence {
  /** A ConsentPurpose, as stored. */
  readonly purpose: string;
  readonly given: boolean;
  /** When it was recorded: an ISO timestamp or a Date. */
  readonly recordedAt: string | Date;
}

const instant = (at: string | Date): number => (typeof at === 'string' ? Date.parse(at) : +at);

/**
 * Whether the contact consents to `purpose` now: the latest record for that purpose decides;
 * with no record there is no consent. Two records at the same instant (one form, one
 * transaction) count as withdrawn if either withdraws, so a doubt never becomes a greeting.
 */
export function hasConsent(records: readonly ConsentEvidence[], purpose: ConsentPurpose): boolean {
  let latest: number | null = null;
  let given = false;
  for (const record of records) {
    if (record.purpose !== purpose) continue;
    const at = instant(record.recordedAt);
    if (latest === null || at > latest) {
      latest = at;
      given = record.given;
    } else if (at === latest) {
      given = given && record.given;
    }
  }
  return given;
}

/**
 * A contact's birthday and key dates are announced for greetings and care calls only with
 * their consent to care greetings, and never once they are erased.
 */
export function mayAnnounceKeyDates(contact: {
  readonly erased: boolean;
  readonly consents: readonly ConsentEvidence[];
}): boolean {
  return !contact.erased && hasConsent(contact.consents, 'CARE_GREETINGS');
}

/**
 * The fields of a KeyDateUpcoming payload that tell something about the person: the date
 * itself, how far ahead it is (with the event's time, the date again), and its label. Erasing
 * the contact removes them from every copy the service still holds.
 */
export const KEY_DATE_PERSONAL_FIELDS = ['occursOn', 'daysAhead', 'label'] as const;

/** The payload with its personal fields removed and marked as redacted. */
export function redactKeyDatePayload<P extends object>(
  payload: P,
): Omit<P, (typeof KEY_DATE_PERSONAL_FIELDS)[number]> & { readonly redacted: true } {
  const kept: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const field of KEY_DATE_PERSONAL_FIELDS) delete kept[field];
  return { ...(kept as Omit<P, (typeof KEY_DATE_PERSONAL_FIELDS)[number]>), redacted: true };
}
