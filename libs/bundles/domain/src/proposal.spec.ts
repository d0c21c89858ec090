import { renderReason } from '@gap/i18n';
import { approvalChain } from './approval.js';
import type { ApproverLevel } from './policy.js';
import {
  draftProposal,
  proposalTransition,
  type ProposalActor,
  type ProposalCommand,
  type ProposalFacts,
} from './proposal.js';
import { PROPOSAL_REASONS } from './proposal.reasons.js';

const now = new Date('2026-12-02T08:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);
const actor = (id: string, levels: ApproverLevel[] = [], inScope = true): ProposalActor => ({
  id,
  levels,
  inScope,
});
const author = actor('M-1');
const supervisor = actor('S-1', ['SUPERVISOR']);
const director = actor('D-1', ['REGIONAL_DIRECTOR']);

function run(start: ProposalFacts, ...commands: ProposalCommand[]): ProposalFacts {
  return commands.reduce((proposal, command) => {
    const outcome = proposalTransition(proposal, command, now);
    if (!outcome.ok) throw new Error(renderReason(PROPOSAL_REASONS, outcome.refusal, 'en'));
    return outcome.proposal;
  }, start);
}

const submitted = (chain: ApproverLevel[]) =>
  run(draftProposal('M-1'), { action: 'SUBMIT', actor: author, chain, violations: 0 });

describe('the proposal state machine', () => {
  it('approves a price within policy at submission', () => {
    const outcome = proposalTransition(
      draftProposal('M-1'),
      { action: 'SUBMIT', actor: author, chain: [], violations: 0 },
      now,
    );
    expect(outcome).toMatchObject({
      ok: true,
      proposal: { state: 'APPROVED' },
      events: ['ProposalSubmitted', 'ProposalApproved'],
    });
  });

  it('goes through two approvals for a discount 15 pp beyond policy, then is sent and accepted', () => {
    const chain = approvalChain(1_500);
    const approved = run(
      submitted(chain),
      { action: 'APPROVE', actor: supervisor },
      { action: 'APPROVE', actor: director },
    );
    expect(approved.state).toBe('APPROVED');
    expect(approved.approvals.map((a) => [a.level, a.approverId])).toEqual([
      ['SUPERVISOR', 'S-1'],
      ['REGIONAL_DIRECTOR', 'D-1'],
    ]);
    const sent = run(approved, { action: 'SEND', actor: author });
    expect(sent.validUntil).toEqual(later(30));
    expect(run(sent, { action: 'ACCEPT', actor: author }).state).toBe('ACCEPTED');
  });

  it('refuses an approval by the author, even one who holds the level', () => {
    const outcome = proposalTransition(
      submitted(['SUPERVISOR']),
      { action: 'APPROVE', actor: actor('M-1', ['SUPERVISOR']) },
      now,
    );
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'SELF_APPROVAL' } });
  });

  it('refuses an approver who is not the next level of the chain', () => {
    const outcome = proposalTransition(
      submitted(['SUPERVISOR', 'REGIONAL_DIRECTOR']),
      { action: 'APPROVE', actor: director },
      now,
    );
    expect(outcome).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_NEXT_APPROVER', figures: { level: 'SUPERVISOR' } },
    });
  });

  it('refuses an approver outside their scope and one who already approved', () => {
    const chain: ApproverLevel[] = ['SUPERVISOR', 'REGIONAL_DIRECTOR'];
    const outside = proposalTransition(
      submitted(chain),
      { action: 'APPROVE', actor: actor('S-2', ['SUPERVISOR'], false) },
      now,
    );
    expect(outside).toMatchObject({ ok: false, refusal: { code: 'APPROVER_OUT_OF_SCOPE' } });
    const both = actor('X-1', ['SUPERVISOR', 'REGIONAL_DIRECTOR']);
    const once = run(submitted(chain), { action: 'APPROVE', actor: both });
    expect(proposalTransition(once, { action: 'APPROVE', actor: both }, now)).toMatchObject({
      ok: false,
      refusal: { code: 'ALREADY_APPROVED_BY_ACTOR' },
    });
  });

  it('rejects with a comment, and a rejected proposal is revised into a new draft', () => {
    const noComment = proposalTransition(
      submitted(['SUPERVISOR']),
      { action: 'REJECT', actor: supervisor, comment: ' ' },
      now,
    );
    expect(noComment).toMatchObject({ ok: false, refusal: { code: 'REJECTION_NEEDS_COMMENT' } });
    const rejected = run(submitted(['SUPERVISOR']), {
      action: 'REJECT',
      actor: supervisor,
      comment: '折扣过深',
    });
    expect(rejected.state).toBe('REJECTED');
    const revised = run(rejected, { action: 'REVISE', actor: author });
    expect(revised).toMatchObject({ state: 'DRAFT', revision: 2, chain: [], approvals: [] });
  });

  it('refuses to submit a configuration that breaks rules', () => {
    const outcome = proposalTransition(
      draftProposal('M-1'),
      { action: 'SUBMIT', actor: author, chain: [], violations: 2 },
      now,
    );
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'CONFIGURATION_HAS_VIOLATIONS' } });
  });

  it('refuses to accept an expired proposal, and expires it only after its validity', () => {
    const sent = run(submitted([]), { action: 'SEND', actor: author });
    const late = proposalTransition(sent, { action: 'ACCEPT', actor: author }, later(30));
    expect(late).toMatchObject({ ok: false, refusal: { code: 'PROPOSAL_EXPIRED' } });
    expect(proposalTransition(sent, { action: 'EXPIRE' }, later(29))).toMatchObject({
      ok: false,
      refusal: { code: 'NOT_YET_EXPIRED' },
    });
    expect(proposalTransition(sent, { action: 'EXPIRE' }, later(30))).toMatchObject({
      ok: true,
      proposal: { state: 'EXPIRED' },
    });
    const expired = run(sent, { action: 'DECLINE', actor: author });
    const outcome = proposalTransition(expired, { action: 'ACCEPT', actor: author }, now);
    expect(outcome).toMatchObject({
      ok: false,
      refusal: { code: 'ACTION_NOT_ALLOWED_IN_STATE', figures: { state: 'DECLINED' } },
    });
    if (!outcome.ok) {
      expect(renderReason(PROPOSAL_REASONS, outcome.refusal, 'zh-CN')).toBe(
        '方案处于 DECLINED 状态，不能执行 ACCEPT。',
      );
    }
  });

  it('does not revise a proposal once sent', () => {
    const sent = run(submitted([]), { action: 'SEND', actor: author });
    expect(proposalTransition(sent, { action: 'REVISE', actor: author }, now).ok).toBe(false);
  });
});
