import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { addDays, todayInChina, type CalendarDate } from '@gap/calendar';
import { adoptionBp, BUNDLES_PERMISSIONS, type FunnelRow } from '@gap/bundles/domain';
import { AccountRepository } from '../accounts/account.repository.js';
import { BundlesPolicyRepository } from '../policy/bundles-policy.repository.js';
import { ACCOUNT_LIST_LIMIT } from '../proposals/proposal-queries.service.js';
import { AccountAdoptionRepository } from './account-adoption.repository.js';
import { AdoptionErrors } from './adoption.errors.js';
import { AdoptionRepository, type Period } from './adoption.repository.js';
import type { AccountAdoptionType } from './adoption.types.js';

/** The longest period a report covers. */
const MAX_REPORT_DAYS = 1_096;

/** Adoption read: one account's, and the funnel over the book. */
@Injectable()
export class AdoptionQueriesService {
  constructor(
    private readonly adoption: AdoptionRepository,
    private readonly accountAdoption: AccountAdoptionRepository,
    private readonly accounts: AccountRepository,
    private readonly policies: BundlesPolicyRepository,
  ) {}

  /** The account's subscriptions with their latest usage, and its products' stages. */
  async ofAccount(
    caller: Caller,
    accountId: string,
    now: Date = new Date(),
  ): Promise<AccountAdoptionType | null> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'GroupAccount.adoption', caller);
    if (!(await this.accounts.visible(scope, caller.subject, accountId))) return null;
    const [subscriptions, products] = await Promise.all([
      this.accountAdoption.subscriptions(accountId, ACCOUNT_LIST_LIMIT),
      this.accountAdoption.products(accountId, todayInChina(now)),
    ]);
    return {
      subscriptions: subscriptions.map((s) => ({
        ...s,
        adoptionBp:
          s.usage === null || s.entitlement === null ? null : adoptionBp(s.usage, s.entitlement),
      })),
      products,
    };
  }

  /**
   * The awareness → trial → subscription → adoption funnel by product family and tier over
   * the period (China's days, both included): the domain's `adoptionFunnel`, computed in one
   * statement; usage is each subscription's latest month imported within the period.
   */
  async report(caller: Caller, from: CalendarDate, to: CalendarDate): Promise<FunnelRow[]> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'adoptionReport', caller);
    const period = reportPeriod(from, to);
    const { adoptedAtBp } = await this.policies.current();
    const rows = await this.adoption.funnel(scope, caller.subject, period, adoptedAtBp);
    return rows.sort((a, b) => a.family.localeCompare(b.family) || a.tier.localeCompare(b.tier));
  }
}

export function reportPeriod(from: CalendarDate, to: CalendarDate): Period {
  if (to < from || to > addDays(from, MAX_REPORT_DAYS)) {
    throw AdoptionErrors.period(MAX_REPORT_DAYS);
  }
  return { from, to, fromMonth: from.slice(0, 7), toMonth: to.slice(0, 7) };
}
