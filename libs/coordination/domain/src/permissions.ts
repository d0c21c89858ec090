import type { Permissions, Role, Scope } from '@gap/authz';

/** Everyone inside the operator reads the departments and the coordination team; partners do not. */
const STAFF_READ: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'ALL',
  SUPERVISOR: 'ALL',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};

/** Reading requests: each sees what the one visibility rule of the request feature lets them. */
const REQUEST_READ: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
  ADMIN: 'ALL',
};
/** Raising a request: managers for their accounts, the coordination team for any. */
const REQUEST_RAISE: Readonly<Partial<Record<Role, Scope>>> = {
  ACCOUNT_MANAGER: 'OWN_PORTFOLIO',
  SUPERVISOR: 'OWN_TEAM',
  COORDINATOR: 'ALL',
};
const TEAM_ONLY: Readonly<Partial<Record<Role, Scope>>> = { COORDINATOR: 'ALL' };
const DEPARTMENT_WORK: Readonly<Partial<Record<Role, Scope>>> = { DEPARTMENT_STAFF: 'ALL' };
const LEAD_OR_TEAM: Readonly<Partial<Record<Role, Scope>>> = {
  COORDINATOR: 'ALL',
  DEPARTMENT_STAFF: 'ALL',
};
const REQUESTER_OR_TEAM = REQUEST_RAISE;

const ADMIN_ONLY: Readonly<Partial<Record<Role, Scope>>> = { ADMIN: 'ALL' };

/** TMF621 trouble tickets: a partner reads the tickets it raised (OWN_PORTFOLIO: its own). */
const TICKET_READ: Readonly<Partial<Record<Role, Scope>>> = {
  ...REQUEST_READ,
  PARTNER: 'OWN_PORTFOLIO',
};
/** A PATCH of the status runs one transition, whose own row and guards decide. */
const TICKET_CHANGE: Readonly<Partial<Record<Role, Scope>>> = {
  ...REQUEST_RAISE,
  DEPARTMENT_STAFF: 'ALL',
};

/** The request feature's operations: graph root fields, then REST operations. */
const REQUEST_ROWS = {
  coordinationRequest: REQUEST_READ,
  coordinationRequests: REQUEST_READ,
  coordinationRequestAudit: REQUEST_READ,
  '_entities.GroupAccount': REQUEST_READ,
  'GroupAccount.coordinationRequests': REQUEST_READ,
  'GroupAccount.slaSummary': REQUEST_READ,
  slaBoard: REQUEST_READ,
  submitCoordinationRequest: REQUEST_RAISE,
  triageCoordinationRequest: TEAM_ONLY,
  rejectCoordinationRequest: TEAM_ONLY,
  cancelCoordinationRequest: REQUESTER_OR_TEAM,
  acceptCoordinationTask: DEPARTMENT_WORK,
  completeCoordinationTask: DEPARTMENT_WORK,
  declineCoordinationTask: DEPARTMENT_WORK,
  waitForCustomer: LEAD_OR_TEAM,
  customerResponded: LEAD_OR_TEAM,
  resolveCoordinationRequest: LEAD_OR_TEAM,
  confirmCoordinationRequest: REQUESTER_OR_TEAM,
  recordComplaintCallback: TEAM_ONLY,
  closeCoordinationRequest: TEAM_ONLY,
  reopenCoordinationRequest: REQUESTER_OR_TEAM,
  'rest.listCoordinationRequests': REQUEST_READ,
  'rest.getCoordinationRequest': REQUEST_READ,
  'rest.getCoordinationRequestAudit': REQUEST_READ,
  'rest.submitCoordinationRequest': REQUEST_RAISE,
  'rest.triageCoordinationRequest': TEAM_ONLY,
  'rest.acceptCoordinationTask': DEPARTMENT_WORK,
  'rest.completeCoordinationTask': DEPARTMENT_WORK,
  'rest.declineCoordinationTask': DEPARTMENT_WORK,
  'rest.resolveCoordinationRequest': LEAD_OR_TEAM,
  'rest.recordComplaintCallback': TEAM_ONLY,
  'rest.closeCoordinationRequest': TEAM_ONLY,
  'rest.reopenCoordinationRequest': REQUESTER_OR_TEAM,
  'rest.cancelCoordinationRequest': REQUESTER_OR_TEAM,
  // The work queues: a department's tasks; breaching soon (the team, and department heads,
  // which the use case checks); what nobody has taken (the team's triage queue).
  'rest.listDepartmentTasks': { DEPARTMENT_STAFF: 'ALL', COORDINATOR: 'ALL', ADMIN: 'ALL' },
  'rest.listBreachingRequests': { COORDINATOR: 'ALL', DEPARTMENT_STAFF: 'ALL', ADMIN: 'ALL' },
  'rest.listUnassignedRequests': { COORDINATOR: 'ALL', ADMIN: 'ALL' },
  'rest.listTroubleTicket': TICKET_READ,
  'rest.retrieveTroubleTicket': TICKET_READ,
  'rest.createTroubleTicket': REQUEST_RAISE,
  'rest.patchTroubleTicket': TICKET_CHANGE,
  'rest.createHub': TICKET_READ,
  'rest.hubGet': TICKET_READ,
  'rest.hubDelete': TICKET_READ,
} as const;
const REQUEST_OPERATIONS_LIST = Object.keys(REQUEST_ROWS) as (keyof typeof REQUEST_ROWS)[];

/** Every operation of the coordination subgraph and its REST API, named as there. */
export const COORDINATION_OPERATIONS = [
  'departments',
  'coordinationTeam',
  'saveDepartment',
  'setDepartmentMembers',
  'setCoordinationTeamMember',
  'slaPolicies',
  'createSlaPolicy',
  'calendarDays',
  'businessCalendarWarnings',
  'addCalendarDay',
  'removeCalendarDay',
  'requestEscalations',
  ...REQUEST_OPERATIONS_LIST,
] as const;
export type CoordinationOperation = (typeof COORDINATION_OPERATIONS)[number];

/** The coordination service's role × operation × scope matrix (ADR 9), one row per operation. */
export const COORDINATION_PERMISSIONS: Permissions<CoordinationOperation> = {
  departments: STAFF_READ,
  coordinationTeam: STAFF_READ,
  saveDepartment: ADMIN_ONLY,
  setDepartmentMembers: ADMIN_ONLY,
  setCoordinationTeamMember: ADMIN_ONLY,
  slaPolicies: STAFF_READ,
  createSlaPolicy: ADMIN_ONLY,
  calendarDays: STAFF_READ,
  businessCalendarWarnings: STAFF_READ,
  addCalendarDay: ADMIN_ONLY,
  removeCalendarDay: ADMIN_ONLY,
  requestEscalations: REQUEST_READ,
  ...REQUEST_ROWS,
};
