import { SEED_PRODUCTS, SEED_TEMPLATES, type AttributeSpec } from '@gap/bundles/domain';
import { Gateway } from './gateway-client.js';
import type { SeedHooks } from './seed.js';
import type { TokenFor } from './seed-coordination.js';
import { seedAdoption } from './seed-bundles-adoption.js';

type Line = {
  productCode: string;
  quantity: number;
  attributes: { name: string; value: string }[];
};
const line = (productCode: string, quantity: number, attributes: Record<string, string> = {}) => ({
  productCode,
  quantity,
  attributes: Object.entries(attributes).map(([name, value]) => ({ name, value })),
});

/** What a manager typically proposes with each template (list prices are the catalogue's). */
const CONFIGURATIONS: Readonly<Record<string, readonly Line[]>> = {
  SME_BUSINESS: [
    line('DIA', 1, { bandwidthMbps: '100' }),
    line('FIXED_LINE', 10),
    line('MOBILE_OFFICE', 20),
  ],
  LINE_AND_VOICE: [
    line('DIA', 2, { bandwidthMbps: '500', slaClass: 'GOLD' }),
    line('FIXED_LINE', 80),
    line('VPMN', 1, { members: '300' }),
    line('GROUP_CALLING', 300),
    line('MOBILE_OFFICE', 300),
  ],
  GOV_CLOUD: [
    line('CLOUD_HOST', 8, { vcpu: '8' }),
    line('CLOUD_STORAGE', 20),
    line('DATA_LINE', 2, { bandwidthMbps: '200', slaClass: 'GOLD' }),
  ],
  IOT_PACKAGE: [line('IOT_CARD', 500), line('CLOUD_HOST', 1)],
};

/** How far each demo proposal gets, with its manual discount (bp): every state is on the board. */
const STAGES: readonly [string, number][] = [
  ['ACCEPTED', 0],
  ['SENT', 0],
  ['SUBMITTED', 1200],
  ['DRAFT', 500],
  ['ACCEPTED', 300],
  ['APPROVED', 0],
];

const PROPOSAL = 'id state';

const attributeInput = (spec: AttributeSpec) =>
  spec.kind === 'ENUM'
    ? { ...spec, default: spec.default ?? null }
    : { ...spec, values: null, default: spec.default === undefined ? null : String(spec.default) };

/**
 * The bundles desk: the demo catalogue (leased lines by bandwidth, fixed lines, VPMN, group
 * calling, mobile office, SMS broadcast, cloud hosts and storage, IoT cards) and templates for
 * large enterprises, SMEs, government and IoT, an approver register, and proposals in every
 * state (some accepted, with their subscriptions) on demo accounts, drafted by each account's
 * primary manager. Skipped when the catalogue has products already.
 */
