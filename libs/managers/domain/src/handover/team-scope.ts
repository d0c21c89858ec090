import type { Scope } from '@gap/authz';

/**
 * Whether a caller whose scope is `scope` may act on something that concerns `managerIds`:
 * ALL and REGION reach everyone (managers carry no single region), OWN_TEAM the caller and
 * everyone they supervise directly or through the supervisors under them (`team`),
 * OWN_PORTFOLIO the caller alone.
 */
export function reachesAnyManager(
  scope: Scope,
  caller: string,
  managerIds: readonly string[],
  team: ReadonlySet<string>,
): boolean {
  switch (scope) {
    case 'ALL':
    case 'REGION':
      return true;
    case 'OWN_TEAM':
      return managerIds.some((id) => id === caller || team.has(id));
    case 'OWN_PORTFOLIO':
      return managerIds.includes(caller);
  }
}
