import { checkAccountFields } from './account-fields.js';

const rules = { prefix: 'input', today: '2026-11-23', mode: 'create' as const };
const valid = {
  name: '厦门鹭岛物流集团有限公司',
  creditCode: '91350100M000100Y43',
  type: 'ENTERPRISE',
  industryCode: 'g',
  regionCode: '350203',
};

describe('account fields', () => {
  it('accepts a complete account and fills defaults', () => {
    const result = checkAccountFields(
      { ...valid, employees: 1200, tags: [' 上市公司', '上市公司'] },
      rules,
    );
    expect(result).toEqual({
      ok: true,
      fields: {
        name: valid.name,
        creditCode: valid.creditCode,
        type: 'ENTERPRISE',
        industryCode: 'G',
        regionCode: '350203',
        employees: 1200,
        tags: ['上市公司'],
        status: 'PROSPECT',
      },
    });
  });

  it('names each missing identifying field once on create', () => {
    const result = checkAccountFields({ name: ' ' }, rules);
    expect(!result.ok && result.violations.map((v) => `${v.field}:${v.reason}`)).toEqual([
      'input.name:REQUIRED',
      'input.creditCode:REQUIRED',
      'input.type:REQUIRED',
      'input.industryCode:REQUIRED',
      'input.regionCode:REQUIRED',
    ]);
  });

  it('lets an update name only what changes', () => {
    expect(checkAccountFields({ linesCount: 30 }, { ...rules, mode: 'update' })).toEqual({
      ok: true,
      fields: { linesCount: 30 },
    });
  });

  it('lets a legacy code with a wrong check character through only under an override', () => {
    const legacy = { ...valid, creditCode: '91350100M000100Y44' };
    expect(checkAccountFields(legacy, rules).ok).toBe(false);
    expect(checkAccountFields(legacy, { ...rules, creditCodeOverride: true }).ok).toBe(true);
    const malformed = { ...valid, creditCode: '91350100M000100Y4' };
    expect(checkAccountFields(malformed, { ...rules, creditCodeOverride: true }).ok).toBe(false);
  });
});

describe('account field messages', () => {
  it('says what is wrong in Chinese and in English, for every rule', () => {
    const checked = checkAccountFields(
      {
        name: '很'.repeat(201),
        creditCode: '91350100M000100Y4',
        type: 'PERSON',
        industryCode: 'Z',
        regionCode: '990101',
        employees: -1,
        foundedOn: '2999-01-01',
        tags: [''],
        status: 'GONE',
      },
      { prefix: 'input', today: '2026-12-02', mode: 'create' },
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.violations).toHaveLength(9);
    for (const violation of checked.violations) {
      expect(violation.localized?.en).toBe(violation.message);
      expect(violation.localized?.['zh-CN']).toMatch(/[\p{Script=Han}]/u);
    }
  });
});
