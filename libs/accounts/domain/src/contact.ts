import { violation, type FieldViolation } from '@gap/errors';
import type { Localized } from '@gap/i18n';
import { addDays, isCalendarDate, type CalendarDate } from '@gap/calendar';
import { checkChinesePhone, normaliseEmail } from './phone.js';

export const CONTACT_ROLES = ['DECISION_MAKER', 'IT_LEAD', 'FINANCE', 'USER', 'OTHER'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_CHANNELS = ['PHONE', 'SMS', 'EMAIL', 'VISIT'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Yearly dates come round every year; an office move happens once. */
export const KEY_DATE_KINDS = ['LINE_ACTIVATION_ANNIVERSARY', 'OFFICE_MOVE', 'CUSTOM'] as const;
export type KeyDateKind = (typeof KEY_DATE_KINDS)[number];

export const CONSENT_PURPOSES = ['SERVICE_CONTACT', 'MARKETING', 'CARE_GREETINGS'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONTACT_NAME_MAX_LENGTH = 100;
export const KEY_DATE_LABEL_MAX_LENGTH = 60;
export const MAX_KEY_DATES = 20;

export interface KeyDateInput {
  readonly kind?: string | null;
  readonly date?: string | null;
  readonly label?: string | null;
  readonly yearly?: boolean | null;
}

export interface KeyDate {
  readonly kind: KeyDateKind;
  readonly date: CalendarDate;
  readonly label: string | null;
  readonly yearly: boolean;
}

export interface ContactFieldsInput {
  readonly name?: string | null;
  readonly title?: string | null;
  readonly role?: string | null;
  readonly mobile?: string | null;
  readonly officePhone?: string | null;
  readonly email?: string | null;
  readonly preferredChannel?: string | null;
  readonly birthday?: string | null;
  readonly keyDates?: readonly KeyDateInput[] | null;
}

export interface ContactFields {
  readonly name: string;
  readonly title: string | null;
  readonly role: ContactRole;
  readonly mobile: string | null;
  readonly officePhone: string | null;
  readonly email: string | null;
  readonly preferredChannel: ContactChannel;
  readonly birthday: CalendarDate | null;
  readonly keyDates: readonly KeyDate[];
}

/**
 * The rules on a contact's fields, for adding and for updating. An update is checked on the
 * contact as it would be after the change, so the channel rules see the whole picture.
 */
export function checkContactFields(
  input: ContactFieldsInput,
  prefix: string,
  today: CalendarDate,
): { ok: true; fields: ContactFields } | { ok: false; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const fail = (name: string, reason: string, message: Localized) =>
    violations.push(violation(`${prefix}.${name}`, reason, message));
  const max = (n: number) => ({ 'zh-CN': `最多 ${n} 个字符。`, en: `at most ${n} characters.` });

  const name = input.name?.trim() ?? '';
  if (name === '')
    fail('name', 'REQUIRED', { 'zh-CN': '联系人须有姓名。', en: 'A contact has a name.' });
  else if (name.length > CONTACT_NAME_MAX_LENGTH) {
    const limit = max(CONTACT_NAME_MAX_LENGTH);
    fail('name', 'TOO_LONG', { 'zh-CN': `姓名${limit['zh-CN']}`, en: `A name has ${limit.en}` });
  }

  const title = input.title?.trim() || null;
  if (title !== null && title.length > CONTACT_NAME_MAX_LENGTH) {
    const limit = max(CONTACT_NAME_MAX_LENGTH);
    fail('title', 'TOO_LONG', { 'zh-CN': `职务${limit['zh-CN']}`, en: `A title has ${limit.en}` });
  }

  const role = input.role ?? 'OTHER';
  if (!(CONTACT_ROLES as readonly string[]).includes(role))
    fail('role', 'ROLE_UNKNOWN', {
      'zh-CN': `“${role}”不是 ${CONTACT_ROLES.join('、')} 之一。`,
      en: `'${role}' is not one of ${CONTACT_ROLES.join(', ')}.`,
    });

  const phones: Record<'mobile' | 'officePhone', string | null> = {
    mobile: null,
    officePhone: null,
  };
  for (const key of ['mobile', 'officePhone'] as const) {
    const raw = input[key]?.trim();
    if (!raw) continue;
    const phone = checkChinesePhone(raw);
    if (!phone.valid) fail(key, 'PHONE_INVALID', phone.message);
    else if (key === 'mobile' && phone.kind !== 'MOBILE')
      fail(key, 'NOT_A_MOBILE', {
        'zh-CN': '这是固定电话，请填写在 officePhone。',
        en: 'This is a landline; put it in officePhone.',
      });
    else phones[key] = phone.e164;
  }

  let email: string | null = null;
  if (input.email?.trim()) {
    email = normaliseEmail(input.email);
    if (email === null) {
      fail('email', 'EMAIL_INVALID', {
        'zh-CN': '不是电子邮件地址。',
        en: 'Not an e-mail address.',
      });
    }
  }

  const channel = input.preferredChannel ?? 'PHONE';
  if (!(CONTACT_CHANNELS as readonly string[]).includes(channel)) {
    fail('preferredChannel', 'CHANNEL_UNKNOWN', {
      'zh-CN': `“${channel}”不是 ${CONTACT_CHANNELS.join('、')} 之一。`,
      en: `'${channel}' is not one of ${CONTACT_CHANNELS.join(', ')}.`,
    });
  } else if (channel === 'SMS' && !phones.mobile && !input.mobile?.trim()) {
    fail('preferredChannel', 'CHANNEL_UNREACHABLE', {
      'zh-CN': '短信联系需要手机号码。',
      en: 'SMS needs a mobile number.',
    });
  } else if (channel === 'EMAIL' && !input.email?.trim()) {
    fail('preferredChannel', 'CHANNEL_UNREACHABLE', {
      'zh-CN': '电子邮件联系需要邮件地址。',
      en: 'E-mail needs an e-mail address.',
    });
  } else if (channel === 'PHONE' && !input.mobile?.trim() && !input.officePhone?.trim()) {
    fail('preferredChannel', 'CHANNEL_UNREACHABLE', {
      'zh-CN': '电话联系需要手机或办公电话。',
      en: 'Phone needs a mobile or an office phone.',
    });
  }

  let birthday: CalendarDate | null = null;
  const rawBirthday = input.birthday?.trim();
  if (rawBirthday) {
    if (!isCalendarDate(rawBirthday))
      fail('birthday', 'DATE_INVALID', {
        'zh-CN': `“${rawBirthday}”不是 YYYY-MM-DD 格式的日期。`,
        en: `'${rawBirthday}' is not a date of the form YYYY-MM-DD.`,
      });
    else if (rawBirthday > today)
      fail('birthday', 'DATE_IN_FUTURE', {
        'zh-CN': '生日不能在未来。',
        en: 'A birthday cannot be in the future.',
      });
    else if (rawBirthday > addDays(today, -14 * 365))
      fail('birthday', 'TOO_YOUNG', {
        'zh-CN': '商务联系人至少年满 14 岁。',
        en: 'A business contact is at least 14 years old.',
      });
    else if (rawBirthday < addDays(today, -120 * 366))
      fail('birthday', 'DATE_TOO_EARLY', {
        'zh-CN': '生日早于 120 年前，不合常理。',
        en: 'A birthday more than 120 years ago is not plausible.',
      });
    else birthday = rawBirthday;
  }

  const keyDates: KeyDate[] = [];
  const dates = input.keyDates ?? [];
  if (dates.length > MAX_KEY_DATES)
    fail('keyDates', 'TOO_MANY', {
      'zh-CN': `最多 ${MAX_KEY_DATES} 个关键日期。`,
      en: `At most ${MAX_KEY_DATES} key dates.`,
    });
  dates.forEach((keyDate, index) => {
    const at = (name: string) => `keyDates.${index}.${name}`;
    const kind = keyDate.kind ?? '';
    const label = keyDate.label?.trim() || null;
    let ok = true;
    if (!(KEY_DATE_KINDS as readonly string[]).includes(kind)) {
      fail(at('kind'), 'KEY_DATE_KIND_UNKNOWN', {
        'zh-CN': `“${kind}”不是 ${KEY_DATE_KINDS.join('、')} 之一。`,
        en: `'${kind}' is not one of ${KEY_DATE_KINDS.join(', ')}.`,
      });
      ok = false;
    }
    const date = keyDate.date?.trim() ?? '';
    if (!isCalendarDate(date)) {
      fail(at('date'), 'DATE_INVALID', {
        'zh-CN': `“${date}”不是 YYYY-MM-DD 格式的日期。`,
        en: `'${date}' is not a date of the form YYYY-MM-DD.`,
      });
      ok = false;
    }
    if (kind === 'CUSTOM' && label === null) {
      fail(at('label'), 'REQUIRED', {
        'zh-CN': '自定义日期须说明是什么日子。',
        en: 'A custom date says what it is.',
      });
      ok = false;
    } else if (label !== null && label.length > KEY_DATE_LABEL_MAX_LENGTH) {
      const limit = max(KEY_DATE_LABEL_MAX_LENGTH);
      fail(at('label'), 'TOO_LONG', {
        'zh-CN': `说明${limit['zh-CN']}`,
        en: `A label has ${limit.en}`,
      });
      ok = false;
    }
    if (ok) {
      const typed = kind as KeyDateKind;
      keyDates.push({
        kind: typed,
        date,
        label,
        yearly: keyDate.yearly ?? typed !== 'OFFICE_MOVE',
      });
    }
  });

  if (violations.length > 0) return { ok: false, violations };
  return {
    ok: true,
    fields: {
      name,
      title,
      role: role as ContactRole,
      mobile: phones.mobile,
      officePhone: phones.officePhone,
      email,
      preferredChannel: channel as ContactChannel,
      birthday,
      keyDates,
    },
  };
}
