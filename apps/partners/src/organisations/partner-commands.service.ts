import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { authorize, type Caller } from '@gap/auth';
import { OutboxPublisher } from '@gap/messaging';
import { todayInChina } from '@gap/calendar';
import {
  changePartnerStatus,
  partnerTermsProblems,
  PARTNERS_PERMISSIONS,
  type PartnerStatus,
} from '@gap/partners/domain';
import type {
  ChangePartnerStatusInput,
  RegisterPartnerInput,
  UpdatePartnerInput,
} from './dto/partner.input.js';
import { PartnerErrors } from './partner.errors.js';
import type { PartnerFields, PartnerRecord } from './partner.model.js';
import { codeProblems, contactProblems } from './partner-rules.js';
import { PartnerRepository } from './partner.repository.js';

/** The describing fields of an input, lists without repeats. */
function fieldsOf(input: RegisterPartnerInput | UpdatePartnerInput): PartnerFields {
  return {
    name: input.name,
    type: input.type as PartnerFields['type'],
    level: input.level as PartnerFields['level'],
    regionPrefixes: [...new Set(input.regionPrefixes)],
    industrySections: [...new Set(input.industrySections)],
    contractStartsOn: input.contractStartsOn,
    contractEndsOn: input.contractEndsOn ?? null,
    contacts: input.contacts.map((c) => ({
      name: c.name,
      title: c.title ?? null,
      mobile: c.mobile ?? null,
      email: c.email ?? null,
    })),
  };
}

/** The domain's check of the partner's terms, then the desk's of its contacts. */
function fieldProblems(fields: PartnerFields) {
  return [...partnerTermsProblems(fields), ...contactProblems(fields.contacts)];
}

const DESCRIBING: readonly (keyof PartnerFields)[] = [
  'name',
  'type',
  'level',
  'regionPrefixes',
  'industrySections',
  'contractStartsOn',
  'contractEndsOn',
  'contacts',
];

/** A field's value in a form that compares equal when it means the same (jsonb reorders keys). */
function comparable(fields: PartnerFields, field: keyof PartnerFields): string {
  if (field !== 'contacts') return JSON.stringify(fields[field]);
  return JSON.stringify(fields.contacts.map((c) => [c.name, c.title, c.mobile, c.email]));
}

/** What the events say of a partner (never its contacts: people stay in this service). */
function facts(partner: PartnerRecord) {
  return {
    partnerId: partner.id,
    code: partner.code,
    name: partner.name,
    type: partner.type,
    level: partner.level,
    regionPrefixes: [...partner.regionPrefixes],
    industrySections: [...partner.industrySections],
    contractStartsOn: partner.contractStartsOn,
    contractEndsOn: partner.contractEndsOn,
    status: partner.status,
    version: partner.version,
  };
}

/**
 * Registering and changing partner organisations (admins). Each change checks the version it
 * was made on and records its event in the same transaction.
 */
@Injectable()
export class PartnerCommandsService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly outbox: OutboxPublisher,
  ) {}

  async register(caller: Caller, input: RegisterPartnerInput): Promise<PartnerRecord> {
    authorize(PARTNERS_PERMISSIONS, 'registerPartner', caller);
    const fields = fieldsOf(input);
    const problems = [...codeProblems(input.code), ...fieldProblems(fields)];
    if (problems.length > 0) throw PartnerErrors.invalid(problems);
    const id = randomUUID();
    return this.partners.transaction(async (tx) => {
      const added = await this.partners.insert(
        tx,
        { ...fields, id, code: input.code },
        caller.subject,
      );
      if (!added) throw PartnerErrors.codeTaken(input.code);
      const partner = await this.stored(tx, id);
      await this.outbox.record(tx, {
        type: 'PartnerRegistered',
        aggregateId: id,
        payload: { ...facts(partner), registeredBy: caller.subject },
      });
      return partner;
    });
  }

  async update(caller: Caller, input: UpdatePartnerInput): Promise<PartnerRecord> {
    authorize(PARTNERS_PERMISSIONS, 'updatePartner', caller);
    const fields = fieldsOf(input);
    const problems = fieldProblems(fields);
    if (problems.length > 0) throw PartnerErrors.invalid(problems);
    return this.partners.transaction(async (tx) => {
      const before = await this.current(tx, input.id, input.version);
      if (before.status === 'ENDED') throw PartnerErrors.ended(input.id);
      const changed = DESCRIBING.filter(
        (field) => comparable(before, field) !== comparable(fields, field),
      );
      if (changed.length === 0) return before;
      await this.partners.update(tx, input.id, fields);
      const partner = await this.stored(tx, input.id);
      await this.outbox.record(tx, {
        type: 'PartnerUpdated',
        aggregateId: partner.id,
        payload: { ...facts(partner), changed: [...changed], updatedBy: caller.subject },
      });
      return partner;
    });
  }

  /** Suspends, reinstates or ends the partner, as the domain's status rule allows today. */
  async changeStatus(
    caller: Caller,
    input: ChangePartnerStatusInput,
    now = new Date(),
  ): Promise<PartnerRecord> {
    authorize(PARTNERS_PERMISSIONS, 'changePartnerStatus', caller);
    const to = input.status as PartnerStatus;
    return this.partners.transaction(async (tx) => {
      const before = await this.current(tx, input.id, input.version);
      const change = changePartnerStatus(before, to, input.reason, todayInChina(now));
      if (!change.ok) throw PartnerErrors.statusRefused(change.refusal);
      await this.partners.setStatus(tx, input.id, to, input.reason);
      const partner = await this.stored(tx, input.id);
      await this.outbox.record(tx, {
        type: 'PartnerStatusChanged',
        aggregateId: partner.id,
        payload: {
          partnerId: partner.id,
          code: partner.code,
          from: before.status,
          to,
          reason: input.reason,
          changedBy: caller.subject,
          version: partner.version,
        },
      });
      return partner;
    });
  }

  /** The partner locked, if it exists and the caller changed the version now stored. */
  private async current(tx: EntityManager, id: string, version: number): Promise<PartnerRecord> {
    const partner = await this.partners.lock(tx, id);
    if (!partner) throw PartnerErrors.notFound(id);
    if (partner.version !== version) {
      throw PartnerErrors.staleVersion(id, version, partner.version);
    }
    return partner;
  }

  private async stored(tx: EntityManager, id: string): Promise<PartnerRecord> {
    const partner = await this.partners.find(id, tx);
    if (!partner) throw PartnerErrors.notFound(id);
    return partner;
  }
}
