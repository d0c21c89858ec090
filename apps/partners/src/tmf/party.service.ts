import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import type { Caller } from '@gap/auth';
import { DomainError, type FieldViolation } from '@gap/errors';
import { InputValidationPipe } from '@gap/graphql';
import { reason } from '@gap/i18n';
import { CLOSED_LEAD_STATES, type LeadState } from '@gap/partners/domain';
import { selectFields, tmfFields, tmfPage, tmfValues, type TmfListQuery } from '@gap/rest';
import { SubmitLeadBody } from '../leads/dto/lead.resource.js';
import { partnerOf } from '../leads/lead-access.js';
import { LeadCommandsService } from '../leads/lead-commands.service.js';
import { LeadIntakeService } from '../leads/lead-intake.service.js';
import { LeadErrors } from '../leads/lead.errors.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { leadSubmissionOf, type LeadRecord } from '../leads/lead.model.js';
import type {
  CustomerListQuery,
  OrganizationCreateBody,
  OrganizationListQuery,
  OrganizationPatchBody,
} from './dto/party.input.js';
import { PartyErrors } from './party.errors.js';
import { PartyRepository, type PartyFilter } from './party.repository.js';
import {
  CUSTOMER_ATTRIBUTES,
  CUSTOMER_STATUS_OF,
  CUSTOMER_STATUSES,
  leadStatesOf,
  ORGANIZATION_ATTRIBUTES,
  ORGANIZATION_STATUS_OF,
  ORGANIZATION_STATUSES,
  toCustomer,
  toOrganization,
} from './party.resource.js';

export interface TmfPage {
  readonly total: number;
  readonly items: Record<string, unknown>[];
}

/** How one facade reads a lead: its attributes, statuses, states and resource. */
interface Facade {
  readonly attributes: readonly string[];
  readonly statuses: readonly string[];
  readonly statusOf: Readonly<Partial<Record<LeadState, string>>>;
  readonly render: (lead: LeadRecord) => Record<string, unknown>;
  readonly notFound: (id: string) => DomainError;
}

const ORGANIZATION: Facade = {
  attributes: ORGANIZATION_ATTRIBUTES,
  statuses: ORGANIZATION_STATUSES,
  statusOf: ORGANIZATION_STATUS_OF,
  render: toOrganization,
  notFound: PartyErrors.organizationNotFound,
};

const CUSTOMER: Facade = {
  attributes: CUSTOMER_ATTRIBUTES,
  statuses: CUSTOMER_STATUSES,
  statusOf: CUSTOMER_STATUS_OF,
  render: toCustomer,
  notFound: PartyErrors.customerNotFound,
};

/** Where each field of a lead submission sits in an Organization_FVO, for the errors. */
const TMF_FIELD_OF: Readonly<Record<string, string>> = {
  companyName: 'name',
  creditCode: 'organizationIdentification.identificationId',
  regionCode: 'partyCharacteristic.regionCode',
  industrySection: 'partyCharacteristic.industrySection',
  priority: 'partyCharacteristic.priority',
  kind: 'partyCharacteristic.leadKind',
  contactName: 'partyCharacteristic.contactName',
  contactPhone: 'contactMedium.phoneNumber',
  contactEmail: 'contactMedium.emailAddress',
  partnerReference: 'externalReference.id',
};

/** The same error, its fields named as the Organization_FVO names them. */
function inTmfTerms(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  const rename = (field: string) => TMF_FIELD_OF[field] ?? field;
  if (error.violations.length > 0) {
    const say = (text: string, field: string) => text.split(field).join(rename(field));
    const violations = error.violations.map((v) => ({
      ...v,
      field: rename(v.field),
      message: say(v.message, v.field),
      ...(v.localized
        ? {
            localized: Object.fromEntries(
              Object.entries(v.localized).map(([locale, text]) => [locale, say(text, v.field)]),
            ) as typeof v.localized,
          }
        : {}),
    }));
    return DomainError.invalidInput(violations, error.code);
  }
  return error.field === undefined || !(error.field in TMF_FIELD_OF)
    ? error
    : new DomainError(
        error.code,
        error.kind,
        error.localized ?? error.message,
        rename(error.field),
      );
}

