import { DomainError } from '@gap/errors';
import { reasonTooShort } from '@gap/tiering/domain';

/** Errors of tier overrides, in both languages. */
export const TierOverrideErrors = {
  accountNotFound(accountId: string): DomainError {
    return DomainError.notFound(
      'GROUP_ACCOUNT_NOT_FOUND',
      {
        'zh-CN': `分级服务中没有集团客户 ${accountId}。`,
        en: `No group account ${accountId} is known to tiering.`,
      },
      'input.groupAccountId',
    );
  },
  notFound(id: string, field: string): DomainError {
    return DomainError.notFound(
      'TIER_OVERRIDE_NOT_FOUND',
      { 'zh-CN': `没有等级调整 ${id}。`, en: `No tier override ${id}.` },
      field,
    );
  },
  ended(id: string): DomainError {
    return DomainError.conflict(
      'TIER_OVERRIDE_ENDED',
      { 'zh-CN': `等级调整 ${id} 已经结束。`, en: `Override ${id} has already ended.` },
      'input.overrideId',
    );
  },
  endReasonTooShort(): DomainError {
    return DomainError.invalidInput([reasonTooShort('input.reason', 'END')]);
  },
};
