import { hasConsent, mayAnnounceKeyDates, redactKeyDatePayload } from './consent.js';

const at = (minute: number) => `2026-11-20T08:${String(minute).padStart(2, '0')}:00.000Z`;

describe('consent', () => {
  it('does not announce the key dates of a contact who never gave consent to care greetings', () => {
    expect(mayAnnounceKeyDates({ erased: false, consents: [] })).toBe(false);
    expect(
      mayAnnounceKeyDates({
        erased: false,
        consents: [
          { purpose: 'SERVICE_CONTACT', given: true, recordedAt: at(1) },
          { purpose: 'MARKETING', given: true, recordedAt: at(2) },
        ],
      }),
    ).toBe(false);
  });

  it('announces the key dates of a contact who consents to care greetings', () => {
    expect(
      mayAnnounceKeyDates({
        erased: false,
        consents: [{ purpose: 'CARE_GREETINGS', given: true, recordedAt: at(1) }],
      }),
    ).toBe(true);
  });

  it('lets the latest record decide: a withdrawal ends the consent, a new consent restores it', () => {
    const withdrawn = [
      { purpose: 'CARE_GREETINGS', given: true, recordedAt: at(1) },
      { purpose: 'CARE_GREETINGS', given: false, recordedAt: at(5) },
    ];
    expect(hasConsent(withdrawn, 'CARE_GREETINGS')).toBe(false);
    const restored = [...withdrawn, { purpose: 'CARE_GREETINGS', given: true, recordedAt: at(9) }];
    expect(hasConsent(restored, 'CARE_GREETINGS')).toBe(true);
    // Order of the records does not matter, only when they were recorded.
    expect(hasConsent([...withdrawn].reverse(), 'CARE_GREETINGS')).toBe(false);
  });

  it('counts a consent and a withdrawal recorded at the same instant as withdrawn', () => {
    expect(
      hasConsent(
        [
          { purpose: 'CARE_GREETINGS', given: true, recordedAt: new Date(at(3)) },
          { purpose: 'CARE_GREETINGS', given: false, recordedAt: new Date(at(3)) },
        ],
        'CARE_GREETINGS',
      ),
    ).toBe(false);
  });

  it('never announces the key dates of an erased contact, whatever its consents say', () => {
    expect(
      mayAnnounceKeyDates({
        erased: true,
        consents: [{ purpose: 'CARE_GREETINGS', given: true, recordedAt: at(1) }],
      }),
    ).toBe(false);
  });

  it('removes the date, how far ahead it is and its label from an erased contact’s announcements', () => {
    const redacted = redactKeyDatePayload({
      groupAccountId: 'a',
      contactId: 'c',
      kind: 'BIRTHDAY',
      occursOn: '2027-02-28',
      daysAhead: 6,
      label: '生日',
    });
    expect(redacted).toEqual({
      groupAccountId: 'a',
      contactId: 'c',
      kind: 'BIRTHDAY',
      redacted: true,
    });
  });
});
