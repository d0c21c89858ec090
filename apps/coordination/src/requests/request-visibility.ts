import { scopeCondition as portfolioCondition } from '@gap/portfolio';
import type { Viewer } from './request-viewer.js';

/**
 * The one rule of who sees a request, as SQL over `alias` (a coordination.request row): the
 * coordination team and admins see all; managers and supervisors the requests of the accounts
 * in their portfolio; department staff those their department leads or has a task on;
 * anyone else (partners, for now) none. `params` receives the values; not visible is not found.
 */
export function visibleCondition(viewer: Viewer, alias: string, params: unknown[]): string {
  if (viewer.all) return 'true';
  const parts: string[] = [];
  if (viewer.portfolio) {
    params.push(viewer.subject);
    const subject = `$${params.length}`;
    parts.push(
      portfolioCondition(
        { kind: 'PORTFOLIO', subject: viewer.subject },
        'coordination',
        `${alias}.group_account_id`,
        'NULL::text',
        subject,
      ),
    );
  }
  if (viewer.departmentIds.length > 0) {
    params.push(viewer.departmentIds);
    const departments = `$${params.length}::text[]`;
    parts.push(`(${alias}.lead_department_id = ANY(${departments})
      OR EXISTS (SELECT 1 FROM jsonb_array_elements(${alias}.body->'request'->'tasks') t
                  WHERE t->>'departmentId' = ANY(${departments})))`);
  }
  return parts.length > 0 ? `(${parts.join(' OR ')})` : 'false';
}

/** Whether the viewer may raise a request for the account (sees it in their portfolio). */
export function accountVisibleCondition(viewer: Viewer, accountParam: string, params: unknown[]) {
  // The account's placeholder is named either way, so that its type is known to PostgreSQL.
  if (viewer.all) return `(${accountParam} IS NOT NULL)`;
  if (!viewer.portfolio) return `(${accountParam} IS NULL AND false)`;
  params.push(viewer.subject);
  return `EXISTS (SELECT 1 FROM coordination.portfolio_entry pe
                   WHERE pe.group_account_id = ${accountParam} AND pe.subject = $${params.length})`;
}
