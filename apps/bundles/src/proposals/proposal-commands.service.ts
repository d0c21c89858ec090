import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import {
  BUNDLES_PERMISSIONS,
  nextApproverLevel,
  proposalTransition,
  type BundlesOperation,
  type ProposalActor,
  type ProposalCommand,
  type ProposalFacts,
} from '@gap/bundles/domain';
import { AccountRepository } from '../accounts/account.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { BundlesPolicyRepository } from '../policy/bundles-policy.repository.js';
import { ApproverRepository } from '../policy/approver.repository.js';
import { ConfigurationPricer, manualDiscountOf } from './configuration-pricer.js';
import type {
  ProposalTargetInput,
  RejectProposalInput,
  ReviseProposalInput,
} from './dto/proposal.input.js';
import { ProposalErrors } from './proposal.errors.js';
import { ProposalEffects } from './proposal.effects.js';
import {
  ProposalRepository,
  type ProposalChange,
  type StoredProposal,
  type Tx,
} from './proposal.repository.js';

type Decide = (
  tx: Tx,
  stored: StoredProposal,
) => Promise<{ command: ProposalCommand; change?: Partial<ProposalChange>; comment?: string }>;

const factsOf = (p: StoredProposal): ProposalFacts => ({
  state: p.state,
  revision: p.revision,
  authorId: p.authorId,
  chain: p.chain,
  approvals: p.approvals,
  validUntil: p.validUntil,
});

/**
 * Every change of a proposal: authorize, lock, check it is visible and not stale, let the
 * domain's state machine decide, save, keep the step in the history and record the events, all
 * in one transaction. A refusal writes nothing.
 */
