import { RequestLocale } from '@gap/i18n';
import { DEFAULT_MANAGER_POLICY, explainAssignment, matchManager } from '@gap/managers/domain';
import type { AssignmentExplanation } from './assignment-queries.service.js';
import { renderExplanation } from './assignment.reasons.js';

const ACCOUNT = { tier: 'C', regionCode: '350102', industryCode: 'C' } as const;
const E1 = {
  id: 'E1',
  grade: 'STANDARD',
  status: 'ACTIVE',
  regions: ['350100'],
  industries: ['C'],
  capacity: 10,
  load: 4,
} as const;

function explanation(currentManagerId: string | null): AssignmentExplanation {
  const match = matchManager(ACCOUNT, [E1], DEFAULT_MANAGER_POLICY);
  return {
    groupAccountId: 'a1',
    ...ACCOUNT,
    policyVersion: DEFAULT_MANAGER_POLICY.version,
    primaryManagerId: currentManagerId,
    assignedReason: null,
    assignedBy: null,
    assignedAt: null,
    unassignableReason: null,
    bestManagerId: match.managerId,
    reasons: explainAssignment(ACCOUNT, match, currentManagerId),
    candidates: match.candidates,
  };
}

describe('the assignment explanation at the edge', () => {
  it('reads in Chinese when the caller names no language', () => {
    const rendered = RequestLocale.run('zh-CN', () => renderExplanation(explanation('E9')));
    expect(rendered.summary).toBe(
      'C 类客户，所在地区 350102，行业 C。目前最合适的是 E1：不匹配度 0（区域 0，行业 0，级别 0），接手后负荷 50%。当前由 E9 负责。',
    );
    expect(rendered.reasons.map((r) => r.code)).toEqual([
      'ACCOUNT_FACTS',
      'BEST_FIT_NOW',
      'OWNED_BY',
    ]);
  });

  it('reads in English for a caller who asks for it', () => {
    const rendered = renderExplanation(explanation('E1'), 'en');
    expect(rendered.summary).toBe(
      'A tier C account in 350102, industry C. E1 owns it and is still the best fit: mismatch 0 (region 0, industry 0, grade 0) and 50% load after taking it.',
    );
    expect(rendered.candidates[0]).toMatchObject({
      managerId: 'E1',
      eligible: true,
      loadShareAfter: 0.5,
    });
  });
});
