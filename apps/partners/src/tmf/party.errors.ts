import { DomainError } from '@gap/errors';

/** The TMF facades' own refusals; another partner's party is not found, like an unknown one. */
export const PartyErrors = {
  organizationNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'ORGANIZATION_NOT_FOUND',
      { 'zh-CN': `没有您的组织 ${id}。`, en: `No organization ${id} of yours.` },
      'id',
    ),

  attributeFixed: (field: string): DomainError =>
    DomainError.conflict(
      'ORGANIZATION_ATTRIBUTE_FIXED',
      {
        'zh-CN': `${field} 在提交后不能更改，只能更改联系人信息；其他企业请新建组织。`,
        en: `${field} cannot change once brought: only whom to call does; bring another company as a new organization.`,
      },
      field,
    ),

  customerNotFound: (id: string): DomainError =>
    DomainError.notFound(
      'CUSTOMER_NOT_FOUND',
      { 'zh-CN': `没有您的客户 ${id}。`, en: `No customer ${id} of yours.` },
      'id',
    ),
};