@Injectable()
export class ProposalCommandsService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly accounts: AccountRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly policies: BundlesPolicyRepository,
    private readonly approvers: ApproverRepository,
    private readonly pricer: ConfigurationPricer,
    private readonly effects: ProposalEffects,
  ) {}

  /** A new revision of a draft or a rejected proposal, at today's catalogue and tier. */
  revise(caller: Caller, input: ReviseProposalInput, now = new Date()): Promise<string> {
    const discount = manualDiscountOf(input.manualDiscount);
    return this.run(caller, 'reviseBundleProposal', input, now, async (tx, stored) => {
      const { template, tier, policy } = await this.context(tx, stored);
      const priced = await this.pricer.fresh(template, input.lines, tier, discount, policy, tx);
      if (!priced.price) throw ProposalErrors.configuration(priced.violations, input.lines);
      return {
        command: { action: 'REVISE', actor: this.seller(caller) },
        change: { lines: priced.lines, manualDiscount: discount, price: priced.price, tier },
      };
    });
  }

  /** Priced at the account's tier now; the chain of approvers follows from the discount's depth. */
  submit(
    caller: Caller,
    input: ProposalTargetInput,
    operation: BundlesOperation = 'submitBundleProposal',
    now = new Date(),
  ): Promise<string> {
    return this.run(caller, operation, input, now, async (tx, stored) => {
      const { template, tier, policy } = await this.context(tx, stored);
      const priced = await this.pricer.stored(
        template,
        stored.lines,
        tier,
        stored.manualDiscount,
        policy,
        tx,
      );
      return {
        command: {
          action: 'SUBMIT',
          actor: this.seller(caller),
          chain: priced.chain,
          violations: priced.violations.length,
        },
        change: priced.price ? { price: priced.price, tier } : {},
      };
    });
  }

  approve(
    caller: Caller,
    input: ProposalTargetInput,
    operation: BundlesOperation = 'approveBundleProposal',
    now = new Date(),
  ): Promise<string> {
    return this.run(caller, operation, input, now, async (tx, stored) => ({
      command: { action: 'APPROVE', actor: await this.approver(tx, caller, stored) },
    }));
  }

  reject(
    caller: Caller,
    input: RejectProposalInput,
    operation: BundlesOperation = 'rejectBundleProposal',
    now = new Date(),
  ): Promise<string> {
    return this.run(caller, operation, input, now, async (tx, stored) => ({
      command: {
        action: 'REJECT',
        actor: await this.approver(tx, caller, stored),
        comment: input.comment,
      },
      comment: input.comment,
    }));
  }

  send(
    caller: Caller,
    input: ProposalTargetInput,
    operation: BundlesOperation = 'sendBundleProposal',
    now = new Date(),
  ) {
    return this.sellerStep('SEND', caller, input, operation, now);
  }

  accept(
    caller: Caller,
    input: ProposalTargetInput,
    operation: BundlesOperation = 'acceptBundleProposal',
    now = new Date(),
  ) {
    return this.sellerStep('ACCEPT', caller, input, operation, now);
  }

  decline(
    caller: Caller,
    input: ProposalTargetInput,
    operation: BundlesOperation = 'declineBundleProposal',
    now = new Date(),
  ) {
    return this.sellerStep('DECLINE', caller, input, operation, now);
  }

  /** A step the seller takes alone: send, accept or decline. */
  private sellerStep(
    action: 'SEND' | 'ACCEPT' | 'DECLINE',
    caller: Caller,
    input: ProposalTargetInput,
    operation: BundlesOperation,
    now: Date,
  ): Promise<string> {
    const actor = this.seller(caller);
    return this.run(caller, operation, input, now, () =>
      Promise.resolve({ command: { action, actor } }),
    );
  }

  /** Expires the sent proposals past their validity (the service's own clock); how many. */
  async expireDue(now = new Date(), batch = 200): Promise<number> {
    return this.proposals.transaction(async (tx) => {
      const due = await this.proposals.lockExpired(tx, now, batch);
      for (const stored of due) {
        const outcome = proposalTransition(factsOf(stored), { action: 'EXPIRE' }, now);
        if (!outcome.ok) continue;
        await this.apply(tx, stored, outcome.proposal, {}, 'EXPIRE', 'system', null);
        await this.effects.record(tx, stored, outcome.events, 'system', now);
      }
      return due.length;
    });
  }

  private async run(
    caller: Caller,
    operation: BundlesOperation,
    target: ProposalTargetInput,
    now: Date,
    decide: Decide,
  ): Promise<string> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    await this.proposals.transaction(async (tx) => {
      const stored = await this.proposals.lock(tx, target.id);
      if (!stored || !(await this.accounts.visible(scope, caller.subject, stored.accountId, tx))) {
        throw ProposalErrors.notFound(target.id);
      }
      if (
        target.version !== null &&
        target.version !== undefined &&
        target.version !== stored.version
      ) {
        throw ProposalErrors.staleVersion(target.id, target.version, stored.version);
      }
      const { command, change = {}, comment = null } = await decide(tx, stored);
      const policy = await this.policies.current(tx);
      const outcome = proposalTransition(factsOf(stored), command, now, policy);
      if (!outcome.ok) throw ProposalErrors.refused(outcome.refusal);
      const after = await this.apply(
        tx,
        stored,
        outcome.proposal,
        change,
        command.action,
        caller.subject,
        comment,
      );
      await this.effects.record(
        tx,
        { ...stored, ...after },
        outcome.events,
        caller.subject,
        now,
        comment,
      );
    });
    return target.id;
  }

  private async apply(
    tx: Tx,
    stored: StoredProposal,
    facts: ProposalFacts,
    change: Partial<ProposalChange>,
    action: string,
    actor: string,
    comment: string | null,
  ): Promise<ProposalChange> {
    const after: ProposalChange = {
      state: facts.state,
      revision: facts.revision,
      chain: facts.chain,
      approvals: facts.approvals,
      validUntil: facts.validUntil,
      lines: change.lines ?? stored.lines,
      manualDiscount:
        change.manualDiscount === undefined ? stored.manualDiscount : change.manualDiscount,
      price: change.price ?? stored.price,
      tier: change.tier ?? stored.tier,
    };
    await this.proposals.save(tx, stored.id, after);
    await this.proposals.history(
      tx,
      stored.id,
      {
        revision: after.revision,
        action,
        actor,
        fromState: stored.state,
        toState: after.state,
        comment,
      },
      after,
    );
    return after;
  }

  /** The template the proposal was made of, the account's tier now, the policy in force. */
  private async context(tx: Tx, stored: StoredProposal) {
    const template = await this.catalogue.template(stored.templateCode, stored.templateVersion, tx);
    if (!template) throw ProposalErrors.templateNotOnSale(stored.templateCode);
    const account = await this.accounts.find(stored.accountId, tx);
    return {
      template,
      tier: account?.tier ?? stored.tier,
      policy: await this.policies.current(tx),
    };
  }

  private seller(caller: Caller): ProposalActor {
    return { id: caller.subject, levels: [], inScope: true };
  }

  /** The caller as an approver: their levels, and whether the account is within the next one's reach. */
  private async approver(tx: Tx, caller: Caller, stored: StoredProposal): Promise<ProposalActor> {
    const levels = await this.approvers.levelsOver(tx, caller.subject, stored.accountId);
    const next = nextApproverLevel(factsOf(stored));
    return {
      id: caller.subject,
      levels: levels.map((l) => l.level),
      inScope: levels.find((l) => l.level === next)?.inScope ?? false,
    };
  }
}
