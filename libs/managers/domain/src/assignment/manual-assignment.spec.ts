import { manualAssignmentRefusal, requiresHandover } from './manual-assignment.js';

const owned = (status: 'ACTIVE' | 'ON_LEAVE' | 'LEAVING' | 'LEFT') => ({
  primaryManagerId: 'E1',
  primaryManagerStatus: status,
  openHandoverId: null,
});

describe('assignment by hand', () => {
  it('does not switch at once an account whose primary manager has not left: it asks for a handover', () => {
    expect(requiresHandover(owned('ACTIVE'))).toBe(true);
    expect(requiresHandover(owned('ON_LEAVE'))).toBe(true);
    expect(requiresHandover(owned('LEAVING'))).toBe(true);
  });

  it('assigns at once an account without a primary manager, or whose manager has left', () => {
    expect(
      requiresHandover({
        primaryManagerId: null,
        primaryManagerStatus: null,
        openHandoverId: null,
      }),
    ).toBe(false);
    expect(requiresHandover(owned('LEFT'))).toBe(false);
  });

  it('refuses an account in a handover, and the manager it already has', () => {
    expect(manualAssignmentRefusal({ ...owned('LEFT'), openHandoverId: 'h1' }, 'E2')).toBe(
      'ACCOUNT_IN_HANDOVER',
    );
    expect(manualAssignmentRefusal(owned('LEFT'), 'E1')).toBe('ALREADY_PRIMARY');
    expect(manualAssignmentRefusal(owned('LEFT'), 'E2')).toBeNull();
  });
});
