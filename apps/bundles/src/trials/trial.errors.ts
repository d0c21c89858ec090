import { DomainError } from '@gap/errors';
import type { TrialRefusal, TrialRefusalCode } from '@gap/bundles/domain';
import { renderReason, type ReasonCatalog } from '@gap/i18n';

/** The domain's trial refusals in both languages. */
const REFUSALS: ReasonCatalog<TrialRefusalCode> = {
  TRIAL_NOT_ACTIVE: {
    'zh-CN': (f) => `试用已结束（${String(f['state'])}）。`,
    en: (f) => `The trial is ${String(f['state'])}, not active.`,
  },
  TRIAL_ENDED: {
    'zh-CN': (f) => `试用已于 ${String(f['endsAt'])} 到期，无法转为订购。`,
    en: (f) => `The trial ended at ${String(f['endsAt'])}; it can no longer convert.`,
  },
  TRIAL_NOT_ENDED: {
    'zh-CN': (f) => `试用到 ${String(f['endsAt'])} 才结束。`,
    en: (f) => `The trial runs until ${String(f['endsAt'])}.`,
  },
};

/** The trial feature's errors, in Chinese and English, each naming its input field. */
export const TrialErrors = {
  notFound: (id: string): DomainError =>
    DomainError.notFound(
      'TRIAL_NOT_FOUND',
      { 'zh-CN': `没有您可见的试用 ${id}。`, en: `No trial ${id} you may see.` },
      'input.id',
    ),

  staleVersion: (id: string, given: number, current: number): DomainError =>
    DomainError.conflict(
      'TRIAL_VERSION_CONFLICT',
      {
        'zh-CN': `试用 ${id} 已被他人修改（您的版本 ${given}，当前版本 ${current}），请刷新后重试。`,
        en: `Trial ${id} changed meanwhile (your version ${given}, now ${current}); reload and retry.`,
      },
      'input.version',
    ),

  /** Neither or both of a template and a product named. */
  subject: (): DomainError =>
    DomainError.invalidInput(
      [
        {
          field: 'input.templateCode',
          reason: 'TRIAL_SUBJECT',
          message: 'Name a bundle template (templateCode) or a product (productCode), not both.',
        },
      ],
      'TRIAL_SUBJECT_INVALID',
    ),

  productNotOnSale: (code: string): DomainError =>
    DomainError.notFound(
      'BUNDLE_PRODUCT_NOT_FOUND',
      { 'zh-CN': `产品 ${code} 没有在售版本。`, en: `Product ${code} has no version on sale.` },
      'input.productCode',
    ),

  alreadyOpen: (field: string, code: string): DomainError =>
    DomainError.conflict(
      'TRIAL_ALREADY_OPEN',
      {
        'zh-CN': `该客户已有 ${code} 的试用在进行中。`,
        en: `The account already has an open trial of ${code}.`,
      },
      field,
    ),

  /** A refusal of the domain's trial rules, coded as the domain codes it. */
  refused: (refusal: TrialRefusal): DomainError => {
    const message = {
      'zh-CN': renderReason(REFUSALS, refusal, 'zh-CN'),
      en: renderReason(REFUSALS, refusal, 'en'),
    };
    return DomainError.conflict(refusal.code, message, 'input.id');
  },
};
