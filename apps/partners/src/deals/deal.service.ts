import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import { DomainError, violation } from '@gap/errors';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { OutboxPublisher } from '@gap/messaging';
import {
  creditCodeProblem,
  dealRegistrationExpiry,
  mayAuthenticate,
  normaliseCreditCode,
} from '@gap/partners/domain';
import { PartnerRepository } from '../organisations/partner.repository.js';
import { LeadsPolicy, partnerOf, staffAccess } from '../leads/lead-access.js';
import { LeadErrors } from '../leads/lead.errors.js';
import type { RegisterDealBody } from './dto/deal.resource.js';
import { DealRepository, type DealPosition, type DealRecord, type Tx } from './deal.repository.js';

const DealErrors = {
  takenByOtherPartner: (): DomainError =>
    DomainError.conflict(
      'DEAL_REGISTERED_BY_OTHER_PARTNER',
      {
        'zh-CN': '该企业已由其他合作伙伴报备，报备有效期内不能重复报备。',
        en: 'Another partner holds a registration for this company until it expires.',
      },
      'creditCode',
    ),
};

/**
 * Deal registrations: a partner claims a company it is working a deal with, for the policy's
 * days; while it holds, other partners' leads for the company are in conflict with it.
 */
@Injectable()
export class DealService {
  constructor(
    private readonly deals: DealRepository,
    private readonly partners: PartnerRepository,
    private readonly outbox: OutboxPublisher,
    private readonly policy: LeadsPolicy,
  ) {}

  /** The registration made, or the partner's own active one for the company (a repeat). */
  async register(caller: Caller, body: RegisterDealBody, now = new Date()): Promise<DealRecord> {
    const partnerId = partnerOf(caller, 'leads:write');
    const creditCode = normaliseCreditCode(body.creditCode);
    const problem = creditCodeProblem(creditCode);
    if (problem !== null) {
      throw LeadErrors.invalid([
        violation('creditCode', problem, {
          'zh-CN': '统一社会信用代码无效（18 位，校验位须正确）。',
          en: 'The Unified Social Credit Code is not valid (18 characters, with its check character).',
        }),
      ]);
    }
    return this.deals.transaction(async (tx) => {
      const partner = await this.partners.find(partnerId, tx);
      if (partner === null) throw LeadErrors.notAPartner();
      if (!mayAuthenticate(partner, todayInChina(now))) {
        throw LeadErrors.cannotServe('PARTNER_NOT_ACTIVE');
      }
      await this.announceExpired(tx, await this.deals.expireLapsed(tx, now, { creditCode }), now);
      const active = await this.deals.activeFor(tx, creditCode);
      const own = active.find((d) => d.partnerId === partnerId);
      if (own) return own;
      if (active.length > 0) throw DealErrors.takenByOtherPartner();
      const deal = {
        id: randomUUID(),
        partnerId,
        creditCode,
        groupAccountId: await this.deals.accountOf(tx, creditCode),
        registeredAt: now,
        expiresAt: dealRegistrationExpiry(now, this.policy.current()),
      };
      if (!(await this.deals.insert(tx, deal))) {
        const again = (await this.deals.activeFor(tx, creditCode)).find(
          (d) => d.partnerId === partnerId,
        );
        if (again) return again;
        throw DealErrors.takenByOtherPartner();
      }
      await this.outbox.record(tx, {
        type: 'DealRegistered',
        aggregateId: deal.id,
        payload: {
          registrationId: deal.id,
          partnerId,
          creditCode,
          groupAccountId: deal.groupAccountId,
          registeredAt: deal.registeredAt.toISOString(),
          expiresAt: deal.expiresAt.toISOString(),
        },
      });
      const stored = await this.deals.find(deal.id, tx);
      if (stored === null) throw DealErrors.takenByOtherPartner();
      return stored;
    });
  }

  /**
   * Expires registrations whose time is up, a batch at a time, each with its DealExpired; the
   * number expired. Run by {@link DealExpiryJob}; a registration that lapses is also expired
   * when its company is next registered.
   */
  async expireDue(now = new Date(), batch = 500): Promise<number> {
    let expired = 0;
    for (;;) {
      const lapsed = await this.deals.transaction(async (tx) => {
        const rows = await this.deals.expireLapsed(tx, now, { limit: batch });
        await this.announceExpired(tx, rows, now);
        return rows.length;
      });
      expired += lapsed;
      if (lapsed < batch) return expired;
    }
  }

  private async announceExpired(tx: Tx, lapsed: readonly DealRecord[], now: Date): Promise<void> {
    for (const deal of lapsed) {
      await this.outbox.record(tx, {
        type: 'DealExpired',
        aggregateId: deal.id,
        payload: {
          registrationId: deal.id,
          partnerId: deal.partnerId,
          creditCode: deal.creditCode,
          groupAccountId: deal.groupAccountId,
          expiresAt: new Date(deal.expiresAt).toISOString(),
          expiredAt: now.toISOString(),
        },
      });
    }
  }

  /** Registrations as the operator's people see them, newest first. */
  async staffList(
    caller: Caller,
    filter: { partnerId?: string | null; creditCode?: string | null },
    page: { first: number; after?: string | null },
  ): Promise<Connection<DealRecord>> {
    const { reach } = staffAccess(caller, 'dealRegistrations');
    const subject =
      reach.kind === 'MANAGER' || reach.kind === 'TEAM'
        ? { id: reach.subject, team: reach.kind === 'TEAM' }
        : null;
    const code = filter.creditCode ? normaliseCreditCode(filter.creditCode) : null;
    const after = page.after ? positionOf(page.after) : null;
    const rows = await this.deals.list(
      { partnerId: filter.partnerId ?? null, creditCode: code },
      subject,
      page.first + 1,
      after,
    );
    return toConnection(rows, page.first, (d) => [d.registeredAt.toISOString(), d.id]);
  }

  /** The partner's own registrations, newest first. */
  async ownDeals(
    caller: Caller,
    page: { first: number; after?: string | null },
  ): Promise<Connection<DealRecord>> {
    const partnerId = partnerOf(caller, 'leads:read');
    const after = page.after ? positionOf(page.after) : null;
    const rows = await this.deals.ofPartner(partnerId, page.first + 1, after);
    return toConnection(rows, page.first, (d) => [d.registeredAt.toISOString(), d.id]);
  }
}

function positionOf(cursor: string): DealPosition {
  const [at, id] = decodeCursor(cursor);
  if (typeof at !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw DomainError.invalidInput([
      { field: 'after', reason: 'cursor', message: 'after is not a cursor this API gave out.' },
    ]);
  }
  return [at, id];
}
