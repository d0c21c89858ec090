import { DomainError } from '@gap/errors';

/** The subscription feature's errors, in Chinese and English, each naming its input field. */
export const SubscriptionErrors = {
  notFound: (id: string): DomainError =>
    DomainError.notFound(
      'SUBSCRIPTION_NOT_FOUND',
      { 'zh-CN': `没有您可见的订购 ${id}。`, en: `No subscription ${id} you may see.` },
      'input.id',
    ),

  staleVersion: (id: string, given: number, current: number): DomainError =>
    DomainError.conflict(
      'SUBSCRIPTION_VERSION_CONFLICT',
      {
        'zh-CN': `订购 ${id} 已被他人修改（您的版本 ${given}，当前版本 ${current}），请刷新后重试。`,
        en: `Subscription ${id} changed meanwhile (your version ${given}, now ${current}); reload and retry.`,
      },
      'input.version',
    ),

  ended: (id: string, endsOn: string | null): DomainError =>
    DomainError.conflict(
      'SUBSCRIPTION_ENDED',
      {
        'zh-CN': `订购 ${id} 已终止（${endsOn ?? ''}）。`,
        en: `Subscription ${id} has ended (${endsOn ?? ''}).`,
      },
      'input.id',
    ),

  tooEarly: (field: string, day: string, earliest: string): DomainError =>
    DomainError.invalidInput(
      [
        {
          field,
          reason: 'SUBSCRIPTION_DATE_TOO_EARLY',
          message: `${field} ${day} is before ${earliest}, the earliest day allowed.`,
        },
      ],
      'SUBSCRIPTION_DATE_TOO_EARLY',
    ),

  quantityOutOfRange: (productCode: string, min: number, max: number): DomainError =>
    DomainError.invalidInput(
      [
        {
          field: 'input.quantity',
          reason: 'QUANTITY_OUT_OF_RANGE',
          message: `${productCode}: the quantity must be from ${min} to ${max} in its bundle.`,
        },
      ],
      'SUBSCRIPTION_QUANTITY_OUT_OF_RANGE',
    ),

  unchanged: (quantity: number): DomainError =>
    DomainError.invalidInput(
      [
        {
          field: 'input.quantity',
          reason: 'SUBSCRIPTION_UNCHANGED',
          message: `The subscription already has the quantity ${quantity}.`,
        },
      ],
      'SUBSCRIPTION_UNCHANGED',
    ),
};
