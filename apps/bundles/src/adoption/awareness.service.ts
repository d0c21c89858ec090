import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { addDays, todayInChina } from '@gap/calendar';
import { BUNDLES_PERMISSIONS } from '@gap/bundles/domain';
import { AccountRepository } from '../accounts/account.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { ProposalErrors } from '../proposals/proposal.errors.js';
import { AdoptionErrors } from './adoption.errors.js';
import { AdoptionRepository, type AwarenessRecord } from './adoption.repository.js';
import type { RecordProductPresentedInput } from './dto/adoption.input.js';

/** How far back a presentation may still be recorded. */
export const AWARENESS_BACKDATE_DAYS = 366;

/**
 * Awareness: the account's seller (the manager of the portfolio, or their supervisor) records
 * that a product on sale was presented. One record per account, product and day: recording it
 * again that day keeps the first and adds nothing.
 */
@Injectable()
export class AwarenessService {
  constructor(
    private readonly adoption: AdoptionRepository,
    private readonly accounts: AccountRepository,
    private readonly catalogue: CatalogueRepository,
  ) {}

  async record(
    caller: Caller,
    input: RecordProductPresentedInput,
    now: Date = new Date(),
  ): Promise<AwarenessRecord> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'recordProductPresented', caller);
    const accountId = input.groupAccountId;
    if (!(await this.accounts.visible(scope, caller.subject, accountId))) {
      throw ProposalErrors.accountNotFound(accountId);
    }
    const today = todayInChina(now);
    const earliest = addDays(today, -AWARENESS_BACKDATE_DAYS);
    if (input.presentedOn > today || input.presentedOn < earliest) {
      throw AdoptionErrors.presentedOn(input.presentedOn, earliest, today);
    }
    const product = await this.catalogue.product(input.productCode, null);
    if (!product) throw AdoptionErrors.productNotOnSale(input.productCode);
    return this.adoption.recordAwareness({
      groupAccountId: accountId,
      productCode: product.code,
      presentedOn: input.presentedOn,
      channel: input.channel,
      note: input.note ?? null,
      presentedBy: caller.subject,
    });
  }
}
