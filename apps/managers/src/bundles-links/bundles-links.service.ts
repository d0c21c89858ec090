import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { OpenWorkService } from '../handover/open-work.service.js';

/** The open-work sources of the bundles service: proposals with the customer, trials running. */
export const BUNDLE_PROPOSAL = 'BUNDLE_PROPOSAL';
export const BUNDLE_TRIAL = 'BUNDLE_TRIAL';
/** Who closes their checklist items when the proposal or trial ends. */
const SERVICE = 'bundles';

type ProposalEnded = EventEnvelope<
  'ProposalRejected' | 'ProposalAccepted' | 'ProposalDeclined' | 'ProposalExpired'
>;
type TrialEnded = EventEnvelope<'TrialConverted' | 'TrialExpired'>;

/**
 * What the managers service does with the bundles service's events: a submitted proposal and a
 * running trial are open work on the account, so an outgoing manager passes them on in the
 * handover (a proposal awaiting approval or the customer's answer, a trial to convert before it
 * ends); a proposal rejected, accepted, declined or expired, and a trial converted or expired,
 * close their item.
 */
@Injectable()
export class BundlesLinksService {
  constructor(private readonly openWork: OpenWorkService) {}

  async onProposalSubmitted(
    event: EventEnvelope<'ProposalSubmitted'>,
    tx: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    const title = `Bundle proposal ${p.templateCode}, revision ${p.revision}, ${yuan(p.monthlyNetFen)} a month`;
    await this.openWork.opened(
      tx,
      {
        source: BUNDLE_PROPOSAL,
        ref: p.proposalId,
        accountId: p.groupAccountId,
        title,
        at: at(event),
      },
      SERVICE,
    );
  }

  async onProposalEnded(event: ProposalEnded, tx: EntityManager): Promise<void> {
    const note = `Proposal ${PROPOSAL_ENDINGS[event.type]} in bundles`;
    await this.openWork.closed(
      tx,
      { source: BUNDLE_PROPOSAL, ref: event.payload.proposalId, at: at(event) },
      note,
      SERVICE,
    );
  }

  async onTrialStarted(event: EventEnvelope<'TrialStarted'>, tx: EntityManager): Promise<void> {
    const p = event.payload;
    const title = `Trial of ${p.subjectCode} until ${p.endsAt.slice(0, 10)}`;
    await this.openWork.opened(
      tx,
      { source: BUNDLE_TRIAL, ref: p.trialId, accountId: p.groupAccountId, title, at: at(event) },
      SERVICE,
    );
  }

  async onTrialEnded(event: TrialEnded, tx: EntityManager): Promise<void> {
    const note = event.type === 'TrialConverted' ? 'Trial converted' : 'Trial ended';
    await this.openWork.closed(
      tx,
      { source: BUNDLE_TRIAL, ref: event.payload.trialId, at: at(event) },
      `${note} in bundles`,
      SERVICE,
    );
  }
}

const PROPOSAL_ENDINGS = {
  ProposalRejected: 'rejected',
  ProposalAccepted: 'accepted',
  ProposalDeclined: 'declined',
  ProposalExpired: 'expired',
} as const;

const at = (event: EventEnvelope) => event.occurredAt;

/** Whole fen as yuan with two decimals, digits grouped: `¥12,345.60`. */
function yuan(fen: string): string {
  const value = BigInt(fen);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${(abs % 100n).toString().padStart(2, '0')}`;
}
