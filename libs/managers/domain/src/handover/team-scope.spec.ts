import { reachesAnyManager } from './team-scope.js';

describe('a supervisor acts only within their own team, transitively', () => {
  const team = new Set(['E2', 'E3']);

  it('reaches the caller and everyone they supervise, directly or not, and nobody else', () => {
    expect(reachesAnyManager('OWN_TEAM', 'S1', ['E3'], team)).toBe(true);
    expect(reachesAnyManager('OWN_TEAM', 'S1', ['S1'], team)).toBe(true);
    expect(reachesAnyManager('OWN_TEAM', 'S1', ['X9'], team)).toBe(false);
  });

  it('reaches only the caller for an own portfolio, and everyone for all', () => {
    expect(reachesAnyManager('OWN_PORTFOLIO', 'E2', ['E2', 'E9'], team)).toBe(true);
    expect(reachesAnyManager('OWN_PORTFOLIO', 'E2', ['E3'], team)).toBe(false);
    expect(reachesAnyManager('ALL', 'A1', ['X9'], new Set())).toBe(true);
  });
});
