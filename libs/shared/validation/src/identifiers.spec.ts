import { isEmployeeNumber, isUuid } from './identifiers.js';

describe('identifiers', () => {
  it('knows a UUID of any version in either case, and nothing else', () => {
    expect(isUuid('0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001')).toBe(true);
    expect(isUuid('0B6C1A52-4D7E-1F0A-9C55-2D6F3F1E0001')).toBe(true);
    expect(isUuid('0b6c1a524d7e4f0a9c552d6f3f1e0001')).toBe(false);
    expect(isUuid("1' OR '1'='1")).toBe(false);
    expect(isUuid('0b6c1a52-4d7e-4f0a-9c55-2d6f3f1e0001\n')).toBe(false);
  });

  it('knows an employee number', () => {
    expect(isEmployeeNumber('E0001')).toBe(true);
    expect(isEmployeeNumber('a-b_c')).toBe(true);
    expect(isEmployeeNumber('E 0001')).toBe(false);
    expect(isEmployeeNumber('E'.repeat(33))).toBe(false);
  });
});
