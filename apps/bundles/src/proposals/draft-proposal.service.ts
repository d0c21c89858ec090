import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { authorize, type Caller } from '@gap/auth';
import {
  BUNDLES_PERMISSIONS,
  draftProposal,
  qualify,
  type BundlesOperation,
} from '@gap/bundles/domain';
import { AccountRepository } from '../accounts/account.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { BundlesPolicyRepository } from '../policy/bundles-policy.repository.js';
import { ConfigurationPricer, manualDiscountOf } from './configuration-pricer.js';
import type { ConfigurationInput } from './dto/proposal.input.js';
import { ProposalErrors } from './proposal.errors.js';
import { ProposalRepository, type ProposalChange } from './proposal.repository.js';

/** Drafting: the first revision of a proposal, for an account that qualifies. Refused, it writes nothing. */
@Injectable()
export class DraftProposalService {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly accounts: AccountRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly policies: BundlesPolicyRepository,
    private readonly pricer: ConfigurationPricer,
  ) {}

  /** A new proposal for an account that qualifies, configured within the template's rules. */
  async draft(
    caller: Caller,
    input: ConfigurationInput,
    operation: BundlesOperation = 'draftBundleProposal',
  ): Promise<string> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    const discount = manualDiscountOf(input.manualDiscount);
    return this.proposals.transaction(async (tx) => {
      const accountId = input.groupAccountId;
      const visible = await this.accounts.visible(scope, caller.subject, accountId, tx);
      const account = visible ? await this.accounts.find(accountId, tx) : null;
      if (!account) throw ProposalErrors.accountNotFound(accountId);
      const template = await this.catalogue.template(input.templateCode, null, tx);
      if (!template) throw ProposalErrors.templateNotOnSale(input.templateCode);
      const qualification = qualify(account, template);
      if (!qualification.eligible) {
        throw ProposalErrors.notEligible(template.code, qualification.reasons);
      }
      const policy = await this.policies.current(tx);
      const priced = await this.pricer.fresh(
        template,
        input.lines,
        account.tier,
        discount,
        policy,
        tx,
      );
      if (!priced.price) throw ProposalErrors.configuration(priced.violations, input.lines);
      const facts = draftProposal(caller.subject);
      const id = randomUUID();
      const change: ProposalChange = {
        ...facts,
        lines: priced.lines,
        manualDiscount: discount,
        price: priced.price,
        tier: account.tier,
      };
      const head = {
        templateCode: template.code,
        templateVersion: template.version,
        authorId: caller.subject,
      };
      await this.proposals.insert(tx, id, accountId, head, change);
      await this.proposals.history(
        tx,
        id,
        {
          revision: 1,
          action: 'DRAFT',
          actor: caller.subject,
          fromState: null,
          toState: 'DRAFT',
          comment: null,
        },
        change,
      );
      return id;
    });
  }
}
