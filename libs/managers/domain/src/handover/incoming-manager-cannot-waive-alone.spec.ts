import { DEFAULT_MANAGER_POLICY, type ManagerPolicy } from '../policy.js';
import { waiverRefusal, type WaiverActor } from './checklist-waiver.js';

const nobody: WaiverActor = {
  isOutgoingManager: false,
  isIncomingManager: false,
  isSupervisor: false,
  isAdmin: false,
};
const withWaivers = (waivedBy: ManagerPolicy['handover']['waivedBy']): ManagerPolicy => ({
  ...DEFAULT_MANAGER_POLICY,
  handover: { ...DEFAULT_MANAGER_POLICY.handover, waivedBy },
});

describe('the incoming manager alone cannot waive checklist items', () => {
  it('refuses the incoming manager, whatever the policy lists', () => {
    const incoming = { ...nobody, isIncomingManager: true };
    expect(waiverRefusal(incoming, DEFAULT_MANAGER_POLICY)?.code).toBe('WAIVER_NOT_ALLOWED');
    expect(
      waiverRefusal(incoming, withWaivers(['OUTGOING_MANAGER', 'SUPERVISOR', 'ADMIN'])),
    ).not.toBeNull();
  });

  it('lets the supervisor and the admin waive by default, not the outgoing manager', () => {
    expect(waiverRefusal({ ...nobody, isSupervisor: true }, DEFAULT_MANAGER_POLICY)).toBeNull();
    expect(waiverRefusal({ ...nobody, isAdmin: true }, DEFAULT_MANAGER_POLICY)).toBeNull();
    expect(
      waiverRefusal({ ...nobody, isOutgoingManager: true }, DEFAULT_MANAGER_POLICY)?.code,
    ).toBe('WAIVER_NOT_ALLOWED');
  });

  it('lets the outgoing manager waive when the policy says so', () => {
    const policy = withWaivers(['OUTGOING_MANAGER', 'ADMIN']);
    expect(waiverRefusal({ ...nobody, isOutgoingManager: true }, policy)).toBeNull();
    expect(waiverRefusal({ ...nobody, isSupervisor: true }, policy)?.code).toBe(
      'WAIVER_NOT_ALLOWED',
    );
  });
});
