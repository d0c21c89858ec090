import type { Localized } from '@gap/i18n';

/**
 * Chinese phone numbers as people type them ("138 0591 2345", "+86-138...", "(0592) 555 1234"),
 * stored in E.164 (+8613805912345, +865925551234) so that one number has one spelling.
 */
export type PhoneKind = 'MOBILE' | 'LANDLINE';

export type PhoneCheck =
  | { readonly valid: true; readonly e164: string; readonly kind: PhoneKind }
  | { readonly valid: false; readonly message: Localized };

/** Mobile prefixes in use on the three carriers and the virtual operators (MIIT allocation). */
const MOBILE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/;
/** 3-digit area codes (Beijing, Shanghai, Tianjin, Chongqing, big cities) take 8-digit numbers. */
const LANDLINE_SHORT_AREA = /^0(10|2\d)([2-8]\d{7})$/;
const LANDLINE_LONG_AREA = /^0([3-9]\d{2})([2-8]\d{6,7})$/;

export function checkChinesePhone(raw: string): PhoneCheck {
  let digits = raw.trim().replace(/[\s\-().]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (/^\+/.test(digits)) {
    return {
      valid: false,
      message: {
        'zh-CN': '只接受中国号码（+86）。',
        en: 'Only Chinese numbers (+86) are accepted.',
      },
    };
  }
  if (!/^\d+$/.test(digits)) {
    return {
      valid: false,
      message: {
        'zh-CN': '电话号码只能包含数字、空格、短横线和 +86。',
        en: 'A phone number has only digits, spaces, dashes and +86.',
      },
    };
  }
  if (MOBILE.test(digits)) return { valid: true, e164: `+86${digits}`, kind: 'MOBILE' };
  // A landline may be typed with or without the trunk 0 after +86.
  const national = digits.startsWith('0') ? digits : `0${digits}`;
  const landline = LANDLINE_SHORT_AREA.exec(national) ?? LANDLINE_LONG_AREA.exec(national);
  if (landline) {
    return { valid: true, e164: `+86${landline[1]}${landline[2]}`, kind: 'LANDLINE' };
  }
  return {
    valid: false,
    message: {
      'zh-CN': '不是中国手机号（13x 至 19x 开头的 11 位）或固定电话（区号加 7 至 8 位）。',
      en: 'Not a Chinese mobile (11 digits from 13x to 19x) or landline (area code and 7-8 digits).',
    },
  };
}

/** What a phone looks like where it must not be shown in full: +86 138****2345. */
export function maskPhone(e164: string): string {
  const national = e164.replace(/^\+86/, '');
  return `+86 ${national.slice(0, 3)}****${national.slice(-4)}`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function normaliseEmail(raw: string): string | null {
  const email = raw.trim();
  if (email.length > 254 || !EMAIL.test(email)) return null;
  const at = email.lastIndexOf('@');
  return email.slice(0, at) + email.slice(at).toLowerCase();
}
