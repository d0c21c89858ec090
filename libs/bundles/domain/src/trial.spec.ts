import { DEFAULT_TRIAL_POLICY } from './policy.js';
import {
  conversionRates,
  dueReminders,
  reminderDates,
  startTrial,
  trialTransition,
  type TrialFacts,
} from './trial.js';

const start = new Date('2026-12-01T00:00:00Z');
const day = (n: number) => new Date(start.getTime() + n * 86_400_000);

describe('trials', () => {
  it('run for the policy’s length per tier', () => {
    expect(startTrial('CLOUD_HOST', 'A', start).endsAt).toEqual(day(60));
    expect(startTrial('CLOUD_HOST', 'B', start).endsAt).toEqual(day(30));
    expect(
      startTrial('CLOUD_HOST', 'C', start, {
        ...DEFAULT_TRIAL_POLICY,
        lengthDays: { A: 1, B: 1, C: 14 },
      }).endsAt,
    ).toEqual(day(14));
  });

  it('remind 7 days and 1 day before the end, each once', () => {
    const trial = startTrial('SMS_BROADCAST', 'C', start);
    expect(reminderDates(trial)).toEqual([day(7), day(13)]);
    expect(dueReminders(trial, day(6), 0)).toEqual([]);
    expect(dueReminders(trial, day(7), 0)).toEqual([day(7)]);
    expect(dueReminders(trial, day(9), 1)).toEqual([]);
    expect(dueReminders(trial, day(13), 1)).toEqual([day(13)]);
  });

  it('skip reminders that would fall before the trial starts', () => {
    const short = startTrial('VPMN', 'C', start, {
      lengthDays: { A: 5, B: 5, C: 5 },
      reminderDaysBefore: [7, 1],
    });
    expect(
      reminderDates(short, { lengthDays: { A: 5, B: 5, C: 5 }, reminderDaysBefore: [7, 1] }),
    ).toEqual([day(4)]);
  });

  it('convert before the end and expire only after it', () => {
    const trial = startTrial('CLOUD_HOST', 'C', start);
    expect(trialTransition(trial, 'CONVERT', day(13))).toMatchObject({
      ok: true,
      trial: { state: 'CONVERTED' },
    });
    expect(trialTransition(trial, 'CONVERT', day(14))).toMatchObject({
      ok: false,
      refusal: { code: 'TRIAL_ENDED' },
    });
    expect(trialTransition(trial, 'EXPIRE', day(13))).toMatchObject({
      ok: false,
      refusal: { code: 'TRIAL_NOT_ENDED' },
    });
    const expired = trialTransition(trial, 'EXPIRE', day(14));
    expect(expired).toMatchObject({ ok: true, trial: { state: 'EXPIRED' } });
    if (expired.ok) {
      expect(trialTransition(expired.trial, 'CONVERT', day(1))).toMatchObject({
        ok: false,
        refusal: { code: 'TRIAL_NOT_ACTIVE' },
      });
      expect(dueReminders(expired.trial, day(29), 0)).toEqual([]);
    }
  });

  it('report conversion by product and tier over closed trials', () => {
    const t = (productCode: string, tier: 'A' | 'C', state: TrialFacts['state']): TrialFacts => ({
      ...startTrial(productCode, tier, start),
      state,
    });
    const rates = conversionRates([
      t('VPMN', 'C', 'CONVERTED'),
      t('VPMN', 'C', 'EXPIRED'),
      t('VPMN', 'C', 'EXPIRED'),
      t('VPMN', 'C', 'ACTIVE'),
      t('CLOUD_HOST', 'A', 'ACTIVE'),
    ]);
    expect(rates).toEqual([
      { productCode: 'CLOUD_HOST', tier: 'A', converted: 0, expired: 0, active: 1, rateBp: null },
      { productCode: 'VPMN', tier: 'C', converted: 1, expired: 2, active: 1, rateBp: 3_333 },
    ]);
  });
});
