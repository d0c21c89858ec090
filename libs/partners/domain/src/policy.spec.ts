import { renderReason } from '@gap/i18n';
import { DEFAULT_PARTNERS_POLICY, partnersPolicyProblems } from './policy.js';
import { PARTNERS_REASONS } from './reasons.js';

describe('partners policy', () => {
  it('ships defaults that pass its own checks', () => {
    expect(partnersPolicyProblems(DEFAULT_PARTNERS_POLICY)).toEqual([]);
    expect(DEFAULT_PARTNERS_POLICY.duplicates).toEqual({
      matchAt: 0.9,
      possibleAt: 0.6,
      pinyinEqualScore: 0.8,
    });
    expect(DEFAULT_PARTNERS_POLICY.protectionWindowDays).toBe(90);
    expect(DEFAULT_PARTNERS_POLICY.firstContactHours).toEqual({ P1: 4, P2: 24, P3: 72 });
  });

  it('names each wrong figure', () => {
    const problems = partnersPolicyProblems({
      ...DEFAULT_PARTNERS_POLICY,
      duplicates: { matchAt: 0.5, possibleAt: 0.6, pinyinEqualScore: 1.2 },
      protectionWindowDays: 0,
      dealRegistrationDays: 30.5,
      firstContactHours: { P1: 48, P2: 24, P3: -1 },
    });
    expect(problems.map((p) => [p.code, p.figures['field']])).toEqual([
      ['POLICY_THRESHOLD_RANGE', 'pinyinEqualScore'],
      ['POLICY_THRESHOLD_ORDER', 'possibleAt'],
      ['POLICY_DAYS_RANGE', 'protectionWindowDays'],
      ['POLICY_DAYS_RANGE', 'dealRegistrationDays'],
      ['POLICY_HOURS_RANGE', 'firstContactHours.P3'],
      ['POLICY_HOURS_ORDER', 'firstContactHours'],
    ]);
  });

  it('explains every problem in Chinese and English with its figures', () => {
    const [problem] = partnersPolicyProblems({
      ...DEFAULT_PARTNERS_POLICY,
      protectionWindowDays: 0,
    });
    expect(problem).toBeDefined();
    if (!problem) return;
    expect(renderReason(PARTNERS_REASONS, problem, 'zh-CN')).toBe(
      'protectionWindowDays 应为 1 至 3650 的整数天（当前 0）。',
    );
    expect(renderReason(PARTNERS_REASONS, problem, 'en')).toBe(
      'protectionWindowDays must be whole days from 1 to 3650 (is 0).',
    );
  });
});
