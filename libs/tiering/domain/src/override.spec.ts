import { checkOverride } from './override.js';

const TODAY = '2026-11-23';

describe('an override request', () => {
  it('passes with a reason and a last day within two years', () => {
    expect(checkOverride({ reason: '省政府战略客户', validUntil: '2027-06-30' }, TODAY)).toEqual(
      [],
    );
    expect(checkOverride({ reason: 'strategic', validUntil: TODAY }, TODAY)).toEqual([]);
  });

  it('names a missing reason and a last day in the past at once', () => {
    expect(checkOverride({ reason: '  ok  ', validUntil: '2026-11-22' }, TODAY)).toEqual([
      expect.objectContaining({ field: 'input.reason', reason: 'REASON_REQUIRED' }),
      expect.objectContaining({ field: 'input.validUntil', reason: 'DATE_IN_PAST' }),
    ]);
  });

  it('refuses a day that does not exist and one more than two years ahead', () => {
    expect(checkOverride({ reason: 'strategic', validUntil: '2027-02-29' }, TODAY)).toEqual([
      expect.objectContaining({ field: 'input.validUntil', reason: 'DATE_INVALID' }),
    ]);
    expect(checkOverride({ reason: 'strategic', validUntil: '2028-11-23' }, TODAY)).toEqual([]);
    expect(checkOverride({ reason: 'strategic', validUntil: '2028-11-24' }, TODAY)).toEqual([
      expect.objectContaining({ field: 'input.validUntil', reason: 'TOO_FAR_AHEAD' }),
    ]);
  });
});

describe('the reason of an override', () => {
  it('accepts a short Chinese reason such as 战略客户, measured by what its characters say', () => {
    // Failed before: 战略客户 is 4 characters, under the 6 the old rule counted.
    expect(checkOverride({ reason: '战略客户', validUntil: TODAY }, TODAY)).toEqual([]);
    expect(checkOverride({ reason: ' 战 ', validUntil: TODAY }, TODAY)).toEqual([
      expect.objectContaining({ field: 'input.reason', reason: 'REASON_REQUIRED' }),
    ]);
  });

  it('says in Chinese and English why a reason is refused', () => {
    const [refused] = checkOverride({ reason: 'ok', validUntil: TODAY }, TODAY);
    expect(refused?.localized?.['zh-CN']).toContain('原因');
    expect(refused?.localized?.en).toContain('Say why');
  });
});
