import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import type { EventDefinitions } from './event-definition.js';

export const PARTNERS_TOPIC = 'partners.events.v1';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TYPES = ['AGENT', 'RESELLER', 'INDUSTRY_ASSOCIATION', 'E_CHANNEL'];
const STATUSES = ['ACTIVE', 'SUSPENDED', 'ENDED'];

/*
 * Partner events describe organisations, never people: a partner's contacts stay in the
 * partners service, so erasing a contact has one place to erase. The Kafka key is the
 * partner's id.
 */

/** What every partner event says of the organisation after the change. */
class PartnerFactsPayload {
  @IsUUID() partnerId!: string;
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(TYPES) type!: string;
  @IsString() @IsNotEmpty() level!: string;
  /** GB/T 2260 code prefixes of the regions it may sell into. */
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) regionPrefixes!: string[];
  /** GB/T 4754 sections it may sell into. */
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) industrySections!: string[];
  @Matches(DATE) contractStartsOn!: string;
  @IsOptional() @Matches(DATE) contractEndsOn!: string | null;
  @IsIn(STATUSES) status!: string;
  @IsInt() @Min(1) version!: number;
}

/** An admin registered a partner organisation. */
export class PartnerRegisteredPayload extends PartnerFactsPayload {
  @IsString() @IsNotEmpty() registeredBy!: string;
}

/** An admin changed a partner's describing fields; `changed` names them. */
export class PartnerUpdatedPayload extends PartnerFactsPayload {
  @IsArray() @IsString({ each: true }) changed!: string[];
  @IsString() @IsNotEmpty() updatedBy!: string;
}

/** A partner was suspended, reinstated or ended, with the reason given. */
export class PartnerStatusChangedPayload {
  @IsUUID() partnerId!: string;
  @IsString() @IsNotEmpty() code!: string;
  @IsIn(STATUSES) from!: string;
  @IsIn(STATUSES) to!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsString() @IsNotEmpty() changedBy!: string;
  @IsInt() @Min(1) version!: number;
}

/*
 * Lead events say what happened to a partner's lead with ids, codes and states: never the
 * person behind it. The Kafka key is the lead's id. A new company's LeadQualified carries the
 * company's registered name and code, so that the accounts service can open it as a PROSPECT.
 */
const LEAD_STATES = ['RECEIVED', 'QUALIFIED', 'DUPLICATE', 'IN_CONFLICT', 'ASSIGNED', 'CONTACTED'];

class LeadFactsPayload {
  @IsUUID() leadId!: string;
  @IsUUID() partnerId!: string;
  @IsOptional() @IsUUID() groupAccountId!: string | null;
  @IsInt() @Min(1) version!: number;
}

/** A partner submitted a lead or a referral; de-duplication has run. */
export class LeadReceivedPayload extends LeadFactsPayload {
  @IsIn(['LEAD', 'REFERRAL']) kind!: string;
  @IsIn(['P1', 'P2', 'P3']) priority!: string;
  @IsOptional() @IsString() creditCode!: string | null;
  @Matches(/^\d{6}$/) regionCode!: string;
  @Matches(/^[A-T]$/) industrySection!: string;
  @IsIn(['NEW', 'MATCH', 'POSSIBLE_DUPLICATE']) dedupeOutcome!: string;
  @IsString() @IsNotEmpty() receivedAt!: string;
}

/**
 * The lead is a company to work. With `prospectRequested`, the company is not in the book: the
 * accounts service opens it as a PROSPECT account from the fields given here.
 */
export class LeadQualifiedPayload extends LeadFactsPayload {
  @IsBoolean() prospectRequested!: boolean;
  @IsOptional() @IsString() creditCode!: string | null;
  @IsOptional() @IsString() companyName!: string | null;
  @Matches(/^\d{6}$/) regionCode!: string;
  @Matches(/^[A-T]$/) industrySection!: string;
  @IsString() @IsNotEmpty() qualifiedBy!: string;
}

/** The lead is the same company as an account or another open lead. */
export class LeadDuplicatePayload extends LeadFactsPayload {
  @IsIn(['ACCOUNT', 'LEAD']) duplicateOfKind!: string;
  @IsUUID() duplicateOfId!: string;
  @IsString() @IsNotEmpty() decidedBy!: string;
}

