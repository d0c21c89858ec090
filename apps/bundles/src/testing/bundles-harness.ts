import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Caller } from '@gap/auth';
import {
  SEED_PRODUCTS,
  SEED_TEMPLATES,
  type ApproverLevel,
  type BundleTemplate,
  type Product,
} from '@gap/bundles/domain';
import { OutboxPublisher } from '@gap/messaging';
import { openOwnTestDatabase, Wiring } from '@gap/testing';
import { AccountRepository } from '../accounts/account.repository.js';
import {
  ACCOUNTS,
  CATALOGUE,
  PROPOSALS,
  QUALIFICATION,
  SUBSCRIPTIONS,
  TRIALS,
} from '../bundles.providers.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { CatalogueService } from '../catalogue/catalogue.service.js';
import { BUNDLES_MIGRATIONS, BUNDLES_SCHEMA } from '../migrations/index.js';
import { ApproverRepository } from '../policy/approver.repository.js';
import { DraftProposalService } from '../proposals/draft-proposal.service.js';
import { ProposalCommandsService } from '../proposals/proposal-commands.service.js';
import { ProposalQueriesService } from '../proposals/proposal-queries.service.js';
import { QualificationService } from '../qualification/qualification.service.js';
import { SubscriptionService } from '../subscriptions/subscription.service.js';
import { TrialCommandsService } from '../trials/trial-commands.service.js';
import { TrialQueriesService } from '../trials/trial-queries.service.js';
import { TRIAL_QUEUE_OPTIONS, TrialQueue } from '../trials/trial-queue.repository.js';
import { TrialScheduler } from '../trials/trial.scheduler.js';
import { TrialWorker } from '../trials/trial.worker.js';
import { ADOPTION } from '../bundles.providers.js';
import { AdoptionQueriesService } from '../adoption/adoption-queries.service.js';
import { AdoptionRepository } from '../adoption/adoption.repository.js';
import { AwarenessService } from '../adoption/awareness.service.js';
import { UsageImportService } from '../adoption/usage-import.service.js';

export const ADMIN: Caller = { subject: 'A0001', roles: ['ADMIN'] };
export const manager = (subject: string): Caller => ({ subject, roles: ['ACCOUNT_MANAGER'] });
export const supervisor = (subject: string): Caller => ({ subject, roles: ['SUPERVISOR'] });

export function openBundlesTestDatabase(suffix: string): Promise<DataSource> {
  return openOwnTestDatabase(`bundles_${suffix}`, {
    schema: BUNDLES_SCHEMA,
    entities: [],
    migrations: BUNDLES_MIGRATIONS,
  });
}

/** The service's features wired as the module wires them. */
export function bundleServices(dataSource: DataSource) {
  const wiring = new Wiring(
    [
      ...ACCOUNTS,
      ...CATALOGUE,
      ...QUALIFICATION,
      ...PROPOSALS,
      ...SUBSCRIPTIONS,
      ...TRIALS,
      ...ADOPTION,
    ],
    new Map<unknown, unknown>([
      [DataSource, dataSource],
      [OutboxPublisher, new OutboxPublisher(dataSource)],
      [TRIAL_QUEUE_OPTIONS, { pollingIntervalSeconds: 1 }],
    ]),
  );
  const get = wiring.get.bind(wiring);
  return {
    catalogue: get(CatalogueService),
    qualification: get(QualificationService),
    drafting: get(DraftProposalService),
    commands: get(ProposalCommandsService),
    queries: get(ProposalQueriesService),
    accounts: get(AccountRepository),
    approvers: get(ApproverRepository),
    catalogueRepository: get(CatalogueRepository),
    /** Trials plan durable jobs: a spec that starts one stops `trialQueue` at the end. */
    trials: get(TrialCommandsService),
    trialQueries: get(TrialQueriesService),
    trialQueue: get(TrialQueue),
    trialScheduler: get(TrialScheduler),
    trialWorker: get(TrialWorker),
    subscriptions: get(SubscriptionService),
    usageImport: get(UsageImportService),
    awareness: get(AwarenessService),
    adoption: get(AdoptionQueriesService),
    adoptionRepository: get(AdoptionRepository),
  };
}
export type BundleServices = ReturnType<typeof bundleServices>;

/** Puts catalogue entries in as they are, lifecycle included (each as its code's next version). */
export async function seedCatalogue(
  services: BundleServices,
  products: readonly Product[] = SEED_PRODUCTS,
  templates: readonly BundleTemplate[] = SEED_TEMPLATES,
): Promise<void> {
  const repo = services.catalogueRepository;
  await repo.transaction(async (tx) => {
    for (const product of products) {
      const version = await repo.addProduct(tx, product, 'test');
      if (product.lifecycle !== 'DRAFT') {
        await repo.moveLifecycle(tx, 'product', { code: product.code, version }, product.lifecycle);
      }
    }
    for (const template of templates) {
      const version = await repo.addTemplate(tx, template, 'test');
      if (template.lifecycle !== 'DRAFT') {
        await repo.moveLifecycle(
          tx,
          'template',
          { code: template.code, version },
          template.lifecycle,
        );
      }
    }
  });
}

