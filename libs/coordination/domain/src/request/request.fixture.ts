// Builders for the request specs (not exported by the library).
import type { TransitionContext, TransitionOutcome } from './request-commands.js';
import { submittedRequest, type Actor, type CoordinationRequest } from './request-model.js';

export const DEPARTMENTS = [
  'GROUP_CUSTOMER',
  'NETWORK',
  'IT_SUPPORT',
  'FINANCE',
  'PRODUCT',
  'LEGAL',
];

export const coordinator: Actor = {
  id: 'E1001',
  coordinator: true,
  departmentIds: ['GROUP_CUSTOMER'],
};
export const manager: Actor = {
  id: 'M2001',
  coordinator: false,
  departmentIds: ['GROUP_CUSTOMER'],
};
export const networkStaff: Actor = { id: 'E3001', coordinator: false, departmentIds: ['NETWORK'] };
export const financeStaff: Actor = { id: 'E4001', coordinator: false, departmentIds: ['FINANCE'] };
export const legalStaff: Actor = { id: 'E5001', coordinator: false, departmentIds: ['LEGAL'] };

export function aRequest(overrides: Partial<CoordinationRequest> = {}): CoordinationRequest {
  return {
    ...submittedRequest({
      id: 'R1',
      accountId: 'A1',
      type: 'LEASED_LINE_BUILD',
      priority: 'P2',
      raisedBy: { kind: 'MANAGER', id: manager.id },
    }),
    ...overrides,
  };
}

export function contextFor(
  actor: Actor,
  now = new Date('2026-12-02T02:00:00Z'),
): TransitionContext {
  let next = 0;
  return {
    actor,
    now,
    reopenWindowDays: 30,
    knownDepartmentIds: new Set(DEPARTMENTS),
    newTaskId: (departmentId) => `T${++next}-${departmentId}`,
  };
}

/** The outcome's request, or a failure naming the refusal. */
export function accepted(outcome: TransitionOutcome): Extract<TransitionOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code}`);
  return outcome;
}

export function refusalCode(outcome: TransitionOutcome): string | null {
  return outcome.ok ? null : outcome.refusal.code;
}
