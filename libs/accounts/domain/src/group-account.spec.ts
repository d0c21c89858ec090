import { isIndustryCode, isRegionCode } from './group-account.js';

describe('industry and region codes', () => {
  it('knows the manufacturing section of GB/T 4754', () => {
    expect(isIndustryCode('C')).toBe(true);
  });

  it('rejects an industry section that does not exist', () => {
    expect(isIndustryCode('Z')).toBe(false);
    expect(isIndustryCode('toString')).toBe(false);
  });

  it('accepts a district code in Fujian and rejects an unknown province', () => {
    expect(isRegionCode('350102')).toBe(true);
    expect(isRegionCode('990102')).toBe(false);
    expect(isRegionCode('35010')).toBe(false);
  });
});
