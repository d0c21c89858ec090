import { ASSIGNMENT_OPERATIONS } from './authz/assignment.permissions.js';
import { HANDOVER_OPERATIONS } from './authz/handover.permissions.js';
import { MANAGERS_OPERATIONS, MANAGERS_PERMISSIONS } from './permissions.js';

describe('the managers service’s permission matrix', () => {
  it('gives every operation exactly one row, from exactly one feature', () => {
    const shared = HANDOVER_OPERATIONS.filter((op) =>
      (ASSIGNMENT_OPERATIONS as readonly string[]).includes(op),
    );
    expect(shared).toEqual([]);
    expect(Object.keys(MANAGERS_PERMISSIONS).sort()).toEqual([...MANAGERS_OPERATIONS].sort());
  });
});
