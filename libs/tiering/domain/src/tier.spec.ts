import { initialTierForNewAccount } from './tier.js';

describe('initial tier of a new account', () => {
  it('starts a new prospect in tier C until its value is known', () => {
    expect(initialTierForNewAccount()).toEqual({
      tier: 'C',
      reason: 'NEW_ACCOUNT_WITHOUT_VALUE_HISTORY',
    });
  });
});
