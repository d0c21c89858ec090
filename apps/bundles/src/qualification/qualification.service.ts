import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { BUNDLES_PERMISSIONS, qualify, type BundlesOperation } from '@gap/bundles/domain';
import { AccountRepository } from '../accounts/account.repository.js';
import { CatalogueRepository } from '../catalogue/catalogue.repository.js';
import { CatalogueErrors } from '../catalogue/catalogue.errors.js';
import { QualificationRepository } from './qualification.repository.js';
import {
  toQualificationType,
  type QualificationType,
  type TemplateQualificationType,
} from './qualification.types.js';

/** Which bundles an account may buy, and which accounts may buy a bundle. */
@Injectable()
export class QualificationService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly book: QualificationRepository,
  ) {}

  /**
   * Every template on sale for the account, eligible or with every reason why not; null when
   * the account is unknown here or outside the caller's scope.
   */
  async forAccount(
    caller: Caller,
    accountId: string,
    operation: BundlesOperation,
  ): Promise<QualificationType[] | null> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    if (!(await this.accounts.visible(scope, caller.subject, accountId))) return null;
    const account = await this.accounts.find(accountId);
    if (!account) return null;
    const templates = await this.catalogue.templatesOnSale();
    return templates.map((template) => toQualificationType(template, qualify(account, template)));
  }

  /** Every eligible account of the book for the template on sale (or the version given). */
  async forTemplate(
    caller: Caller,
    code: string,
    version: number | null,
    sampleSize: number,
  ): Promise<TemplateQualificationType> {
    authorize(BUNDLES_PERMISSIONS, 'templateQualification', caller);
    const template = await this.catalogue.template(code, version);
    if (!template) throw CatalogueErrors.notFound('template', code, version);
    const base = { templateCode: template.code, templateVersion: template.version };
    if (template.lifecycle !== 'ACTIVE') {
      return { ...base, eligibleAccounts: 0, byTier: [], byRegion: [], accountIds: [] };
    }
    const result = await this.book.overBook(template.eligibility, sampleSize);
    return {
      ...base,
      eligibleAccounts: result.eligible,
      byTier: result.byTier,
      byRegion: result.byRegion,
      accountIds: result.sample,
    };
  }
}
