import { DomainError } from '@gap/errors';

/** Qualification's errors, in Chinese and English. */
export const QualificationErrors = {
  accountNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      { 'zh-CN': `没有您可见的集团客户 ${id}。`, en: `No group account ${id} you may see.` },
      'accountId',
    ),
};
