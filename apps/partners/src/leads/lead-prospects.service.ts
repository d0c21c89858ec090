import { Injectable } from '@nestjs/common';
import { normaliseCreditCode } from '@gap/partners/domain';
import { LeadCandidatesRepository } from './lead-candidates.repository.js';
import { LeadEffects } from './lead.effects.js';
import { domainLead } from './lead.model.js';
import { LeadRepository, type Tx } from './lead.repository.js';
import { LeadRouting } from './lead-routing.service.js';
import { LeadSteps } from './lead-steps.js';

/** Who assigns a new company's lead: the managers service's automatic assignment. */
const ASSIGNMENT = 'managers';

/**
 * A new company's lead follows its PROSPECT account: once the accounts service has opened it
 * (AccountCreated, with the lead's credit code) and the managers service has given it a
 * primary manager (ManagerAssigned), the lead is assigned to that manager.
 */
@Injectable()
export class LeadProspectsService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly candidates: LeadCandidatesRepository,
    private readonly routing: LeadRouting,
    private readonly effects: LeadEffects,
  ) {}

  /** The account was opened: its leads are attached, and assigned if it has a manager already. */
  async accountOpened(
    tx: Tx,
    accountId: string,
    creditCode: string | null,
    now = new Date(),
  ): Promise<void> {
    if (!creditCode) return;
    const attached = await this.leads.attachProspect(
      tx,
      normaliseCreditCode(creditCode),
      accountId,
    );
    if (attached.length === 0) return;
    const account = await this.candidates.account(tx, accountId);
    if (account?.primaryManagerId) {
      await this.managerAssigned(tx, accountId, account.primaryManagerId, null, now);
    }
  }

  /** The account has its primary manager: its waiting leads go to them. */
  async managerAssigned(
    tx: Tx,
    accountId: string,
    managerId: string,
    supervisorId: string | null,
    now = new Date(),
  ): Promise<void> {
    for (const lead of await this.leads.waitingFor(tx, accountId)) {
      const run = new LeadSteps(domainLead(lead), { id: ASSIGNMENT, role: 'SYSTEM' }, now);
      run.apply({ kind: 'ASSIGN', managerId, accountId });
      await this.effects.commit(tx, lead, run, ASSIGNMENT, {
        dueAt: this.routing.dueAt(run.lead),
        supervisorId,
      });
    }
  }
}
