import { DomainError } from '@gap/errors';

/** The adoption feature's errors, each naming its input field. */
export const AdoptionErrors = {
  productNotOnSale: (code: string): DomainError =>
    DomainError.notFound(
      'BUNDLE_PRODUCT_NOT_FOUND',
      { 'zh-CN': `产品 ${code} 没有在售版本。`, en: `Product ${code} has no version on sale.` },
      'input.productCode',
    ),

  /** A presentation is recorded on its day: not ahead, and not older than the policy allows. */
  presentedOn: (day: string, earliest: string, latest: string): DomainError =>
    DomainError.invalidInput(
      [
        {
          field: 'input.presentedOn',
          reason: 'PRESENTED_ON_OUT_OF_RANGE',
          message: `presentedOn ${day} must be from ${earliest} to ${latest} (today in China).`,
        },
      ],
      'PRESENTED_ON_OUT_OF_RANGE',
    ),

  period: (maxDays: number): DomainError =>
    DomainError.invalidInput([
      {
        field: 'to',
        reason: 'PERIOD_INVALID',
        message: `to must be on or after from, at most ${maxDays} days later.`,
      },
    ]),
};
