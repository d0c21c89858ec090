export const ROLES = [
  'ACCOUNT_MANAGER',
  'SUPERVISOR',
  'COORDINATOR',
  'DEPARTMENT_STAFF',
  'PARTNER',
  'ADMIN',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The verified person or system behind a request, as every service sees it. */
export interface Caller {
  /** The identity provider's subject: an employee number, a partner id. */
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly name?: string;
  /** The partner organisation a PARTNER caller acts for. */
  readonly partnerId?: string;
  /** The OAuth client a PARTNER caller's token was issued to (its `client_id`). */
  readonly clientId?: string;
  /** The OAuth scopes the token grants (its `scope`), for partners' integration routes. */
  readonly scopes?: readonly string[];
}

export function hasRole(caller: Caller, ...roles: readonly Role[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}
