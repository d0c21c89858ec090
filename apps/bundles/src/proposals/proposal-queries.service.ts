import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { BUNDLES_PERMISSIONS, qualify, type BundlesOperation } from '@gap/bundles/domain';
import { AccountRepository } from '../accounts/account.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { ApproverRepository } from '../policy/approver.repository.js';
import { BundlesPolicyRepository } from '../policy/bundles-policy.repository.js';
import { ConfigurationPricer, manualDiscountOf } from './configuration-pricer.js';
import type { ConfigurationInput } from './dto/proposal.input.js';
import { ProposalErrors } from './proposal.errors.js';
import { ProposalRepository, type StoredProposal } from './proposal.repository.js';
import { SubscriptionRepository } from '../subscriptions/subscription.repository.js';
import type { SubscriptionType } from '../subscriptions/subscription.types.js';
import { toSubscriptionType } from '../subscriptions/subscription.view.js';
import type { ConfigurationCheckType, ProposalType } from './proposal.types.js';
import { toPriceType, toProposalType, toViolationType } from './proposal.view.js';

/** How many proposals or subscriptions an account's list shows at most. */
export const ACCOUNT_LIST_LIMIT = 100;

/** Reads of proposals and subscriptions, each within the caller's scope. */
@Injectable()
export class ProposalQueriesService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly accounts: AccountRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly policies: BundlesPolicyRepository,
    private readonly pricer: ConfigurationPricer,
    private readonly subscriptions: SubscriptionRepository,
    private readonly approvers: ApproverRepository,
  ) {}

  /**
   * One proposal, for those who see its account, and for the approvers of its chain within
   * their reach (a regional director decides on accounts outside any team of theirs).
   */
  async byId(
    caller: Caller,
    id: string,
    operation: BundlesOperation = 'bundleProposal',
  ): Promise<ProposalType> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    const stored = await this.proposals.byId(id);
    const visible =
      stored !== null &&
      ((await this.accounts.visible(scope, caller.subject, stored.accountId)) ||
        (await this.approvers.decidesOn(caller.subject, stored.accountId, stored.chain)));
    if (!stored || !visible) throw ProposalErrors.notFound(id);
    return this.view(stored);
  }

  /** The account's proposals, newest first; none when the account is outside the scope. */
  async ofAccount(
    caller: Caller,
    accountId: string,
    operation: BundlesOperation = 'GroupAccount.proposals',
    openOnly = false,
  ): Promise<ProposalType[]> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    if (!(await this.accounts.visible(scope, caller.subject, accountId))) return [];
    const stored = await this.proposals.ofAccount(accountId, openOnly, ACCOUNT_LIST_LIMIT);
    return Promise.all(stored.map((p) => this.view(p)));
  }

  async subscriptionsOf(caller: Caller, accountId: string): Promise<SubscriptionType[]> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'GroupAccount.subscriptions', caller);
    if (!(await this.accounts.visible(scope, caller.subject, accountId))) return [];
    const rows = await this.subscriptions.ofAccount(accountId, ACCOUNT_LIST_LIMIT);
    return rows.map(toSubscriptionType);
  }

  /** Checks and prices a configuration for an account without keeping it. */
  async check(caller: Caller, input: ConfigurationInput): Promise<ConfigurationCheckType> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'checkBundleConfiguration', caller);
    const discount = manualDiscountOf(input.manualDiscount);
    const visible = await this.accounts.visible(scope, caller.subject, input.groupAccountId);
    const account = visible ? await this.accounts.find(input.groupAccountId) : null;
    if (!account) throw ProposalErrors.accountNotFound(input.groupAccountId);
    const template = await this.catalogue.template(input.templateCode, null);
    if (!template) throw ProposalErrors.templateNotOnSale(input.templateCode);
    const qualification = qualify(account, template);
    if (!qualification.eligible)
      throw ProposalErrors.notEligible(template.code, qualification.reasons);
    const policy = await this.policies.current();
    const priced = await this.pricer.fresh(template, input.lines, account.tier, discount, policy);
    return {
      valid: priced.violations.length === 0,
      violations: priced.violations.map((v) => toViolationType(v)),
      price: priced.price ? toPriceType(priced.price, policy) : null,
    };
  }

  /** A draft shows the account's tier now; any other state the price it was submitted at. */
  private async view(stored: StoredProposal): Promise<ProposalType> {
    const policy = await this.policies.current();
    const history = await this.proposals.historyOf(stored.id);
    if (stored.state !== 'DRAFT') return toProposalType(stored, history, policy);
    const account = await this.accounts.find(stored.accountId);
    if (!account || account.tier === stored.tier) return toProposalType(stored, history, policy);
    const template = await this.catalogue.template(stored.templateCode, stored.templateVersion);
    if (!template) return toProposalType(stored, history, policy);
    const priced = await this.pricer.stored(
      template,
      stored.lines,
      account.tier,
      stored.manualDiscount,
      policy,
    );
    const repriced = priced.price ? { ...stored, price: priced.price, tier: account.tier } : stored;
    return toProposalType(repriced, history, policy);
  }
}
