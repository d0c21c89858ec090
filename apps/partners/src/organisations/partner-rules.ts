import { violation, type FieldViolation } from '@gap/errors';
import type { PartnerContact } from './partner.model.js';

const CODE = /^[A-Z0-9_-]{2,40}$/;
const MOBILE = /^\+?[0-9][0-9 -]{4,28}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/*
 * What the desk checks beyond the domain's partner terms (partnerTermsProblems): the code
 * partners are known by in reports, and how their contacts are reached.
 */

export function codeProblems(code: string): FieldViolation[] {
  if (CODE.test(code)) return [];
  return [
    violation('code', 'PARTNER_CODE_FORMAT', {
      'zh-CN': '合作伙伴编码由大写字母、数字、- 和 _ 组成（2 至 40 个字符）。',
      en: 'A partner code has 2 to 40 capitals, digits, - and _.',
    }),
  ];
}

/** Each contact needs a way to be reached: a mobile or an email, each well-formed. */
export function contactProblems(contacts: readonly PartnerContact[]): FieldViolation[] {
  return contacts.flatMap((contact, i) => {
    const problems: FieldViolation[] = [];
    if (contact.mobile === null && contact.email === null) {
      problems.push(
        violation(`contacts[${i}].mobile`, 'PARTNER_CONTACT_UNREACHABLE', {
          'zh-CN': '联系人需要手机号码或电子邮箱。',
          en: 'A contact needs a mobile or an email.',
        }),
      );
    }
    if (contact.mobile !== null && !MOBILE.test(contact.mobile)) {
      problems.push(
        violation(`contacts[${i}].mobile`, 'PARTNER_CONTACT_MOBILE', {
          'zh-CN': `“${contact.mobile}”不是电话号码。`,
          en: `'${contact.mobile}' is not a phone number.`,
        }),
      );
    }
    if (contact.email !== null && !EMAIL.test(contact.email)) {
      problems.push(
        violation(`contacts[${i}].email`, 'PARTNER_CONTACT_EMAIL', {
          'zh-CN': `“${contact.email}”不是电子邮箱地址。`,
          en: `'${contact.email}' is not an email address.`,
        }),
      );
    }
    return problems;
  });
}
