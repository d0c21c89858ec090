import { reason, type Reason } from '@gap/i18n';

/**
 * A handover's life: PLANNED → SHADOWING (both managers serve the account; the outgoing one is
 * still primary) → COMPLETED (the switch), or CANCELLED from either open state.
 */
export const HANDOVER_STATES = ['PLANNED', 'SHADOWING', 'COMPLETED', 'CANCELLED'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];
export const OPEN_HANDOVER_STATES: readonly HandoverState[] = ['PLANNED', 'SHADOWING'];

export type HandoverAction = 'START' | 'RESOLVE_ITEM' | 'COMPLETE' | 'CANCEL';

/** Why a handover refuses an action in its state. */
export type HandoverStateRefusal = Reason<
  | 'HANDOVER_NOT_STARTED'
  | 'HANDOVER_ALREADY_STARTED'
  | 'HANDOVER_COMPLETED'
  | 'HANDOVER_CANCELLED'
  | 'HANDOVER_CLOSED'
>;

/** The state each action needs; null when the action may run in `state`. */
const NEEDS: Readonly<Record<HandoverAction, readonly HandoverState[]>> = {
  START: ['PLANNED'],
  RESOLVE_ITEM: ['PLANNED', 'SHADOWING'],
  COMPLETE: ['SHADOWING'],
  CANCEL: ['PLANNED', 'SHADOWING'],
};

/** The state an action leads to. */
export const NEXT_STATE: Readonly<Record<HandoverAction, HandoverState>> = {
  START: 'SHADOWING',
  RESOLVE_ITEM: 'SHADOWING',
  COMPLETE: 'COMPLETED',
  CANCEL: 'CANCELLED',
};

export function isOpen(state: HandoverState): boolean {
  return OPEN_HANDOVER_STATES.includes(state);
}

/** Whether a handover in `state` may take `action`: null if so, the refusal otherwise. */
export function stateRefusal(
  state: HandoverState,
  action: HandoverAction,
): HandoverStateRefusal | null {
  if (NEEDS[action].includes(state)) return null;
  const figures = { state, action };
  if (action === 'RESOLVE_ITEM') return reason('HANDOVER_CLOSED', figures);
  switch (state) {
    case 'COMPLETED':
      return reason('HANDOVER_COMPLETED', figures);
    case 'CANCELLED':
      return reason('HANDOVER_CANCELLED', figures);
    case 'PLANNED':
      return reason('HANDOVER_NOT_STARTED', figures);
    case 'SHADOWING':
      return reason('HANDOVER_ALREADY_STARTED', figures);
  }
}