/** What an Organization_FVO says, as the lead submission it stands for. */
function submissionOf(body: OrganizationCreateBody): Record<string, unknown> {
  const characteristic = (name: string) =>
    body.partyCharacteristic?.find((c) => c.name === name)?.value;
  const medium = (type: string) => body.contactMedium?.find((m) => m['@type'] === type);
  const submission: Record<string, unknown> = {
    kind: characteristic('leadKind') ?? 'LEAD',
    partnerReference: body.externalReference?.[0]?.id ?? null,
    creditCode: body.organizationIdentification?.[0]?.identificationId ?? null,
    companyName: body.name,
    regionCode: characteristic('regionCode'),
    industrySection: characteristic('industrySection'),
    priority: characteristic('priority') ?? null,
    contactName: characteristic('contactName') ?? null,
    contactPhone: medium('PhoneContactMedium')?.phoneNumber ?? null,
    contactEmail: medium('EmailContactMedium')?.emailAddress ?? null,
  };
  return submission;
}

/** Whom to call after a merge patch: what it names replaces, what it leaves out stays. */
function contactOf(patch: OrganizationPatchBody, lead: LeadRecord) {
  const medium = (type: string) => patch.contactMedium?.find((m) => m['@type'] === type);
  const named = patch.partyCharacteristic?.find((c) => c.name === 'contactName');
  return {
    contactName: patch.partyCharacteristic ? (named?.value ?? null) : lead.contactName,
    contactPhone: patch.contactMedium
      ? (medium('PhoneContactMedium')?.phoneNumber ?? null)
      : lead.contactPhone,
    contactEmail: patch.contactMedium
      ? (medium('EmailContactMedium')?.emailAddress ?? null)
      : lead.contactEmail,
  };
}

/** The first attribute a patch would change that stays what was brought, if any. */
function fixedAttributeChanged(
  current: Record<string, unknown>,
  patch: OrganizationPatchBody,
): string | null {
  const characteristics = current['partyCharacteristic'] as { name: string; value: string }[];
  const valueOf = (name: string) => characteristics.find((c) => c.name === name)?.value ?? null;
  if (patch.name !== undefined && patch.name !== current['name']) return 'name';
  if (patch.tradingName !== undefined && patch.tradingName !== current['tradingName']) {
    return 'tradingName';
  }
  const identification = current['organizationIdentification'] as { identificationId: string }[];
  if (
    patch.organizationIdentification !== undefined &&
    patch.organizationIdentification[0]?.identificationId !== identification[0]?.identificationId
  ) {
    return 'organizationIdentification.identificationId';
  }
  const reference = current['externalReference'] as { id: string }[];
  if (
    patch.externalReference !== undefined &&
    patch.externalReference[0]?.id !== reference[0]?.id
  ) {
    return 'externalReference.id';
  }
  const changed = patch.partyCharacteristic?.find(
    (c) => c.name !== 'contactName' && c.value !== valueOf(c.name),
  );
  return changed ? `partyCharacteristic.${changed.name}` : null;
}

/**
 * TMF632 organizations and TMF629 customers for partners: both are the partner's own leads,
 * read through the lead's company (an organization, whatever its state) or once a manager took
 * it on (a customer). Another partner's id, like an unknown one, is not found.
 */
@Injectable()
export class PartyService {
  constructor(
    private readonly parties: PartyRepository,
    private readonly intake: LeadIntakeService,
    private readonly leads: LeadRepository,
    private readonly commands: LeadCommandsService,
  ) {}

  async organizations(caller: Caller, q: OrganizationListQuery): Promise<TmfPage> {
    const names = [q.name, q.tradingName].filter((n) => n !== undefined);
    // `name` and `tradingName` are one value here: asking for two different ones finds none.
    return this.list(caller, ORGANIZATION, q, new Set(names).size <= 1, {
      name: names[0] ?? null,
      creditCode: q['organizationIdentification.identificationId'] ?? null,
      leadId: null,
    });
  }

  organization(caller: Caller, id: string, fields?: string) {
    return this.one(caller, ORGANIZATION, id, fields);
  }

  /** The organization a partner posts, taken in as its lead (or the open lead it already is). */
  async createOrganization(caller: Caller, body: OrganizationCreateBody, fields?: string) {
    partnerOf(caller, 'leads:write');
    const selected = this.fields(fields, ORGANIZATION.attributes);
    try {
      const submission = (await new InputValidationPipe().transform(submissionOf(body), {
        type: 'body',
        metatype: SubmitLeadBody,
        data: '',
      })) as SubmitLeadBody;
      const lead = await this.intake.submit(caller, submission);
      return selectFields(toOrganization(lead), selected);
    } catch (error) {
      throw inTmfTerms(error);
    }
  }

