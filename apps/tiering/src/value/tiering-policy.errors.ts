import { violation, type FieldViolation } from '@gap/errors';

/** Errors of the tiering policy feature. */
export const TieringPolicyErrors = {
  duplicateIndustry(industryCode: string): FieldViolation {
    return violation('input.walletPerEmployee', 'DUPLICATE_INDUSTRY', {
      'zh-CN': `行业 ${industryCode} 设置了多个人均通信支出。`,
      en: `Industry ${industryCode} has more than one wallet.`,
    });
  },
};
