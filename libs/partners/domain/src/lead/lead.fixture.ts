import { receivedLead, type Lead, type LeadActor } from './lead-model.js';

export const t0 = new Date('2026-12-01T01:00:00Z');
export const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);

export const intake: LeadActor = { id: 'intake', role: 'SYSTEM' };
export const coordinator: LeadActor = { id: 'C-1', role: 'COORDINATOR' };
export const supervisor: LeadActor = { id: 'S-1', role: 'SUPERVISOR' };
export const manager: LeadActor = { id: 'M-1', role: 'MANAGER' };
export const otherManager: LeadActor = { id: 'M-2', role: 'MANAGER' };
/** The partner of {@link aLead}'s leads, and another. */
export const partner: LeadActor = { id: 'P-1', role: 'PARTNER' };
export const otherPartner: LeadActor = { id: 'P-2', role: 'PARTNER' };

/** A lead in any state, with the fields that state implies; overrides last. */
export function aLead(overrides: Partial<Lead> = {}): Lead {
  const base = receivedLead('L-1', 'P-1', 'P2', t0);
  const state = overrides.state ?? 'RECEIVED';
  const assigned = ['ASSIGNED', 'CONTACTED', 'CONVERTED'].includes(state);
  return {
    ...base,
    accountId: state === 'RECEIVED' ? null : 'acc-1',
    managerId: assigned ? manager.id : null,
    assignedAt: assigned ? later(1) : null,
    firstContactAt: state === 'CONTACTED' || state === 'CONVERTED' ? later(2) : null,
    ...overrides,
  };
}
