import type { PartnersPolicy } from '../policy.js';
import type { Lead } from './lead-model.js';

const HOUR_MS = 3_600_000;

/**
 * Where a lead stands against its first-contact target: none before assignment (nobody can
 * call yet) or when it closed uncontacted; due or overdue while assigned; met or missed once
 * the manager made contact.
 */
export type FirstContactStatus = 'NONE' | 'DUE' | 'OVERDUE' | 'MET' | 'MISSED';

/**
 * When the manager must first contact the lead: the policy's hours for its priority, counted
 * in calendar hours from the first assignment (a reassignment does not buy time).
 */
export function firstContactDueAt(lead: Lead, policy: PartnersPolicy): Date | null {
  if (lead.assignedAt === null) return null;
  return new Date(lead.assignedAt.getTime() + policy.firstContactHours[lead.priority] * HOUR_MS);
}

export function firstContactStatus(
  lead: Lead,
  policy: PartnersPolicy,
  now: Date,
): FirstContactStatus {
  const due = firstContactDueAt(lead, policy);
  if (due === null) return 'NONE';
  if (lead.firstContactAt !== null) {
    return lead.firstContactAt.getTime() <= due.getTime() ? 'MET' : 'MISSED';
  }
  if (lead.state !== 'ASSIGNED') return 'NONE';
  return now.getTime() > due.getTime() ? 'OVERDUE' : 'DUE';
}

/** Whether the assigned manager is late with the first contact at `now`. */
export function isFirstContactOverdue(lead: Lead, policy: PartnersPolicy, now: Date): boolean {
  return firstContactStatus(lead, policy, now) === 'OVERDUE';
}

/** Hours from the lead's receipt to its first contact (partner performance), or null. */
export function hoursToFirstContact(lead: Lead): number | null {
  if (lead.firstContactAt === null) return null;
  return (lead.firstContactAt.getTime() - lead.receivedAt.getTime()) / HOUR_MS;
}
