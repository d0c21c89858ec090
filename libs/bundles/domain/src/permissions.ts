import type { Permissions, Role, Scope } from '@gap/authz';

type Row = Readonly<Partial<Record<Role, Scope>>>;

/** Everyone inside the operator reads the catalogue, the templates and the policy. */
const STAFF_READ: Row = {
  ACCOUNT_MANAGER: 'ALL',
  SUPERVISOR: 'ALL',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};
const ADMIN_ONLY: Row = { ADMIN: 'ALL' };

/** An account's bundles, proposals and subscriptions: managers see their portfolio. */
const ACCOUNT_READ: Row = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  ADMIN: 'ALL',
};
/** Selling: the manager of the account (or their supervisor) drafts, submits, sends, records. */
const SELL: Row = { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM' };
/**
 * Deciding on a discount beyond policy: the approver register says at which level and over
 * which accounts each approver acts (see the proposal feature), so the role reaches wide here.
 */
const DECIDE: Row = { SUPERVISOR: 'ALL', ADMIN: 'ALL' };
/** A campaign over the whole book: supervisors and admins. */
const CAMPAIGN: Row = { SUPERVISOR: 'ALL', ADMIN: 'ALL' };

const ROWS = {
  bundleProducts: STAFF_READ,
  bundleProduct: STAFF_READ,
  bundleTemplates: STAFF_READ,
  bundleTemplate: STAFF_READ,
  bundlesPolicy: STAFF_READ,
  bundleApprovers: STAFF_READ,
  checkBundleConfiguration: SELL,
  templateQualification: CAMPAIGN,
  bundleProposal: ACCOUNT_READ,
  '_entities.GroupAccount': ACCOUNT_READ,
  'GroupAccount.qualifiedBundles': ACCOUNT_READ,
  'GroupAccount.proposals': ACCOUNT_READ,
  'GroupAccount.subscriptions': ACCOUNT_READ,
  saveBundleProduct: ADMIN_ONLY,
  setBundleProductLifecycle: ADMIN_ONLY,
  saveBundleTemplate: ADMIN_ONLY,
  setBundleTemplateLifecycle: ADMIN_ONLY,
  setBundleApprover: ADMIN_ONLY,
  draftBundleProposal: SELL,
  reviseBundleProposal: SELL,
  submitBundleProposal: SELL,
  approveBundleProposal: DECIDE,
  rejectBundleProposal: DECIDE,
  sendBundleProposal: SELL,
  acceptBundleProposal: SELL,
  declineBundleProposal: SELL,
  'rest.getBundleQualification': ACCOUNT_READ,
  'rest.listBundleProposals': ACCOUNT_READ,
  'rest.getBundleProposal': ACCOUNT_READ,
  'rest.draftBundleProposal': SELL,
  'rest.submitBundleProposal': SELL,
  'rest.approveBundleProposal': DECIDE,
  'rest.rejectBundleProposal': DECIDE,
  'rest.sendBundleProposal': SELL,
  'rest.acceptBundleProposal': SELL,
  'rest.declineBundleProposal': SELL,
  trials: ACCOUNT_READ,
  trial: ACCOUNT_READ,
  trialConversionRates: CAMPAIGN,
  'GroupAccount.trials': ACCOUNT_READ,
  startTrial: SELL,
  convertTrial: SELL,
  endTrialEarly: SELL,
  changeSubscription: SELL,
  endSubscription: SELL,
  importBundleUsage: ADMIN_ONLY,
  recordProductPresented: SELL,
  'GroupAccount.adoption': ACCOUNT_READ,
  adoptionReport: CAMPAIGN,
} as const;

/** Every operation of the bundles subgraph and its REST API, named as there. */
export const BUNDLES_OPERATIONS = Object.keys(ROWS) as (keyof typeof ROWS)[];
export type BundlesOperation = keyof typeof ROWS;

/** The bundles service's role × operation × scope matrix (ADR 9), one row per operation. */
export const BUNDLES_PERMISSIONS: Permissions<BundlesOperation> = ROWS;
