import { DomainError } from '@gap/errors';

/** Errors of tier explanations. */
export const TierExplanationErrors = {
  unknownAccount(accountId: string): DomainError {
    return DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      {
        'zh-CN': `分级服务中没有集团客户 ${accountId}。`,
        en: `No group account ${accountId} is known to tiering.`,
      },
      'groupAccountId',
    );
  },
};