  /**
   * Whom to call about one of the partner's open leads; anything else the patch names must be
   * what the organization already says (409 naming it otherwise).
   */
  async patchOrganization(
    caller: Caller,
    id: string,
    patch: OrganizationPatchBody,
    fields?: string,
  ) {
    const partnerId = partnerOf(caller, 'leads:write');
    const selected = this.fields(fields, ORGANIZATION.attributes);
    await this.leads.transaction(async (tx) => {
      const lead = isUUID(id) ? await this.leads.lock(tx, id) : null;
      if (!lead || lead.partnerId !== partnerId) throw PartyErrors.organizationNotFound(id);
      if (CLOSED_LEAD_STATES.includes(lead.state)) {
        throw LeadErrors.refused(reason('LEAD_CLOSED', { leadId: lead.id, state: lead.state }));
      }
      const fixed = fixedAttributeChanged(toOrganization(lead), patch);
      if (fixed) throw PartyErrors.attributeFixed(fixed);
      const contact = contactOf(patch, lead);
      const submission = (await new InputValidationPipe()
        .transform(
          { ...leadSubmissionOf(lead), ...contact },
          {
            type: 'body',
            metatype: SubmitLeadBody,
            data: '',
          },
        )
        .catch((error: unknown) => {
          throw inTmfTerms(error);
        })) as SubmitLeadBody;
      await this.leads.saveContact(tx, lead.id, {
        contactName: submission.contactName ?? null,
        contactPhone: submission.contactPhone ?? null,
        contactEmail: submission.contactEmail ?? null,
      });
    });
    return this.organizationOf(partnerId, id, selected);
  }

  /** The partner takes its open lead back: lost as withdrawn (answered 204). */
  async deleteOrganization(caller: Caller, id: string): Promise<void> {
    partnerOf(caller, 'leads:write');
    if (!isUUID(id)) throw PartyErrors.organizationNotFound(id);
    try {
      await this.commands.withdrawLead(caller, id);
    } catch (error) {
      const notFound = error instanceof DomainError && error.code === 'LEAD_NOT_FOUND';
      throw notFound ? PartyErrors.organizationNotFound(id) : error;
    }
  }

  async customers(caller: Caller, q: CustomerListQuery): Promise<TmfPage> {
    const party = q['engagedParty.id'];
    // An engaged party that is no lead's id is no customer's.
    return this.list(caller, CUSTOMER, q, party === undefined || isUUID(party), {
      name: q.name ?? null,
      creditCode: null,
      leadId: party ?? null,
    });
  }

  customer(caller: Caller, id: string, fields?: string) {
    return this.one(caller, CUSTOMER, id, fields);
  }

  private async list(
    caller: Caller,
    facade: Facade,
    q: TmfListQuery & { status?: string },
    possible: boolean,
    filter: Pick<PartyFilter, 'name' | 'creditCode' | 'leadId'>,
  ): Promise<TmfPage> {
    const partnerId = partnerOf(caller, 'customers:read');
    const problems: FieldViolation[] = [];
    const fields = tmfFields(q.fields, facade.attributes, problems);
    const { offset, limit } = tmfPage(q, problems);
    const statuses = tmfValues('status', q.status, facade.statuses, problems);
    if (problems.length > 0) throw DomainError.invalidInput(problems);
    const states = leadStatesOf(facade.statusOf, statuses);
    if (!possible || states.length === 0) return { total: 0, items: [] };
    const page = await this.parties.page({ partnerId, states, ...filter }, offset, limit);
    return {
      total: page.total,
      items: page.leads.map((lead) => selectFields(facade.render(lead), fields)),
    };
  }

  private async one(caller: Caller, facade: Facade, id: string, fields?: string) {
    const partnerId = partnerOf(caller, 'customers:read');
    const selected = this.fields(fields, facade.attributes);
    const states = leadStatesOf(facade.statusOf, null);
    const lead = isUUID(id) ? await this.parties.find(partnerId, id, states) : null;
    if (!lead) throw facade.notFound(id);
    return selectFields(facade.render(lead), selected);
  }

  private async organizationOf(partnerId: string, id: string, fields: string[] | null) {
    const lead = await this.parties.find(partnerId, id, null);
    if (!lead) throw PartyErrors.organizationNotFound(id);
    return selectFields(toOrganization(lead), fields);
  }

  private fields(value: string | undefined, attributes: readonly string[]) {
    const problems: FieldViolation[] = [];
    const selected = tmfFields(value, attributes, problems);
    if (problems.length > 0) throw DomainError.invalidInput(problems);
    return selected;
  }
}
