import { Injectable } from '@nestjs/common';
import type { ProposalEventName } from '@gap/bundles/domain';
import { OutboxPublisher } from '@gap/messaging';
import { SubscriptionStarter } from '../subscriptions/subscription-starter.js';
import type { StoredProposal, Tx } from './proposal.repository.js';

const fen = (amount: number) => String(amount);

/**
 * What a step of a proposal causes beyond the proposal itself, in its transaction: the events
 * of the contracts (keyed by the account), and on acceptance one subscription per line, its
 * product version and price locked as accepted (the subscription feature's starter).
 */
@Injectable()
export class ProposalEffects {
  constructor(
    private readonly outbox: OutboxPublisher,
    private readonly starter: SubscriptionStarter,
  ) {}

  async record(
    tx: Tx,
    proposal: StoredProposal,
    events: readonly ProposalEventName[],
    by: string,
    now: Date,
    comment: string | null = null,
  ): Promise<void> {
    const base = {
      proposalId: proposal.id,
      groupAccountId: proposal.accountId,
      templateCode: proposal.templateCode,
      templateVersion: proposal.templateVersion,
      revision: proposal.revision,
      authorId: proposal.authorId,
    };
    const aggregateId = proposal.accountId;
    const price = proposal.price;
    for (const event of events) {
      switch (event) {
        case 'ProposalSubmitted':
          await this.outbox.record(tx, {
            type: 'ProposalSubmitted',
            aggregateId,
            payload: {
              ...base,
              monthlyNetFen: fen(price.monthly.netFen),
              oneTimeNetFen: fen(price.oneTime.netFen),
              discountDepthBp: price.discountDepthBp,
              chain: [...proposal.chain],
            },
          });
          break;
        case 'ProposalApproved':
          await this.outbox.record(tx, {
            type: 'ProposalApproved',
            aggregateId,
            payload: { ...base, approvedBy: proposal.approvals.at(-1)?.approverId ?? null },
          });
          break;
        case 'ProposalRejected':
          await this.outbox.record(tx, {
            type: 'ProposalRejected',
            aggregateId,
            payload: {
              ...base,
              rejectedBy: by,
              level: proposal.chain[proposal.approvals.length] ?? 'SUPERVISOR',
              comment: comment ?? '',
            },
          });
          break;
        case 'ProposalAccepted': {
          const subscriptionIds = await this.subscribe(tx, proposal, by, now);
          await this.outbox.record(tx, {
            type: 'ProposalAccepted',
            aggregateId,
            payload: {
              ...base,
              monthlyNetFen: fen(price.monthly.netFen),
              oneTimeNetFen: fen(price.oneTime.netFen),
              subscriptionIds,
            },
          });
          break;
        }
        case 'ProposalDeclined':
          await this.outbox.record(tx, {
            type: 'ProposalDeclined',
            aggregateId,
            payload: { ...base, declinedBy: by },
          });
          break;
        case 'ProposalExpired':
          await this.outbox.record(tx, {
            type: 'ProposalExpired',
            aggregateId,
            payload: {
              ...base,
              validUntil: proposal.validUntil?.toISOString() ?? now.toISOString(),
            },
          });
          break;
        case 'ProposalSent':
        case 'ProposalRevised':
          // Steps of the seller's own work: kept in the history, not announced.
          break;
      }
    }
  }

  private subscribe(tx: Tx, proposal: StoredProposal, by: string, now: Date): Promise<string[]> {
    const sale = {
      accountId: proposal.accountId,
      proposalId: proposal.id,
      trialId: null,
      price: proposal.price,
      attributes: (index: number) => proposal.lines[index]?.attributes ?? {},
      by,
    };
    return this.starter.start(tx, sale, now);
  }
}