export async function seedBundles(
  url: string,
  admin: Gateway,
  tokenFor: TokenFor,
  accountIds: readonly string[],
  hooks: SeedHooks,
): Promise<void> {
  const existing = await admin.call<{ bundleProducts: unknown[] }>(
    'a first look at the catalogue',
    '{ bundleProducts { code } }',
    {},
    { idempotent: true },
  );
  if (existing.bundleProducts.length > 0) return;
  const catalogue = hooks.step(
    'bundles catalogue and templates',
    SEED_PRODUCTS.length + SEED_TEMPLATES.length,
  );
  for (const product of SEED_PRODUCTS) {
    const { version: _v, lifecycle, attributes, ...rest } = product;
    const saved = await admin.call<{ saveBundleProduct: { version: number } }>(
      'a product',
      'mutation P($input: SaveProductInput!) { saveBundleProduct(input: $input) { version } }',
      {
        input: {
          ...rest,
          attributes: attributes.map(attributeInput),
          priceBands: product.priceBands ?? [],
          surcharges: product.surcharges ?? [],
        },
      },
    );
    const steps =
      lifecycle === 'DRAFT' ? [] : lifecycle === 'ACTIVE' ? ['ACTIVE'] : ['ACTIVE', 'RETIRED'];
    for (const step of steps) {
      await admin.call(
        'its lifecycle',
        'mutation L($input: CatalogueLifecycleInput!) { setBundleProductLifecycle(input: $input) { code } }',
        {
          input: { code: product.code, version: saved.saveBundleProduct.version, lifecycle: step },
        },
      );
    }
    catalogue.advance();
  }
  for (const template of SEED_TEMPLATES) {
    const { version: _v, lifecycle: _l, eligibility: e, rules, ...rest } = template;
    const saved = await admin.call<{ saveBundleTemplate: { version: number } }>(
      'a template',
      'mutation T($input: SaveBundleTemplateInput!) { saveBundleTemplate(input: $input) { version } }',
      {
        input: {
          ...rest,
          rules: rules.map((rule) => ({ ...rule })),
          eligibility: {
            tiers: e.tiers ?? null,
            segments: e.segments ?? null,
            industries: e.industries ?? null,
            employeesMin: e.employees?.min ?? null,
            employeesMax: e.employees?.max ?? null,
            linesMin: e.lines?.min ?? null,
            linesMax: e.lines?.max ?? null,
            regionPrefixes: e.regionPrefixes ?? null,
          },
        },
      },
    );
    await admin.call(
      'its lifecycle',
      'mutation L($input: CatalogueLifecycleInput!) { setBundleTemplateLifecycle(input: $input) { code } }',
      {
        input: {
          code: template.code,
          version: saved.saveBundleTemplate.version,
          lifecycle: 'ACTIVE',
        },
      },
    );
    catalogue.advance();
  }
  for (const [subject, level] of [
    ['R0001', 'REGIONAL_DIRECTOR'],
    ['H0001', 'HEADQUARTERS'],
  ] as const) {
    await admin.call(
      'an approver',
      'mutation A($input: SetBundleApproverInput!) { setBundleApprover(input: $input) { subject } }',
      { input: { subject, level, regionPrefix: null, active: true } },
    );
  }
  catalogue.done();

  await untilProjected(admin, accountIds[0]);
  const wanted = Math.min(STAGES.length * 2, accountIds.length);
  const proposals = hooks.step('bundle proposals', wanted);
  let made = 0;
  for (const accountId of accountIds) {
    if (made >= wanted) break;
    const seen = await admin.call<{
      groupAccount: {
        primaryManager: { id: string; supervisorId: string | null } | null;
        qualifiedBundles: { templateCode: string; eligible: boolean }[];
      } | null;
    }>(
      'what an account qualifies for',
      `query Q($id: ID!) { groupAccount(id: $id) {
         primaryManager { id supervisorId } qualifiedBundles { templateCode eligible } } }`,
      { id: accountId },
      { idempotent: true },
    );
    const account = seen.groupAccount;
    const templateCode = account?.qualifiedBundles.find((q) => q.eligible)?.templateCode;
    const managerId = account?.primaryManager?.id;
    const configuration = templateCode ? CONFIGURATIONS[templateCode] : undefined;
    if (!templateCode || !managerId || !configuration) continue;
    const [stage, percentBp] = STAGES[made % STAGES.length] ?? ['DRAFT', 0];
    const seller = new Gateway(url, await tokenFor(managerId, ['ACCOUNT_MANAGER']));
    const act = async (mutation: string, inputType: string, input: object) =>
      (
        await seller.call<Record<string, { id: string; state: string }>>(
          `a proposal (${mutation})`,
          `mutation M($input: ${inputType}!) { ${mutation}(input: $input) { ${PROPOSAL} } }`,
          { input },
        )
      )[mutation];
    const drafted = await act('draftBundleProposal', 'BundleConfigurationInput', {
      groupAccountId: accountId,
      templateCode,
      lines: configuration,
      manualDiscount: percentBp > 0 ? { percentBp } : null,
    });
    const target = { id: drafted?.id };
    if (stage !== 'DRAFT') {
      const submitted = await act('submitBundleProposal', 'BundleProposalTarget', target);
      if (submitted?.state === 'APPROVED' && (stage === 'SENT' || stage === 'ACCEPTED')) {
        await act('sendBundleProposal', 'BundleProposalTarget', target);
        if (stage === 'ACCEPTED') await act('acceptBundleProposal', 'BundleProposalTarget', target);
      }
    }
    made += 1;
    proposals.advance();
  }
  proposals.done();
  await seedTrials(url, admin, tokenFor, accountIds.slice(-TRIALS.length * 2), hooks);
  await seedAdoption(url, admin, tokenFor, accountIds, hooks);
}

