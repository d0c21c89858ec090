import { DomainError } from '@gap/errors';
import { ROLES, type Caller, type Role } from './caller.js';

/**
 * How far an operation reaches for a role:
 * - OWN_PORTFOLIO: the accounts the caller is primary or team manager of (or registered, until
 *   they have a primary manager);
 * - OWN_TEAM: those, and the accounts and managers of everyone the caller supervises, directly
 *   or through the supervisors under them;
 * - REGION: everything in the caller's region;
 * - ALL: everything.
 */
export const SCOPES = ['OWN_PORTFOLIO', 'OWN_TEAM', 'REGION', 'ALL'] as const;
export type Scope = (typeof SCOPES)[number];

/** Role × operation × scope: which roles may run an operation, and how far. */
export type Permissions<Operation extends string> = Readonly<
  Record<Operation, Readonly<Partial<Record<Role, Scope>>>>
>;

const WIDTH: Readonly<Record<Scope, number>> = { OWN_PORTFOLIO: 0, OWN_TEAM: 1, REGION: 2, ALL: 3 };

/** The widest scope any of the caller's roles has for the operation, or null if none has it. */
export function scopeOf<Operation extends string>(
  permissions: Permissions<Operation>,
  operation: Operation,
  caller: Caller,
): Scope | null {
  let widest: Scope | null = null;
  for (const role of caller.roles) {
    const scope = permissions[operation][role];
    if (scope !== undefined && (widest === null || WIDTH[scope] > WIDTH[widest])) widest = scope;
  }
  return widest;
}

/** The caller's scope for the operation; a coded FORBIDDEN naming the operation otherwise. */
export function authorize<Operation extends string>(
  permissions: Permissions<Operation>,
  operation: Operation,
  caller: Caller,
): Scope {
  const scope = scopeOf(permissions, operation, caller);
  if (scope !== null) return scope;
  const allowed = ROLES.filter((role) => permissions[operation][role] !== undefined);
  throw DomainError.forbidden({
    'zh-CN': `您的角色无权执行 ${operation}${allowed.length > 0 ? `（允许的角色：${allowed.join('、')}）` : ''}。`,
    en: `Your role may not run ${operation}${allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''}.`,
  });
}

/** Whether the scope reaches beyond the caller's own portfolio and team to every account. */
export function isUnbounded(scope: Scope): boolean {
  return scope === 'ALL';
}

export function permittedRoles<Operation extends string>(
  permissions: Permissions<Operation>,
  operation: Operation,
): Role[] {
  return ROLES.filter((role) => permissions[operation][role] !== undefined);
}
