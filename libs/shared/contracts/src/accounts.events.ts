import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { EventDefinitions } from './event-definition.js';

export const ACCOUNTS_TOPIC = 'accounts.events.v1';

const STATUSES = ['PROSPECT', 'ACTIVE', 'SUSPENDED', 'CHURNED'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/*
 * Accounts events describe organisations, never people: contact events carry ids and roles
 * only, so a contact's personal data lives in one place and erasure has one place to erase.
 * Consumers that need a name or a number ask the graph at the moment they need it.
 */

export class AccountCreatedPayload {
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() accountCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @Length(18, 18) creditCode!: string;
  @IsIn(['ENTERPRISE', 'GOVERNMENT', 'PUBLIC_INSTITUTION', 'SME']) type!: string;
  @IsString() @IsNotEmpty() industryCode!: string;
  @IsString() @Length(6, 6) regionCode!: string;
  @IsIn(STATUSES) status!: string;
  @IsOptional() @IsUUID() parentId?: string | null;
  @IsOptional() @IsInt() @Min(0) employees?: number | null;
  @IsOptional() @IsInt() @Min(0) linesCount?: number | null;
  @IsOptional() @Matches(DATE) foundedOn?: string | null;
  /** Who registered it: they follow it up (and see it) until it has a primary manager. */
  @IsOptional() @IsString() @IsNotEmpty() registeredBy?: string;
}

/** The account's describing fields after the change, and which of them changed. */
export class AccountUpdatedPayload {
  @IsUUID() groupAccountId!: string;
  @IsArray() @IsString({ each: true }) changed!: string[];
  @IsString() @IsNotEmpty() name!: string;
  @IsIn(['ENTERPRISE', 'GOVERNMENT', 'PUBLIC_INSTITUTION', 'SME']) type!: string;
  @IsString() @IsNotEmpty() industryCode!: string;
  @IsString() @Length(6, 6) regionCode!: string;
  @IsOptional() @IsInt() @Min(0) employees!: number | null;
  @IsOptional() @IsInt() @Min(0) linesCount!: number | null;
  @IsOptional() @Matches(DATE) foundedOn!: string | null;
  @IsArray() @IsString({ each: true }) tags!: string[];
  @IsInt() @Min(1) version!: number;
}

export class AccountStatusChangedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(STATUSES) from!: string;
  @IsIn(STATUSES) to!: string;
  @IsOptional() @IsString() reason!: string | null;
}

/** An account (with everything below it) moved to another parent, or became a group's head. */
export class AccountHierarchyChangedPayload {
  @IsUUID() groupAccountId!: string;
  @IsOptional() @IsUUID() previousParentId!: string | null;
  @IsOptional() @IsUUID() parentId!: string | null;
  @IsUUID() previousGroupHeadId!: string;
  @IsUUID() groupHeadId!: string;
  @IsInt() @Min(0) descendantsMoved!: number;
}

export class ClusterMembershipChangedPayload {
  @IsUUID() groupAccountId!: string;
  @IsUUID() clusterId!: string;
  @IsString() @IsNotEmpty() clusterName!: string;
  @IsIn(['LEADER', 'SUPPORTING']) role!: string;
  @IsIn(['JOINED', 'LEFT']) change!: string;
}

export class ContactAddedPayload {
  @IsUUID() contactId!: string;
  @IsUUID() groupAccountId!: string;
  @IsIn(['DECISION_MAKER', 'IT_LEAD', 'FINANCE', 'USER', 'OTHER']) role!: string;
  @IsIn(['PHONE', 'SMS', 'EMAIL', 'VISIT']) preferredChannel!: string;
}

export class ContactUpdatedPayload extends ContactAddedPayload {
  @IsArray() @IsString({ each: true }) changed!: string[];
}

/** Purge every copy of this contact's personal data. */
export class ContactErasedPayload {
  @IsUUID() contactId!: string;
  @IsUUID() groupAccountId!: string;
}

/** A date worth a greeting or a call comes up in `daysAhead` days (for the care service). */
export class KeyDateUpcomingPayload {
  @IsUUID() groupAccountId!: string;
  @IsUUID() contactId!: string;
  @IsIn(['BIRTHDAY', 'LINE_ACTIVATION_ANNIVERSARY', 'OFFICE_MOVE', 'CUSTOM']) kind!: string;
  /** Absent once the contact is erased: the announcement is kept, what it said of them is not. */
  @ValidateIf((payload: KeyDateUpcomingPayload) => payload.redacted !== true)
  @Matches(DATE)
  occursOn?: string;
  @ValidateIf((payload: KeyDateUpcomingPayload) => payload.redacted !== true)
  @IsInt()
  @Min(0)
  daysAhead?: number;
  @IsOptional() @IsString() label?: string | null;
  /** Set when the contact was erased after the announcement. */
  @IsOptional() @IsBoolean() redacted?: boolean;
}

export interface AccountsEventMap {
  AccountCreated: AccountCreatedPayload;
  AccountUpdated: AccountUpdatedPayload;
  AccountStatusChanged: AccountStatusChangedPayload;
  AccountHierarchyChanged: AccountHierarchyChangedPayload;
  ClusterMembershipChanged: ClusterMembershipChangedPayload;
  ContactAdded: ContactAddedPayload;
  ContactUpdated: ContactUpdatedPayload;
  ContactErased: ContactErasedPayload;
  KeyDateUpcoming: KeyDateUpcomingPayload;
}

const v1 = <P>(payload: new () => P) => ({ topic: ACCOUNTS_TOPIC, version: 1, payload });

export const ACCOUNTS_EVENTS: EventDefinitions<AccountsEventMap> = {
  AccountCreated: v1(AccountCreatedPayload),
  AccountUpdated: v1(AccountUpdatedPayload),
  AccountStatusChanged: v1(AccountStatusChangedPayload),
  AccountHierarchyChanged: v1(AccountHierarchyChangedPayload),
  ClusterMembershipChanged: v1(ClusterMembershipChangedPayload),
  ContactAdded: v1(ContactAddedPayload),
  ContactUpdated: v1(ContactUpdatedPayload),
  ContactErased: v1(ContactErasedPayload),
  KeyDateUpcoming: v1(KeyDateUpcomingPayload),
};
