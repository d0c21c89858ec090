import { HANDOVER_STATES, stateRefusal, type HandoverAction } from './handover-state.js';

describe('the handover state machine', () => {
  it.each<[HandoverAction, string[]]>([
    ['START', ['PLANNED']],
    ['RESOLVE_ITEM', ['PLANNED', 'SHADOWING']],
    ['COMPLETE', ['SHADOWING']],
    ['CANCEL', ['PLANNED', 'SHADOWING']],
  ])('lets %s run only from %j', (action, allowed) => {
    for (const state of HANDOVER_STATES) {
      expect({ state, refused: stateRefusal(state, action) !== null }).toEqual({
        state,
        refused: !allowed.includes(state),
      });
    }
  });

  it('names why a closed or early handover refuses an action', () => {
    expect(stateRefusal('PLANNED', 'COMPLETE')?.code).toBe('HANDOVER_NOT_STARTED');
    expect(stateRefusal('SHADOWING', 'START')?.code).toBe('HANDOVER_ALREADY_STARTED');
    expect(stateRefusal('COMPLETED', 'CANCEL')?.code).toBe('HANDOVER_COMPLETED');
    expect(stateRefusal('CANCELLED', 'COMPLETE')?.code).toBe('HANDOVER_CANCELLED');
    expect(stateRefusal('COMPLETED', 'RESOLVE_ITEM')?.code).toBe('HANDOVER_CLOSED');
  });
});
