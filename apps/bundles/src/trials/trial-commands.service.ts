import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { authorize, type Caller } from '@gap/auth';
import {
  BUNDLES_PERMISSIONS,
  qualify,
  startTrial,
  trialTransition,
  type BundlesOperation,
  type BundleTemplate,
  type QualifyingAccount,
} from '@gap/bundles/domain';
import { AccountRepository } from '../accounts/account.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { BundlesPolicyRepository } from '../policy/bundles-policy.repository.js';
import { ConfigurationPricer } from '../proposals/configuration-pricer.js';
import { ProposalErrors } from '../proposals/proposal.errors.js';
import { standaloneTemplate } from '../subscriptions/line-pricer.js';
import { SubscriptionStarter } from '../subscriptions/subscription-starter.js';
import type { ConvertTrialInput, StartTrialInput, TrialTargetInput } from './dto/trial.input.js';
import { TrialAnnouncer } from './trial.announcer.js';
import { TrialErrors } from './trial.errors.js';
import { TrialRepository, type StoredTrial, type Tx } from './trial.repository.js';
import { TrialScheduler, trialFacts } from './trial.scheduler.js';

/**
 * Starting, converting and ending a trial, by the account's seller within their scope. A trial
 * runs for the policy's length at the account's tier, its reminders and expiry planned as
 * durable jobs in the same transaction; conversion sells through the same starter as an
 * accepted proposal. A refusal writes nothing.
 */
@Injectable()
export class TrialCommandsService {
  constructor(
    private readonly trials: TrialRepository,
    private readonly accounts: AccountRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly policies: BundlesPolicyRepository,
    private readonly pricer: ConfigurationPricer,
    private readonly starter: SubscriptionStarter,
    private readonly scheduler: TrialScheduler,
    private readonly announcer: TrialAnnouncer,
  ) {}

  async start(caller: Caller, input: StartTrialInput, now = new Date()): Promise<string> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'startTrial', caller);
    const templateCode = input.templateCode ?? null;
    const productCode = input.productCode ?? null;
    if ((templateCode === null) === (productCode === null)) throw TrialErrors.subject();
    return this.trials.transaction(async (tx) => {
      const accountId = input.groupAccountId;
      const visible = await this.accounts.visible(scope, caller.subject, accountId, tx);
      const account = visible ? await this.accounts.find(accountId, tx) : null;
      if (!account) throw ProposalErrors.accountNotFound(accountId);
      const subject = templateCode
        ? await this.templateSubject(tx, templateCode, account)
        : await this.productSubject(tx, productCode ?? '');
      const policy = (await this.policies.current(tx)).trial;
      const facts = startTrial(subject.code, account.tier, now, policy);
      const trial: StoredTrial = {
        id: randomUUID(),
        accountId,
        subjectKind: subject.kind,
        subjectCode: subject.code,
        subjectVersion: subject.version,
        tier: account.tier,
        state: 'ACTIVE',
        note: input.note ?? null,
        startedBy: caller.subject,
        startedAt: facts.startedAt,
        endsAt: facts.endsAt,
        reminderDays: [...new Set(policy.reminderDaysBefore)].sort((a, b) => b - a),
        remindersSent: 0,
        closedAt: null,
        closedBy: null,
        subscriptionIds: [],
        version: 1,
      };
      if (!(await this.trials.insert(tx, trial))) {
        const field = templateCode ? 'input.templateCode' : 'input.productCode';
        throw TrialErrors.alreadyOpen(field, subject.code);
      }
      await this.announcer.started(tx, trial);
      await this.scheduler.plan(trial, tx);
      return trial.id;
    });
  }

  /** The customer keeps it: subscriptions of the lines, checked and priced at the tier now. */
  convert(caller: Caller, input: ConvertTrialInput, now = new Date()): Promise<string> {
    return this.run(caller, 'convertTrial', input, async (tx, trial) => {
      const outcome = trialTransition(trialFacts(trial), 'CONVERT', now);
      if (!outcome.ok) throw TrialErrors.refused(outcome.refusal);
      const template = await this.templateOf(tx, trial);
      const account = await this.accounts.find(trial.accountId, tx);
      const tier = account?.tier ?? trial.tier;
      const policy = await this.policies.current(tx);
      const priced = await this.pricer.fresh(template, input.lines, tier, null, policy, tx);
      if (!priced.price) throw ProposalErrors.configuration(priced.violations, input.lines);
      const sale = {
        accountId: trial.accountId,
        proposalId: null,
        trialId: trial.id,
        price: priced.price,
        attributes: (index: number) => priced.lines[index]?.attributes ?? {},
        by: caller.subject,
      };
      const ids = await this.starter.start(tx, sale, now);
      await this.trials.close(tx, trial.id, 'CONVERTED', caller.subject, now, ids);
      await this.announcer.converted(tx, trial, ids, caller.subject);
    });
  }

  /** The customer stops before the end: expired now, by the manager. */
  endEarly(caller: Caller, input: TrialTargetInput, now = new Date()): Promise<string> {
    return this.run(caller, 'endTrialEarly', input, async (tx, trial) => {
      await this.trials.close(tx, trial.id, 'EXPIRED', caller.subject, now);
      await this.announcer.expired(tx, trial, caller.subject);
    });
  }

  private async run(
    caller: Caller,
    operation: BundlesOperation,
    target: TrialTargetInput,
    work: (tx: Tx, trial: StoredTrial) => Promise<void>,
  ): Promise<string> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    await this.trials.transaction(async (tx) => {
      const trial = await this.trials.lock(tx, target.id);
      if (!trial || !(await this.accounts.visible(scope, caller.subject, trial.accountId, tx))) {
        throw TrialErrors.notFound(target.id);
      }
      const given = target.version;
      if (given !== null && given !== undefined && given !== trial.version) {
        throw TrialErrors.staleVersion(target.id, given, trial.version);
      }
      if (trial.state !== 'ACTIVE') {
        throw TrialErrors.refused({ code: 'TRIAL_NOT_ACTIVE', figures: { state: trial.state } });
      }
      await work(tx, trial);
    });
    return target.id;
  }

  private async templateSubject(tx: Tx, code: string, account: QualifyingAccount) {
    const template = await this.catalogue.template(code, null, tx);
    if (!template) throw ProposalErrors.templateNotOnSale(code);
    const qualification = qualify(account, template);
    if (!qualification.eligible) throw ProposalErrors.notEligible(code, qualification.reasons);
    return { kind: 'TEMPLATE' as const, code: template.code, version: template.version };
  }

  private async productSubject(tx: Tx, code: string) {
    const product = await this.catalogue.product(code, null, tx);
    if (!product || product.lifecycle !== 'ACTIVE') throw TrialErrors.productNotOnSale(code);
    return { kind: 'PRODUCT' as const, code: product.code, version: product.version };
  }

  /** The bundle the trial was of; a module tried alone sells as a one-item bundle. */
  private async templateOf(tx: Tx, trial: StoredTrial): Promise<BundleTemplate> {
    if (trial.subjectKind === 'TEMPLATE') {
      const template = await this.catalogue.template(trial.subjectCode, trial.subjectVersion, tx);
      if (!template) throw ProposalErrors.templateNotOnSale(trial.subjectCode);
      return template;
    }
    const product = await this.catalogue.product(trial.subjectCode, null, tx);
    if (!product || product.lifecycle !== 'ACTIVE') {
      throw TrialErrors.productNotOnSale(trial.subjectCode);
    }
    return standaloneTemplate(product);
  }
}
