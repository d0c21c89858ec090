import { DomainError } from '@gap/errors';

/** The TMF facades' own refusals; another partner's party is not found, like an unknown one. */
export const PartyErrors = {
  organizationNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'ORGANIZATION_NOT_FOUND',
      { 'zh-CN': `没有您的组织 ${id}。`, en: `No organization ${id} of yours.` },
      'id',
    ),

  customerNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'CUSTOMER_NOT_FOUND',
      { 'zh-CN': `没有您的客户 ${id}。`, en: `No customer ${id} of yours.` },
      'id',
    ),
};
