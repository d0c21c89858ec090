import { LOCALES, reason, renderReason } from '@gap/i18n';
import { DEFAULT_PARTNERS_POLICY } from './policy.js';
import { judgeChannelConflict } from './conflict/channel-conflict.js';
import { PARTNERS_REASONS, type PartnersReasonCode } from './reasons.js';

describe('how the partners domain explains itself', () => {
  it('tells a partner why its lead went to a manager, in Chinese and in English', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const outcome = judgeChannelConflict(
      {
        partnerId: 'P-1',
        receivedAt: now,
        account: { id: 'acc-1', primaryManagerId: 'M-7', tier: 'A', directProtected: true },
        registrations: [],
        otherLeads: [],
        now,
      },
      DEFAULT_PARTNERS_POLICY,
    );
    if (outcome.kind !== 'CONFLICT') throw new Error('expected a conflict');
    const [first, second] = outcome.reasons.map((r) => renderReason(PARTNERS_REASONS, r, 'zh-CN'));
    expect(first).toBe('客户 acc-1 为 A 类直销保护客户，渠道不得承接。');
    expect(second).toBe('客户 acc-1 已由客户经理 M-7 负责。');
    expect(renderReason(PARTNERS_REASONS, outcome.reasons[1] ?? reason('LEAD_CLOSED'), 'en')).toBe(
      'Account acc-1 is already owned by manager M-7.',
    );
  });

  it('has a reading of every code in every language', () => {
    const figures = { leadId: 'L-1', state: 'ASSIGNED', command: 'CONVERT', field: 'note' };
    for (const code of Object.keys(PARTNERS_REASONS) as PartnersReasonCode[]) {
      for (const locale of LOCALES) {
        const text = renderReason(PARTNERS_REASONS, reason(code, figures), locale);
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toContain('undefined');
      }
    }
  });
});
