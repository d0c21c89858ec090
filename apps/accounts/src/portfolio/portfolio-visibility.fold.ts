import type { PortfolioEvent } from '@gap/accounts/domain';

export type VisibilityRelation = 'PRIMARY' | 'SUPERVISOR' | 'TEAM';

/** One `portfolio_entry` row: who sees the account, why, and since when (ISO-8601). */
export interface VisibilityEntry {
  readonly relation: VisibilityRelation;
  readonly subject: string;
  readonly since: string;
}

/** The event types that change who sees an account, as PortfolioStore handles them. */
export const VISIBILITY_EVENT_TYPES: ReadonlySet<PortfolioEvent['type']> = new Set([
  'ManagerAssigned',
  'AccountUnassignable',
  'TeamChanged',
]);

/**
 * An account's visibility rows after one event, exactly as `@gap/portfolio`'s PortfolioStore
 * writes them: a relation's subjects are replaced by the event's, a subject that stays keeps
 * its `since` (the store's insert does nothing on conflict), a new one gets the event's time.
 * The rebuild keeps these rows while it folds, because `since` depends on the history and the
 * folded facts do not hold it.
 */
export function foldVisibility(
  entries: readonly VisibilityEntry[],
  event: PortfolioEvent,
): VisibilityEntry[] {
  const at = event.occurredAt;
  switch (event.type) {
    case 'ManagerAssigned': {
      const { managerId, supervisorId } = event.payload;
      const primary = replace(entries, 'PRIMARY', [managerId], at);
      return replace(primary, 'SUPERVISOR', supervisorId ? [supervisorId] : [], at);
    }
    case 'AccountUnassignable': {
      const { currentManagerId } = event.payload;
      if (currentManagerId) return replace(entries, 'PRIMARY', [currentManagerId], at);
      return replace(replace(entries, 'PRIMARY', [], at), 'SUPERVISOR', [], at);
    }
    case 'TeamChanged': {
      const members = [...new Set(event.payload.members.map((m) => m.managerId))];
      return replace(entries, 'TEAM', members, at);
    }
    case 'AccountCreated':
    case 'AccountUpdated':
    case 'AccountStatusChanged':
    case 'TierAssigned':
    case 'TierChanged':
    case 'AccountValued':
    case 'HandoverPlanned':
    case 'HandoverStarted':
    case 'HandoverOverdue':
    case 'HandoverCompleted':
    case 'HandoverCancelled':
      return [...entries];
  }
}

function replace(
  entries: readonly VisibilityEntry[],
  relation: VisibilityRelation,
  subjects: readonly string[],
  since: string,
): VisibilityEntry[] {
  const kept = entries.filter((e) => e.relation !== relation || subjects.includes(e.subject));
  const present = new Set(kept.filter((e) => e.relation === relation).map((e) => e.subject));
  const added = [...new Set(subjects)]
    .filter((subject) => !present.has(subject))
    .map((subject) => ({ relation, subject, since }));
  return [...kept, ...added];
}
