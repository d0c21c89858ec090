import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  accountTypeOfCreditCode,
  checkAccountFields,
  type AccountFields,
} from '@gap/accounts/domain';
import { todayInChina } from '@gap/calendar';
import type { EventEnvelope } from '@gap/contracts';
import { CreateGroupAccountService } from './create-group-account.service.js';
import { GroupAccountRepository } from './group-account.repository.js';

/** Who a partner's prospect is registered by: the partners service, on the partner's word. */
export const LEAD_REGISTRANT = 'partners';

export type ProspectOutcome = 'opened' | 'already-in-book' | 'not-requested' | 'refused';

/**
 * A partner's lead for a company that is not in the book becomes a PROSPECT account: the
 * partners service asks for it in LeadQualified (`prospectRequested`) and never writes these
 * tables. The account is opened like a person's registration (same field rules, same
 * AccountCreated), so the managers service places it and the partners service follows it.
 * A code already in the book opens nothing (the lead then follows that account); a lead whose
 * fields the book refuses, or without a credit code, stays with the partners service's people.
 */
@Injectable()
export class OpenLeadProspectService {
  private readonly logger = new Logger(OpenLeadProspectService.name);

  constructor(
    private readonly accounts: GroupAccountRepository,
    private readonly creating: CreateGroupAccountService,
  ) {}

  async onLeadQualified(
    event: EventEnvelope<'LeadQualified'>,
    manager: EntityManager,
  ): Promise<ProspectOutcome> {
    const lead = event.payload;
    if (!lead.prospectRequested || lead.groupAccountId) return 'not-requested';
    if (!lead.creditCode || !lead.companyName) {
      // A lead without a code is the coordination team's to place: an outcome, not a fault.
      this.logger.log(`lead ${lead.leadId}: no credit code, so no prospect is opened`);
      return 'refused';
    }
    const checked = checkAccountFields(
      {
        name: lead.companyName,
        creditCode: lead.creditCode,
        type: accountTypeOfCreditCode(lead.creditCode),
        industryCode: lead.industrySection,
        regionCode: lead.regionCode,
      },
      { prefix: 'lead', today: todayInChina(), mode: 'create' },
    );
    if (!checked.ok) {
      const fields = checked.violations.map((v) => `${v.field} (${v.reason})`).join(', ');
      this.logger.warn(`lead ${lead.leadId}: no prospect opened, the book refuses ${fields}`);
      return 'refused';
    }
    const fields = checked.fields as AccountFields;
    if (await this.accounts.hasCreditCode(manager, fields.creditCode)) {
      return 'already-in-book';
    }
    await this.creating.open(manager, fields, {
      parent: null,
      createdBy: LEAD_REGISTRANT,
      overrideReason: null,
    });
    return 'opened';
  }
}