export interface AccountOverrides {
  tier?: 'A' | 'B' | 'C' | null;
  segment?: string | null;
  status?: string;
  industry?: string;
  regionCode?: string;
  employees?: number | null;
  lines?: number | null;
  /** Who has it in their portfolio (primary), and their supervisor. */
  managerId?: string;
  supervisorId?: string;
}

/** An account as the projection keeps it from the events, with sensible defaults. */
export async function seedAccount(
  dataSource: DataSource,
  overrides: AccountOverrides = {},
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO bundles.account (group_account_id, status, industry, region_code, employees, lines,
       tier, tier_at, segment, segment_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, now())`,
    [
      id,
      overrides.status ?? 'ACTIVE',
      overrides.industry ?? 'I',
      overrides.regionCode ?? '440106',
      overrides.employees === undefined ? 120 : overrides.employees,
      overrides.lines === undefined ? 30 : overrides.lines,
      overrides.tier === undefined ? 'B' : overrides.tier,
      overrides.segment === undefined ? 'VALUE' : overrides.segment,
    ],
  );
  const entries: [string, string][] = [];
  if (overrides.managerId) entries.push([overrides.managerId, 'PRIMARY']);
  if (overrides.supervisorId) entries.push([overrides.supervisorId, 'SUPERVISOR']);
  for (const [subject, relation] of entries) {
    await dataSource.query(
      `INSERT INTO bundles.portfolio_entry (group_account_id, subject, relation, since)
       VALUES ($1, $2, $3, now())`,
      [id, subject, relation],
    );
  }
  return id;
}

export async function addApprover(
  services: BundleServices,
  subject: string,
  level: ApproverLevel,
  regionPrefix: string | null = null,
): Promise<void> {
  await services.approvers.set({ subject, level, regionPrefix, addedBy: 'test' }, true);
}

export async function eventsAbout(dataSource: DataSource, accountId: string) {
  const rows = await dataSource.query<
    { envelope: { type: string; payload: Record<string, unknown> } }[]
  >('SELECT envelope FROM bundles.outbox WHERE message_key = $1 ORDER BY seq', [accountId]);
  return rows.map((row) => row.envelope);
}

/** Rows of every table a proposal step writes, to show that a refusal wrote nothing. */
export async function writtenRows(dataSource: DataSource): Promise<Record<string, number>> {
  const [row] = await dataSource.query<Record<string, string>[]>(
    `SELECT (SELECT count(*) FROM bundles.proposal) AS proposals,
            (SELECT count(*) FROM bundles.proposal_history) AS history,
            (SELECT count(*) FROM bundles.subscription) AS subscriptions,
            (SELECT count(*) FROM bundles.outbox) AS events,
            (SELECT coalesce(sum(version), 0) FROM bundles.proposal) AS versions`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

export async function rejection(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    return error as {
      code: string;
      kind: string;
      field?: string;
      violations: { field: string; reason: string; message: string }[];
    };
  }
  throw new Error('expected the call to be refused');
}

export interface SubscriptionOverrides {
  productCode?: string;
  quantity?: number;
  startsOn?: string;
  endsOn?: string | null;
}

/** A subscription as a sale leaves it (the product's version on sale, one price line). */
export async function seedSubscription(
  dataSource: DataSource,
  accountId: string,
  overrides: SubscriptionOverrides = {},
): Promise<string> {
  const id = randomUUID();
  const productCode = overrides.productCode ?? 'MOBILE_OFFICE';
  const quantity = overrides.quantity ?? 10;
  const startsOn = overrides.startsOn ?? '2026-01-01';
  const endsOn = overrides.endsOn ?? null;
  await dataSource.query(
    `INSERT INTO bundles.subscription (id, group_account_id, product_code, product_version,
       quantity, monthly_net_fen, monthly_gross_fen, one_time_net_fen, starts_on, ends_on, state)
     SELECT $1, $2, code, version, $4, 1000 * $4, 1060 * $4, 0, $5, $6,
            CASE WHEN $6::date IS NULL THEN 'ACTIVE' ELSE 'ENDED' END
       FROM bundles.product WHERE code = $3 AND lifecycle = 'ACTIVE'`,
    [id, accountId, productCode, quantity, startsOn, endsOn],
  );
  await dataSource.query(
    `INSERT INTO bundles.subscription_price (subscription_id, effective_on, quantity, tier,
       monthly_net_fen, monthly_gross_fen, line, changed_by)
     VALUES ($1, $2, $3, 'B', 1000 * $3, 1060 * $3, '{}', 'test')`,
    [id, startsOn, quantity],
  );
  return id;
}

/** A trial of a product or a template (version 1), started on a day, as the trials leave it. */
export async function seedTrial(
  dataSource: DataSource,
  accountId: string,
  subject: { kind: 'PRODUCT' | 'TEMPLATE'; code: string },
  startedOn: string,
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO bundles.trial (id, group_account_id, subject_kind, subject_code, subject_version,
       tier, state, started_by, started_at, ends_at, reminder_days)
     VALUES ($1, $2, $3, $4, 1, 'B', 'ACTIVE', 'test', ($5::date)::timestamp AT TIME ZONE 'Asia/Shanghai',
             ($5::date + 30)::timestamp AT TIME ZONE 'Asia/Shanghai', '{7,1}')`,
    [id, accountId, subject.kind, subject.code, startedOn],
  );
  return id;
}
