import type { Provider } from '@nestjs/common';
import { AccountEventsConsumer } from './accounts/account-events.consumer.js';
import { AccountRepository } from './accounts/account.repository.js';
import { GroupAccountBundlesResolver } from './group-account/group-account-bundles.resolver.js';
import { CatalogueRepository } from './catalogue/catalogue.repository.js';
import { CatalogueResolver } from './catalogue/catalogue.resolver.js';
import { CatalogueService } from './catalogue/catalogue.service.js';
import { ApproverRepository } from './policy/approver.repository.js';
import { BundlesPolicyRepository } from './policy/bundles-policy.repository.js';
import { PolicyResolver } from './policy/policy.resolver.js';
import { PolicyService } from './policy/policy.service.js';
import { ConfigurationPricer } from './proposals/configuration-pricer.js';
import { DraftProposalService } from './proposals/draft-proposal.service.js';
import { ProposalCommandsService } from './proposals/proposal-commands.service.js';
import { ProposalEffects } from './proposals/proposal.effects.js';
import { ProposalQueriesService } from './proposals/proposal-queries.service.js';
import { ProposalRepository } from './proposals/proposal.repository.js';
import { ProposalResolver } from './proposals/proposal.resolver.js';
import { QualificationRepository } from './qualification/qualification.repository.js';
import { QualificationResolver } from './qualification/qualification.resolver.js';
import { QualificationService } from './qualification/qualification.service.js';
import { LinePricer } from './subscriptions/line-pricer.js';
import { SubscriptionStarter } from './subscriptions/subscription-starter.js';
import { SubscriptionRepository } from './subscriptions/subscription.repository.js';
import { SubscriptionResolver } from './subscriptions/subscription.resolver.js';
import { SubscriptionService } from './subscriptions/subscription.service.js';
import { TrialCommandsService } from './trials/trial-commands.service.js';
import { TrialQueriesService } from './trials/trial-queries.service.js';
import { TrialQueue } from './trials/trial-queue.repository.js';
import { TrialAnnouncer } from './trials/trial.announcer.js';
import { TrialRepository } from './trials/trial.repository.js';
import { GroupAccountTrialsResolver, TrialResolver } from './trials/trial.resolver.js';
import { TrialScheduler } from './trials/trial.scheduler.js';
import { TrialWorker } from './trials/trial.worker.js';
import { AccountAdoptionRepository } from './adoption/account-adoption.repository.js';
import { AdoptionQueriesService } from './adoption/adoption-queries.service.js';
import { AdoptionRepository } from './adoption/adoption.repository.js';
import { AdoptionResolver, GroupAccountAdoptionResolver } from './adoption/adoption.resolver.js';
import { AwarenessService } from './adoption/awareness.service.js';
import { UsageImportService } from './adoption/usage-import.service.js';
import { UsageRepository } from './adoption/usage.repository.js';

/** What the service knows of the accounts. */
export const ACCOUNTS: Provider[] = [AccountRepository];

/** The catalogue, the templates, the policy and the approver register. */
export const CATALOGUE: Provider[] = [
  CatalogueRepository,
  CatalogueService,
  CatalogueResolver,
  BundlesPolicyRepository,
  ApproverRepository,
  PolicyService,
  PolicyResolver,
];

/** Qualification of an account, and of a template over the book. */
export const QUALIFICATION: Provider[] = [
  QualificationRepository,
  QualificationService,
  QualificationResolver,
];

/** Proposals, from configuration to acceptance, and the subscriptions they create. */
export const PROPOSALS: Provider[] = [
  ConfigurationPricer,
  ProposalRepository,
  ProposalEffects,
  DraftProposalService,
  ProposalCommandsService,
  ProposalQueriesService,
  ProposalResolver,
  GroupAccountBundlesResolver,
];

/** Subscriptions: started by a sale (proposal or trial), changed and ended. */
export const SUBSCRIPTIONS: Provider[] = [
  SubscriptionRepository,
  SubscriptionStarter,
  LinePricer,
  SubscriptionService,
  SubscriptionResolver,
];

/** Trials: started, converted or ended; reminders and expiry planned on the durable queue. */
export const TRIALS: Provider[] = [
  TrialRepository,
  TrialQueue,
  TrialScheduler,
  TrialAnnouncer,
  TrialCommandsService,
  TrialQueriesService,
  TrialResolver,
  GroupAccountTrialsResolver,
];

/** What runs the trial jobs (not wired in specs, which run them by hand). */
export const TRIAL_JOBS: Provider[] = [TrialWorker];

/** What listens to other services' events (not wired in specs, which deliver by hand). */
export const CONSUMERS: Provider[] = [AccountEventsConsumer];

/** Adoption: monthly usage imported per subscription, awareness, and the funnel report. */
export const ADOPTION: Provider[] = [
  UsageRepository,
  UsageImportService,
  AdoptionRepository,
  AccountAdoptionRepository,
  AwarenessService,
  AdoptionQueriesService,
  AdoptionResolver,
  GroupAccountAdoptionResolver,
];
