import { DomainError } from '@gap/errors';

export const VisibilityErrors = {
  accountNotVisible: (accountId: string, field: string): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      {
        'zh-CN': `没有您可见的集团客户 ${accountId}。`,
        en: `No group account ${accountId} is visible to you.`,
      },
      field,
    ),
};
