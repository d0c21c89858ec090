import { reason, type Figures, type Reason } from '@gap/i18n';
import { DEFAULT_BUNDLES_POLICY, type ApproverLevel, type BundlesPolicy } from './policy.js';

/**
 * A proposal (quote): DRAFT → SUBMITTED → APPROVED | REJECTED → SENT → ACCEPTED | DECLINED |
 * EXPIRED. A submission whose chain is empty (no discount beyond policy) is approved at once; a
 * rejected proposal, or a draft, is revised into a new draft revision (history is kept by the
 * service, one row per revision).
 */
export const PROPOSAL_STATES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'EXPIRED',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const OPEN_PROPOSAL_STATES: readonly ProposalState[] = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'SENT',
];

export const PROPOSAL_ACTIONS = [
  'SUBMIT',
  'APPROVE',
  'REJECT',
  'SEND',
  'ACCEPT',
  'DECLINE',
  'EXPIRE',
  'REVISE',
] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export type ProposalEventName =
  | 'ProposalSubmitted'
  | 'ProposalApproved'
  | 'ProposalRejected'
  | 'ProposalSent'
  | 'ProposalAccepted'
  | 'ProposalDeclined'
  | 'ProposalExpired'
  | 'ProposalRevised';

export interface Approval {
  readonly level: ApproverLevel;
  readonly approverId: string;
  readonly at: Date;
}

export interface ProposalFacts {
  readonly state: ProposalState;
  readonly revision: number;
  readonly authorId: string;
  /** The approvers the submitted price needs, fixed at submission (see `approvalChain`). */
  readonly chain: readonly ApproverLevel[];
  readonly approvals: readonly Approval[];
  readonly validUntil: Date | null;
}

/** Who acts: their approver levels, and whether the account lies within their scope. */
export interface ProposalActor {
  readonly id: string;
  readonly levels: readonly ApproverLevel[];
  readonly inScope: boolean;
}

export type ProposalCommand =
  | {
      readonly action: 'SUBMIT';
      readonly actor: ProposalActor;
      readonly chain: readonly ApproverLevel[];
      readonly violations: number;
    }
  | { readonly action: 'APPROVE'; readonly actor: ProposalActor }
  | { readonly action: 'REJECT'; readonly actor: ProposalActor; readonly comment: string }
  | { readonly action: 'SEND'; readonly actor: ProposalActor }
  | { readonly action: 'ACCEPT'; readonly actor: ProposalActor }
  | { readonly action: 'DECLINE'; readonly actor: ProposalActor }
  | { readonly action: 'EXPIRE' }
  | { readonly action: 'REVISE'; readonly actor: ProposalActor };

export const PROPOSAL_REFUSAL_CODES = [
  'ACTION_NOT_ALLOWED_IN_STATE',
  'CONFIGURATION_HAS_VIOLATIONS',
  'SELF_APPROVAL',
  'NOT_NEXT_APPROVER',
  'APPROVER_OUT_OF_SCOPE',
  'ALREADY_APPROVED_BY_ACTOR',
  'REJECTION_NEEDS_COMMENT',
  'PROPOSAL_EXPIRED',
  'NOT_YET_EXPIRED',
] as const;
export type ProposalRefusalCode = (typeof PROPOSAL_REFUSAL_CODES)[number];
export type ProposalRefusal = Reason<ProposalRefusalCode>;

export type ProposalOutcome =
  | {
      readonly ok: true;
      readonly proposal: ProposalFacts;
      readonly events: readonly ProposalEventName[];
    }
  | { readonly ok: false; readonly refusal: ProposalRefusal };

/** The states each action may start from. */
const FROM: Readonly<Record<ProposalAction, readonly ProposalState[]>> = {
  SUBMIT: ['DRAFT'],
  APPROVE: ['SUBMITTED'],
  REJECT: ['SUBMITTED'],
  SEND: ['APPROVED'],
  ACCEPT: ['SENT'],
  DECLINE: ['SENT'],
  EXPIRE: ['SENT'],
  REVISE: ['DRAFT', 'REJECTED'],
};

/** The next approver level the chain waits for, or null when it is complete. */
export function nextApproverLevel(proposal: ProposalFacts): ApproverLevel | null {
  return proposal.chain[proposal.approvals.length] ?? null;
}

const DAY_MS = 86_400_000;

