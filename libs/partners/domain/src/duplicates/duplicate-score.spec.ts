import fc from 'fast-check';
import { namePinyin, normaliseCompanyName } from '../names/company-name.js';
import { DEFAULT_PARTNERS_POLICY } from '../policy.js';
import {
  assessDuplicates,
  describeEvidence,
  scoreCandidate,
  type DuplicateCandidate,
  type LeadIdentity,
} from './duplicate-score.js';

const policy = DEFAULT_PARTNERS_POLICY.duplicates;
const CODE = '91350100M000100Y43';
const OTHER_CODE = '9144030071526726XG';

function identity(name: string, creditCode: string | null = null): LeadIdentity {
  const { normalised } = normaliseCompanyName(name);
  return { creditCode, normalisedName: normalised, pinyin: namePinyin(normalised) };
}

function candidate(
  id: string,
  name: string,
  trigram: number,
  overrides: Partial<DuplicateCandidate> = {},
): DuplicateCandidate {
  const { normalisedName, pinyin } = identity(name);
  return { id, kind: 'ACCOUNT', creditCode: null, normalisedName, pinyin, trigram, ...overrides };
}

describe('de-duplicating a lead against the book and the open leads', () => {
  it('finds nothing for a company no record resembles', () => {
    const outcome = assessDuplicates(
      identity('福州星辰科技有限公司'),
      [candidate('a1', '厦门海风贸易有限公司', 0.08)],
      policy,
    );
    expect(outcome).toEqual({ kind: 'NEW', best: null, ranked: [] });
    expect(assessDuplicates(identity('星辰科技'), [], policy).kind).toBe('NEW');
  });

  it('matches the same company under another suffix and bracket style', () => {
    const outcome = assessDuplicates(
      identity('福建省星辰科技（有限责任公司）'),
      [candidate('a1', '福建星辰科技股份有限公司', 0.55)],
      policy,
    );
    expect(outcome.kind).toBe('MATCH');
    expect(outcome.best?.candidate.id).toBe('a1');
    expect(outcome.best?.score).toBe(1);
    expect(describeEvidence(outcome.best?.evidence ?? [])).toEqual([
      'NAME_EQUAL_AFTER_NORMALISATION',
    ]);
  });

  it('matches on an equal credit code whatever the names, even against a better name', () => {
    const outcome = assessDuplicates(
      identity('星辰', CODE),
      [
        candidate('a1', '星辰科技', 0.99),
        candidate('a2', '完全不同的名字', 0.01, { creditCode: ' 91350100m000100y43 ' }),
      ],
      policy,
    );
    expect(outcome.kind).toBe('MATCH');
    expect(outcome.best?.candidate.id).toBe('a2');
    expect(describeEvidence(outcome.best?.evidence ?? [])).toEqual(['CREDIT_CODE_EQUAL']);
  });

  it('sends a near name to the review queue with the trigram similarity as its reason', () => {
    const outcome = assessDuplicates(
      identity('星辰数据科技有限公司'),
      [candidate('l1', '星辰数据有限公司', 0.8249, { kind: 'LEAD' })],
      policy,
    );
    expect(outcome.kind).toBe('POSSIBLE_DUPLICATE');
    expect(outcome.best?.score).toBe(0.82);
    expect(describeEvidence(outcome.best?.evidence ?? [])).toEqual(['TRIGRAM 0.82']);
  });

  it('takes names that sound alike for a possible duplicate, not a match', () => {
    const outcome = assessDuplicates(
      identity('福州宏达科技有限公司'),
      [candidate('a1', '福州弘达科技有限公司', 0.45)],
      policy,
    );
    expect(outcome.kind).toBe('POSSIBLE_DUPLICATE');
    expect(outcome.best?.score).toBe(policy.pinyinEqualScore);
    expect(describeEvidence(outcome.best?.evidence ?? [])).toEqual([
      'TRIGRAM 0.45',
      'PINYIN_EQUAL',
    ]);
  });

  it('never matches two registrants with different credit codes, however alike the names', () => {
    const outcome = assessDuplicates(
      identity('福建星辰科技有限公司', CODE),
      [candidate('a1', '广东星辰科技有限公司', 0.7, { creditCode: OTHER_CODE })],
      policy,
    );
    expect(outcome.kind).toBe('POSSIBLE_DUPLICATE');
    expect(outcome.best?.score).toBe(0.89);
    expect(outcome.best?.evidence.map((e) => e.code)).toEqual([
      'NAME_EQUAL_AFTER_NORMALISATION',
      'CREDIT_CODE_DIFFERENT',
    ]);
  });

  it('keeps a branch apart from its parent: a review, not a match', () => {
    const lead = identity('星辰科技有限公司厦门分公司');
    const parent = candidate('a1', '星辰科技有限公司', 0.62);
    expect(scoreCandidate(lead, parent, policy).evidence).toEqual([
      { code: 'TRIGRAM', value: 0.62 },
    ]);
    expect(assessDuplicates(lead, [parent], policy).kind).toBe('POSSIBLE_DUPLICATE');
  });

  it('prefers an account of the book to an open lead scored the same', () => {
    const outcome = assessDuplicates(
      identity('星辰科技'),
      [
        candidate('l1', '星辰科技', 0, { kind: 'LEAD' }),
        candidate('a9', '星辰科技', 0, { kind: 'ACCOUNT' }),
      ],
      policy,
    );
    expect(outcome.best?.candidate.id).toBe('a9');
    expect(outcome.ranked.map((r) => r.candidate.id)).toEqual(['a9', 'l1']);
  });

  it('follows the policy thresholds', () => {
    const lead = identity('星辰数据科技');
    const near = [candidate('a1', '星辰数据', 0.7)];
    expect(assessDuplicates(lead, near, policy).kind).toBe('POSSIBLE_DUPLICATE');
    expect(assessDuplicates(lead, near, { ...policy, matchAt: 0.7 }).kind).toBe('MATCH');
    expect(assessDuplicates(lead, near, { ...policy, possibleAt: 0.75 }).kind).toBe('NEW');
  });

  const code = fc.constantFrom(null, CODE, OTHER_CODE);
  const name = fc.constantFrom('星辰科技', '星辰数据', '宏达', '弘达', '海风贸易', '');
  const arbitraryCandidate = fc
    .record({
      id: fc.constantFrom('a1', 'a2', 'l1', 'l2'),
      kind: fc.constantFrom('ACCOUNT' as const, 'LEAD' as const),
      creditCode: code,
      name,
      trigram: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
    })
    .map(({ name: n, ...c }) => ({ ...c, normalisedName: n, pinyin: namePinyin(n) }));
  const lead = fc
    .record({ creditCode: code, name })
    .map(({ creditCode, name: n }) => ({ creditCode, normalisedName: n, pinyin: namePinyin(n) }));

  it('scores from 0 to 1 and decides by the thresholds', () => {
    fc.assert(
      fc.property(lead, fc.array(arbitraryCandidate, { maxLength: 6 }), (l, cs) => {
        const outcome = assessDuplicates(l, cs, policy);
        for (const r of outcome.ranked) expect(r.score >= 0 && r.score <= 1).toBe(true);
        const score = outcome.best?.score ?? 0;
        if (outcome.kind === 'NEW') expect(outcome.best).toBeNull();
        if (outcome.kind === 'POSSIBLE_DUPLICATE') {
          expect(score >= policy.possibleAt && score < policy.matchAt).toBe(true);
        }
      }),
    );
  });

  it('always matches a candidate with the lead’s credit code, in any order of candidates', () => {
    fc.assert(
      fc.property(lead, fc.array(arbitraryCandidate, { maxLength: 6 }), (l, cs) => {
        const outcome = assessDuplicates(l, cs, policy);
        const reversed = assessDuplicates(l, [...cs].reverse(), policy);
        expect(reversed.kind).toBe(outcome.kind);
        expect(reversed.best?.score).toBe(outcome.best?.score);
        const sameCode = l.creditCode !== null && cs.some((c) => c.creditCode === l.creditCode);
        if (sameCode) {
          expect(outcome.kind).toBe('MATCH');
          expect(outcome.best?.candidate.creditCode).toBe(l.creditCode);
        } else if (outcome.kind === 'MATCH') {
          expect(outcome.best?.evidence.some((e) => e.code === 'CREDIT_CODE_DIFFERENT')).toBe(
            false,
          );
        }
      }),
    );
  });
});
