import type { Permissions, Role, Scope } from '@gap/authz';

type Row = Readonly<Partial<Record<Role, Scope>>>;

/** Partner organisations are managed by admins; the channel's staff read them. */
const PARTNER_READ: Row = { SUPERVISOR: 'ALL', COORDINATOR: 'ALL', ADMIN: 'ALL' };
const ADMIN_ONLY: Row = { ADMIN: 'ALL' };
/**
 * Leads: a manager sees the leads assigned to them, a supervisor their team's, the
 * coordination team and admins all of them.
 */
const LEAD_READ: Row = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  ADMIN: 'ALL',
};
/** De-duplication and conflict reviews are the coordination team's. */
const REVIEW: Row = { COORDINATOR: 'ALL' };
/** Routing a lead to a manager: the coordination team, or a supervisor within their team. */
const ROUTE: Row = { SUPERVISOR: 'OWN_TEAM', COORDINATOR: 'ALL' };
/** Working a lead: its manager, or their supervisor. */
const WORK: Row = { ACCOUNT_MANAGER: 'OWN_PORTFOLIO', SUPERVISOR: 'OWN_TEAM' };
/**
 * The integration API: partners only, each with its own leads, deals and webhooks (the token's
 * partner id; another partner's is not found), within the scopes its client was granted.
 */
const PARTNER_OWN: Row = { PARTNER: 'OWN_PORTFOLIO' };

const ROWS = {
  partners: PARTNER_READ,
  partner: PARTNER_READ,
  registerPartner: ADMIN_ONLY,
  updatePartner: ADMIN_ONLY,
  changePartnerStatus: ADMIN_ONLY,
  partnerClients: ADMIN_ONLY,
  issuePartnerClient: ADMIN_ONLY,
  rotatePartnerClientSecret: ADMIN_ONLY,
  revokePartnerClient: ADMIN_ONLY,
  leads: LEAD_READ,
  lead: LEAD_READ,
  partnerLeads: LEAD_READ,
  '_entities.GroupAccount': LEAD_READ,
  'GroupAccount.leads': LEAD_READ,
  dealRegistrations: LEAD_READ,
  leadsReviewQueue: REVIEW,
  reviewDuplicate: REVIEW,
  leadConflicts: REVIEW,
  decideConflict: REVIEW,
  assignLead: ROUTE,
  recordLeadContact: WORK,
  convertLead: WORK,
  loseLead: WORK,
  'rest.submitPartnerLead': PARTNER_OWN,
  'rest.listPartnerLeads': PARTNER_OWN,
  'rest.getPartnerLead': PARTNER_OWN,
  'rest.registerPartnerDeal': PARTNER_OWN,
  'rest.listPartnerDeals': PARTNER_OWN,
  'rest.createPartnerWebhook': PARTNER_OWN,
  'rest.listPartnerWebhooks': PARTNER_OWN,
  'rest.deletePartnerWebhook': PARTNER_OWN,
  'rest.listPartnerWebhookDeliveries': PARTNER_OWN,
  'rest.replayPartnerWebhookDelivery': PARTNER_OWN,
  'rest.rotatePartnerWebhookSecret': PARTNER_OWN,
  'rest.listOrganization': PARTNER_OWN,
  'rest.retrieveOrganization': PARTNER_OWN,
  'rest.createOrganization': PARTNER_OWN,
  'rest.patchOrganization': PARTNER_OWN,
  'rest.deleteOrganization': PARTNER_OWN,
  'rest.listCustomer': PARTNER_OWN,
  'rest.retrieveCustomer': PARTNER_OWN,
  'rest.createPartyHub': PARTNER_OWN,
  'rest.retrievePartyHub': PARTNER_OWN,
  'rest.deletePartyHub': PARTNER_OWN,
  'rest.createCustomerHub': PARTNER_OWN,
  'rest.retrieveCustomerHub': PARTNER_OWN,
  'rest.deleteCustomerHub': PARTNER_OWN,
} as const satisfies Record<string, Row>;

/** Every operation of the partners subgraph the operator's people run, named as there. */
export const PARTNERS_OPERATIONS = Object.keys(ROWS) as (keyof typeof ROWS)[];
export type PartnersOperation = keyof typeof ROWS;

/**
 * The partners service's role × operation × scope matrix (ADR 9), one row per operation.
 * Partners themselves reach the integration API with OAuth scopes (PARTNER_SCOPES), never
 * these operations: the PARTNER role has no row here.
 */
export const PARTNERS_PERMISSIONS: Permissions<PartnersOperation> = ROWS;
