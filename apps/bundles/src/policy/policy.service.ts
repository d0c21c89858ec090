import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { BUNDLES_PERMISSIONS, type ApproverLevel } from '@gap/bundles/domain';
import type { SetApproverInput } from '../catalogue/dto/catalogue.input.js';
import { ApproverRepository } from './approver.repository.js';
import { BundlesPolicyRepository } from './bundles-policy.repository.js';
import type { BundlesPolicyType } from './policy.types.js';

/** The policy in force and the approver register. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly policies: BundlesPolicyRepository,
    private readonly approvers: ApproverRepository,
  ) {}

  async current(caller: Caller): Promise<BundlesPolicyType> {
    authorize(BUNDLES_PERMISSIONS, 'bundlesPolicy', caller);
    const policy = await this.policies.current();
    return {
      version: policy.version,
      tierDiscounts: Object.entries(policy.tierDiscountBp).map(([tier, discountBp]) => ({
        tier,
        discountBp,
      })),
      taxRates: Object.entries(policy.taxRateBp).map(([taxCategory, rateBp]) => ({
        taxCategory,
        rateBp,
      })),
      approvalChain: policy.approvalChain,
      proposalValidityDays: policy.proposalValidityDays,
    };
  }

  list(caller: Caller) {
    authorize(BUNDLES_PERMISSIONS, 'bundleApprovers', caller);
    return this.approvers.list();
  }

  async setApprover(caller: Caller, input: SetApproverInput) {
    authorize(BUNDLES_PERMISSIONS, 'setBundleApprover', caller);
    await this.approvers.set(
      {
        subject: input.subject,
        level: input.level as ApproverLevel,
        regionPrefix: input.regionPrefix ?? null,
        addedBy: caller.subject,
      },
      input.active,
    );
    return this.approvers.list();
  }
}