function refuse(code: ProposalRefusalCode, figures: Figures = {}): ProposalOutcome {
  return { ok: false, refusal: reason(code, figures) };
}

/** Why `actor` may not decide on the proposal now (approve or reject), or null. */
function approverRefusal(proposal: ProposalFacts, actor: ProposalActor): ProposalOutcome | null {
  const level = nextApproverLevel(proposal);
  if (actor.id === proposal.authorId) return refuse('SELF_APPROVAL', { actorId: actor.id });
  if (level === null || !actor.levels.includes(level)) {
    return refuse('NOT_NEXT_APPROVER', { actorId: actor.id, level: level ?? null });
  }
  if (!actor.inScope) return refuse('APPROVER_OUT_OF_SCOPE', { actorId: actor.id, level });
  if (proposal.approvals.some((a) => a.approverId === actor.id)) {
    return refuse('ALREADY_APPROVED_BY_ACTOR', { actorId: actor.id });
  }
  return null;
}

/**
 * The proposal after `command` at `now`, with the events it raises, or why the command is
 * refused. Pure: the service loads the facts, calls this, and stores what it returns.
 */
export function proposalTransition(
  proposal: ProposalFacts,
  command: ProposalCommand,
  now: Date,
  policy: BundlesPolicy = DEFAULT_BUNDLES_POLICY,
): ProposalOutcome {
  const { action } = command;
  if (!FROM[action].includes(proposal.state)) {
    return refuse('ACTION_NOT_ALLOWED_IN_STATE', { state: proposal.state, action });
  }
  const ok = (next: Partial<ProposalFacts>, events: ProposalEventName[]): ProposalOutcome => ({
    ok: true,
    proposal: { ...proposal, ...next },
    events,
  });
  switch (command.action) {
    case 'SUBMIT':
      if (command.violations > 0) {
        return refuse('CONFIGURATION_HAS_VIOLATIONS', { violations: command.violations });
      }
      return command.chain.length === 0
        ? ok({ state: 'APPROVED', chain: [], approvals: [] }, [
            'ProposalSubmitted',
            'ProposalApproved',
          ])
        : ok({ state: 'SUBMITTED', chain: [...command.chain], approvals: [] }, [
            'ProposalSubmitted',
          ]);
    case 'APPROVE': {
      const refusal = approverRefusal(proposal, command.actor);
      if (refusal) return refusal;
      const level = nextApproverLevel(proposal) as ApproverLevel;
      const approvals = [...proposal.approvals, { level, approverId: command.actor.id, at: now }];
      const done = approvals.length >= proposal.chain.length;
      return ok(
        { state: done ? 'APPROVED' : 'SUBMITTED', approvals },
        done ? ['ProposalApproved'] : [],
      );
    }
    case 'REJECT': {
      const refusal = approverRefusal(proposal, command.actor);
      if (refusal) return refusal;
      if (command.comment.trim() === '') return refuse('REJECTION_NEEDS_COMMENT');
      return ok({ state: 'REJECTED' }, ['ProposalRejected']);
    }
    case 'SEND':
      return ok(
        {
          state: 'SENT',
          validUntil: new Date(now.getTime() + policy.proposalValidityDays * DAY_MS),
        },
        ['ProposalSent'],
      );
    case 'ACCEPT':
      if (proposal.validUntil && now.getTime() >= proposal.validUntil.getTime()) {
        return refuse('PROPOSAL_EXPIRED', { validUntil: proposal.validUntil.toISOString() });
      }
      return ok({ state: 'ACCEPTED' }, ['ProposalAccepted']);
    case 'DECLINE':
      return ok({ state: 'DECLINED' }, ['ProposalDeclined']);
    case 'EXPIRE':
      if (!proposal.validUntil || now.getTime() < proposal.validUntil.getTime()) {
        return refuse('NOT_YET_EXPIRED', {
          validUntil: proposal.validUntil ? proposal.validUntil.toISOString() : null,
        });
      }
      return ok({ state: 'EXPIRED' }, ['ProposalExpired']);
    case 'REVISE':
      return ok(
        {
          state: 'DRAFT',
          revision: proposal.revision + 1,
          chain: [],
          approvals: [],
          validUntil: null,
        },
        ['ProposalRevised'],
      );
  }
}

/** A new proposal's facts. */
export function draftProposal(authorId: string): ProposalFacts {
  return { state: 'DRAFT', revision: 1, authorId, chain: [], approvals: [], validUntil: null };
}
