import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { addDays, type CalendarDate } from '@gap/calendar';
import {
  BUNDLES_PERMISSIONS,
  conversionRates,
  type BundlesOperation,
  type TrialFacts,
} from '@gap/bundles/domain';
import { decodeCursor, toConnection, type Connection, type PageArgs } from '@gap/graphql';
import { DomainError } from '@gap/errors';
import { AccountRepository } from '../accounts/account.repository.js';
import type { TrialFilterInput } from './dto/trial.input.js';
import { TrialErrors } from './trial.errors.js';
import { TrialRepository, type StoredTrial, type SubjectKind } from './trial.repository.js';
import type { TrialConversionRateType, TrialType } from './trial.types.js';

/** How many trials an account's list shows at most. */
export const ACCOUNT_TRIALS_LIMIT = 100;
/** The longest period a conversion report covers. */
const MAX_REPORT_DAYS = 1_096;

const view = (t: StoredTrial): TrialType => ({ ...t, groupAccountId: t.accountId });
/** China's calendar day starts at 16:00 UTC the day before. */
const chinaMidnight = (day: CalendarDate) => new Date(`${day}T00:00:00+08:00`);

/** Reads of trials and their conversion, each within the caller's scope. */
@Injectable()
export class TrialQueriesService {
  constructor(
    private readonly trials: TrialRepository,
    private readonly accounts: AccountRepository,
  ) {}

  async byId(
    caller: Caller,
    id: string,
    operation: BundlesOperation = 'trial',
  ): Promise<TrialType> {
    const scope = authorize(BUNDLES_PERMISSIONS, operation, caller);
    const trial = await this.trials.byId(id);
    if (!trial || !(await this.accounts.visible(scope, caller.subject, trial.accountId))) {
      throw TrialErrors.notFound(id);
    }
    return view(trial);
  }

  /** The trials the caller sees, newest first, a page at a time. */
  async list(
    caller: Caller,
    filter: TrialFilterInput,
    page: PageArgs,
  ): Promise<Connection<TrialType>> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'trials', caller);
    const after = page.after ? this.position(page.after) : null;
    const rows = await this.trials.list(
      scope,
      caller.subject,
      { state: filter.status ?? null, accountId: filter.groupAccountId ?? null },
      after,
      page.first + 1,
    );
    return toConnection(rows.map(view), page.first, (t) => [
      new Date(t.startedAt).toISOString(),
      t.id,
    ]);
  }

  /** The account's trials, newest first; none when the account is outside the scope. */
  async ofAccount(caller: Caller, accountId: string): Promise<TrialType[]> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'GroupAccount.trials', caller);
    if (!(await this.accounts.visible(scope, caller.subject, accountId))) return [];
    const rows = await this.trials.list(
      scope,
      caller.subject,
      { accountId },
      null,
      ACCOUNT_TRIALS_LIMIT,
    );
    return rows.map(view);
  }

  /**
   * Trials started from `from` to `to` (China's calendar days, both included), by subject and
   * tier: how many converted of those started, and of those closed (the domain's rate).
   */
  async conversion(
    caller: Caller,
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<TrialConversionRateType[]> {
    const scope = authorize(BUNDLES_PERMISSIONS, 'trialConversionRates', caller);
    if (to < from || to > addDays(from, MAX_REPORT_DAYS)) {
      throw DomainError.invalidInput([
        {
          field: 'to',
          reason: 'PERIOD_INVALID',
          message: `to must be on or after from, at most ${MAX_REPORT_DAYS} days later.`,
        },
      ]);
    }
    const rows = await this.trials.conversion(
      scope,
      caller.subject,
      chinaMidnight(from),
      chinaMidnight(addDays(to, 1)),
    );
    // The domain groups by product code: the subject's kind travels in the key.
    const facts: TrialFacts[] = rows.flatMap((row) =>
      Array.from({ length: row.n }, () => ({
        state: row.state,
        productCode: `${row.subjectKind}:${row.subjectCode}`,
        tier: row.tier,
        startedAt: chinaMidnight(from),
        endsAt: chinaMidnight(to),
      })),
    );
    return conversionRates(facts).map((rate) => {
      const [kind, ...code] = rate.productCode.split(':');
      const started = rate.converted + rate.expired + rate.active;
      return {
        subjectKind: kind as SubjectKind,
        subjectCode: code.join(':'),
        tier: rate.tier,
        started,
        converted: rate.converted,
        expired: rate.expired,
        active: rate.active,
        conversionBp: Math.floor((rate.converted * 10_000) / started),
        closedConversionBp: rate.rateBp,
      };
    });
  }

  private position(cursor: string): { startedAt: string; id: string } {
    const [startedAt, id] = decodeCursor(cursor);
    if (typeof startedAt !== 'string' || typeof id !== 'string') {
      throw DomainError.invalidInput([
        { field: 'after', reason: 'cursor', message: 'after is not a cursor this API gave out.' },
      ]);
    }
    return { startedAt, id };
  }
}
