import { canChangeStatus } from './lifecycle.js';
import { descendantsUpperBound, isSameOrBelow, pathCodes } from './hierarchy.js';

describe('account lifecycle', () => {
  it.each([
    ['PROSPECT', 'ACTIVE'],
    ['ACTIVE', 'SUSPENDED'],
    ['SUSPENDED', 'ACTIVE'],
    ['ACTIVE', 'CHURNED'],
    ['CHURNED', 'PROSPECT'],
  ] as const)('allows %s -> %s', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(true);
  });

  it.each([
    ['PROSPECT', 'SUSPENDED'],
    ['CHURNED', 'ACTIVE'],
    ['ACTIVE', 'PROSPECT'],
    ['ACTIVE', 'ACTIVE'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canChangeStatus(from, to)).toBe(false);
  });
});

describe('hierarchy paths', () => {
  it('tells a descendant from a code that merely starts the same', () => {
    expect(isSameOrBelow('GA1/GA2/GA3', 'GA1/GA2')).toBe(true);
    expect(isSameOrBelow('GA1/GA22', 'GA1/GA2')).toBe(false);
    expect(pathCodes('GA1/GA2')).toEqual(['GA1', 'GA2']);
  });

  it('bounds the descendants range just above the separator', () => {
    const bound = descendantsUpperBound('GA1');
    expect('GA1/GA9' < bound).toBe(true);
    expect('GA1' < bound && 'GA10' >= bound && 'GA10/GA2' > bound).toBe(true);
  });
});