/** The lead collides with a manager or another partner; `reason` decides who wins. */
export class LeadInConflictPayload extends LeadFactsPayload {
  @IsString() @IsNotEmpty() reason!: string;
  @IsArray() @IsString({ each: true }) reasons!: string[];
  @IsIn(['MANAGER', 'PARTNER']) winnerKind!: string;
  @IsOptional() @IsString() winnerManagerId!: string | null;
  @IsOptional() @IsUUID() winnerPartnerId!: string | null;
}

/** A manager has the lead; the first-contact clock runs from the first assignment. */
export class LeadAssignedPayload extends LeadFactsPayload {
  @IsString() @IsNotEmpty() managerId!: string;
  @IsString() @IsNotEmpty() assignedBy!: string;
  @IsOptional() @IsString() firstContactDueAt!: string | null;
}

export class LeadContactedPayload extends LeadFactsPayload {
  @IsString() @IsNotEmpty() managerId!: string;
  @IsString() @IsNotEmpty() contactedAt!: string;
}

export class LeadConvertedPayload extends LeadFactsPayload {
  @IsString() @IsNotEmpty() managerId!: string;
  @IsString() @IsNotEmpty() convertedAt!: string;
}

/** The lead was lost, with the reason partners are told (never the free-text note). */
export class LeadLostPayload extends LeadFactsPayload {
  @IsIn([...LEAD_STATES]) fromState!: string;
  @IsString() @IsNotEmpty() reason!: string;
  @IsString() @IsNotEmpty() lostAt!: string;
}

/** A partner claimed a company for a deal it is working, until `expiresAt`. */
export class DealRegisteredPayload {
  @IsUUID() registrationId!: string;
  @IsUUID() partnerId!: string;
  @IsString() @IsNotEmpty() creditCode!: string;
  @IsOptional() @IsUUID() groupAccountId!: string | null;
  @IsString() @IsNotEmpty() registeredAt!: string;
  @IsString() @IsNotEmpty() expiresAt!: string;
}

/** A registration's time ran out: the company is open to other partners' leads again. */
export class DealExpiredPayload {
  @IsUUID() registrationId!: string;
  @IsUUID() partnerId!: string;
  @IsString() @IsNotEmpty() creditCode!: string;
  @IsOptional() @IsUUID() groupAccountId!: string | null;
  @IsString() @IsNotEmpty() expiresAt!: string;
  @IsString() @IsNotEmpty() expiredAt!: string;
}

export interface PartnersEventMap {
  PartnerRegistered: PartnerRegisteredPayload;
  PartnerUpdated: PartnerUpdatedPayload;
  PartnerStatusChanged: PartnerStatusChangedPayload;
  LeadReceived: LeadReceivedPayload;
  LeadQualified: LeadQualifiedPayload;
  LeadDuplicate: LeadDuplicatePayload;
  LeadInConflict: LeadInConflictPayload;
  LeadAssigned: LeadAssignedPayload;
  LeadContacted: LeadContactedPayload;
  LeadConverted: LeadConvertedPayload;
  LeadLost: LeadLostPayload;
  DealRegistered: DealRegisteredPayload;
  DealExpired: DealExpiredPayload;
}

const v1 = <P>(payload: new () => P) => ({ topic: PARTNERS_TOPIC, version: 1, payload });

export const PARTNERS_EVENTS: EventDefinitions<PartnersEventMap> = {
  PartnerRegistered: v1(PartnerRegisteredPayload),
  PartnerUpdated: v1(PartnerUpdatedPayload),
  PartnerStatusChanged: v1(PartnerStatusChangedPayload),
  LeadReceived: v1(LeadReceivedPayload),
  LeadQualified: v1(LeadQualifiedPayload),
  LeadDuplicate: v1(LeadDuplicatePayload),
  LeadInConflict: v1(LeadInConflictPayload),
  LeadAssigned: v1(LeadAssignedPayload),
  LeadContacted: v1(LeadContactedPayload),
  LeadConverted: v1(LeadConvertedPayload),
  LeadLost: v1(LeadLostPayload),
  DealRegistered: v1(DealRegisteredPayload),
  DealExpired: v1(DealExpiredPayload),
};
