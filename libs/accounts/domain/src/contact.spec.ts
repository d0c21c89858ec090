import { checkContactFields } from './contact.js';

const today = '2026-11-23';

describe('contact fields', () => {
  it('normalises phones and e-mail and fills defaults', () => {
    const result = checkContactFields(
      { name: ' 李伟 ', mobile: '138 0591 2345', email: 'li.wei@XM.cn', birthday: '1980-02-29' },
      'input',
      today,
    );
    expect(result).toEqual({
      ok: true,
      fields: {
        name: '李伟',
        title: null,
        role: 'OTHER',
        mobile: '+8613805912345',
        officePhone: null,
        email: 'li.wei@xm.cn',
        preferredChannel: 'PHONE',
        birthday: '1980-02-29',
        keyDates: [],
      },
    });
  });

  it('names every invalid field', () => {
    const result = checkContactFields(
      {
        name: '',
        role: 'BOSS',
        mobile: '0592-5551234',
        officePhone: '555',
        email: 'nope',
        preferredChannel: 'FAX',
        birthday: '2030-01-01',
        keyDates: [
          { kind: 'CUSTOM', date: '2026-02-30' },
          { kind: 'PARTY', date: '2026-01-01' },
        ],
      },
      'input',
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => `${v.field}:${v.reason}`)).toEqual([
      'input.name:REQUIRED',
      'input.role:ROLE_UNKNOWN',
      'input.mobile:NOT_A_MOBILE',
      'input.officePhone:PHONE_INVALID',
      'input.email:EMAIL_INVALID',
      'input.preferredChannel:CHANNEL_UNKNOWN',
      'input.birthday:DATE_IN_FUTURE',
      'input.keyDates.0.date:DATE_INVALID',
      'input.keyDates.0.label:REQUIRED',
      'input.keyDates.1.kind:KEY_DATE_KIND_UNKNOWN',
    ]);
  });

  it('refuses a preferred channel the contact cannot be reached on', () => {
    const sms = checkContactFields(
      { name: '王芳', preferredChannel: 'SMS', email: 'w@x.cn' },
      'c',
      today,
    );
    expect(sms.ok || sms.violations[0]).toMatchObject({
      field: 'c.preferredChannel',
      reason: 'CHANNEL_UNREACHABLE',
    });
  });

  it('makes anniversaries yearly and an office move a one-off', () => {
    const result = checkContactFields(
      {
        name: '陈静',
        officePhone: '0591-87654321',
        keyDates: [
          { kind: 'LINE_ACTIVATION_ANNIVERSARY', date: '2019-06-01' },
          { kind: 'OFFICE_MOVE', date: '2027-03-15' },
        ],
      },
      'input',
      today,
    );
    expect(result.ok && result.fields.keyDates.map((d) => d.yearly)).toEqual([true, false]);
  });
});

describe('contact field messages', () => {
  it('says what is wrong in Chinese and in English, for every rule', () => {
    const checked = checkContactFields(
      {
        name: ' ',
        role: 'BOSS',
        mobile: '12345678901',
        email: 'x@',
        preferredChannel: 'FAX',
        birthday: '2999-01-01',
        keyDates: [{ kind: 'PARTY', date: 'soon' }],
      },
      'input',
      '2026-12-02',
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.violations.length).toBeGreaterThanOrEqual(7);
    for (const violation of checked.violations) {
      expect(violation.localized?.en).toBe(violation.message);
      expect(violation.localized?.['zh-CN']).toMatch(/[\p{Script=Han}]/u);
    }
  });
});
