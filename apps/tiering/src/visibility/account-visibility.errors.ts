import { DomainError } from '@gap/errors';

/** Errors of account visibility: an account the caller may not see does not exist for them. */
export const AccountVisibilityErrors = {
  notVisible(accountId: string, field: string): DomainError {
    return DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      {
        'zh-CN': `没有您可以查看的集团客户 ${accountId}。`,
        en: `No group account ${accountId} is visible to you.`,
      },
      field,
    );
  },
};