/** Demo trials: a bundle or a module, some running, one converted, one ended early. */
const TRIALS: readonly [subject: string | null, outcome: 'RUNNING' | 'CONVERT' | 'END'][] = [
  [null, 'RUNNING'],
  ['SMS_BROADCAST', 'RUNNING'],
  [null, 'CONVERT'],
  ['CLOUD_STORAGE', 'END'],
  ['MOBILE_OFFICE', 'RUNNING'],
  ['SMS_BROADCAST', 'CONVERT'],
];

/** Trials by each account's primary manager: a template it qualifies for, or a module alone. */
async function seedTrials(
  url: string,
  admin: Gateway,
  tokenFor: TokenFor,
  accountIds: readonly string[],
  hooks: SeedHooks,
): Promise<void> {
  const step = hooks.step('bundle trials', Math.min(TRIALS.length, accountIds.length));
  let made = 0;
  for (const accountId of accountIds) {
    if (made >= TRIALS.length) break;
    const [productCode, outcome] = TRIALS[made] ?? [null, 'RUNNING'];
    const seen = await admin.call<{
      groupAccount: {
        primaryManager: { id: string } | null;
        qualifiedBundles: { templateCode: string; eligible: boolean }[];
      } | null;
    }>(
      'what an account may try',
      `query Q($id: ID!) { groupAccount(id: $id) {
         primaryManager { id } qualifiedBundles { templateCode eligible } } }`,
      { id: accountId },
      { idempotent: true },
    );
    const templateCode = seen.groupAccount?.qualifiedBundles.find((q) => q.eligible)?.templateCode;
    const managerId = seen.groupAccount?.primaryManager?.id;
    const lines = productCode
      ? [line(productCode, 2)]
      : templateCode
        ? CONFIGURATIONS[templateCode]
        : undefined;
    if (!managerId || !lines) continue;
    const seller = new Gateway(url, await tokenFor(managerId, ['ACCOUNT_MANAGER']));
    const started = await seller.call<{ startTrial: { id: string } }>(
      'a trial',
      'mutation S($input: StartTrialInput!) { startTrial(input: $input) { id } }',
      {
        input: productCode
          ? { groupAccountId: accountId, productCode, note: '客户想先试用再决定。' }
          : { groupAccountId: accountId, templateCode, note: '试用整套方案。' },
      },
    );
    const target = { id: started.startTrial.id };
    if (outcome === 'CONVERT') {
      await seller.call(
        'a trial converted',
        'mutation C($input: ConvertTrialInput!) { convertTrial(input: $input) { id } }',
        { input: { ...target, lines } },
      );
    } else if (outcome === 'END') {
      await seller.call(
        'a trial ended early',
        'mutation E($input: TrialTarget!) { endTrialEarly(input: $input) { id } }',
        { input: target },
      );
    }
    made += 1;
    step.advance();
  }
  step.done();
}

/**
 * The bundles service learns of the accounts from events: waits (a while at most) until it
 * knows the first demo account, so the proposals find their accounts qualified.
 */
async function untilProjected(admin: Gateway, accountId: string | undefined): Promise<void> {
  if (!accountId) return;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const seen = await admin.call<{ groupAccount: { qualifiedBundles: unknown[] } | null }>(
      'whether bundles knows the accounts',
      'query Q($id: ID!) { groupAccount(id: $id) { qualifiedBundles { templateCode } } }',
      { id: accountId },
      { idempotent: true },
    );
    if ((seen.groupAccount?.qualifiedBundles.length ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}
