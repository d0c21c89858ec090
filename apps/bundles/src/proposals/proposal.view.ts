import {
  CONFIGURATION_REASONS,
  approvalChain,
  nextApproverLevel,
  type BundlesPolicy,
  type ConfigurationViolation,
  type ManualDiscount,
  type PriceBreakdown,
} from '@gap/bundles/domain';
import { RequestLocale, renderReason } from '@gap/i18n';
import { attributesOf } from '../subscriptions/subscription.view.js';
import type { HistoryRow, StoredProposal } from './proposal.repository.js';
import type {
  ManualDiscountType,
  PriceType,
  ProposalType,
  ViolationType,
} from './proposal.types.js';

export function toPriceType(price: PriceBreakdown, policy: BundlesPolicy): PriceType {
  return { ...price, approvalChain: approvalChain(price.discountDepthBp, policy) };
}

function toDiscountType(discount: ManualDiscount | null): ManualDiscountType | null {
  if (!discount) return null;
  return discount.kind === 'PERCENT'
    ? { percentBp: discount.bp, monthlyFen: null, oneTimeFen: null }
    : { percentBp: null, monthlyFen: discount.monthlyFen, oneTimeFen: discount.oneTimeFen };
}

export function toProposalType(
  proposal: StoredProposal,
  history: readonly HistoryRow[],
  policy: BundlesPolicy,
): ProposalType {
  return {
    ...proposal,
    groupAccountId: proposal.accountId,
    lines: proposal.lines.map((line) => ({ ...line, attributes: attributesOf(line.attributes) })),
    manualDiscount: toDiscountType(proposal.manualDiscount),
    price: toPriceType(proposal.price, policy),
    approvals: [...proposal.approvals],
    nextApproverLevel: proposal.state === 'SUBMITTED' ? nextApproverLevel(proposal) : null,
    history: [...history],
  };
}

export function toViolationType(
  violation: ConfigurationViolation,
  locale = RequestLocale.current(),
): ViolationType {
  return {
    code: violation.code,
    rule: violation.rule,
    item: violation.item,
    line: violation.line ?? null,
    text: renderReason(CONFIGURATION_REASONS, violation, locale),
  };
}
