import {
  IsArray,
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

export const BUNDLES_TOPIC = 'bundles.events.v1';

/** Whole fen as a string of digits: no precision lost in JSON. */
const FEN = /^-?\d{1,16}$/;
const LEVELS = ['SUPERVISOR', 'REGIONAL_DIRECTOR', 'HEADQUARTERS'];

/** What every proposal event says of the proposal: which, for whom, at which revision. */
class ProposalFactsPayload {
  @IsUUID() proposalId!: string;
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() templateCode!: string;
  @IsInt() @Min(1) templateVersion!: number;
  @IsInt() @Min(1) revision!: number;
  /** Who drafted it (employee number): the manager who sells. */
  @IsString() @IsNotEmpty() authorId!: string;
}

/** A proposal went for approval (or straight to approved when within policy). */
export class ProposalSubmittedPayload extends ProposalFactsPayload {
  /** Monthly recurring total after every discount, before tax. */
  @Matches(FEN) monthlyNetFen!: string;
  @Matches(FEN) oneTimeNetFen!: string;
  /** The discount beyond policy, in basis points of the list. */
  @IsInt() @Min(0) discountDepthBp!: number;
  /** The approvers it waits for, in order; empty within policy. */
  @IsArray() @IsIn(LEVELS, { each: true }) chain!: string[];
}

/** The last approver of the chain approved (or none was needed). */
export class ProposalApprovedPayload extends ProposalFactsPayload {
  @IsOptional() @IsString() approvedBy!: string | null;
}

export class ProposalRejectedPayload extends ProposalFactsPayload {
  @IsString() @IsNotEmpty() rejectedBy!: string;
  @IsIn(LEVELS) level!: string;
  @IsString() @IsNotEmpty() comment!: string;
}

export class ProposalAcceptedPayload extends ProposalFactsPayload {
  @Matches(FEN) monthlyNetFen!: string;
  @Matches(FEN) oneTimeNetFen!: string;
  @IsArray() @IsUUID('all', { each: true }) subscriptionIds!: string[];
}

/** A sent proposal the customer did not accept in time; or one they declined. */
export class ProposalExpiredPayload extends ProposalFactsPayload {
  @IsString() @IsNotEmpty() validUntil!: string;
}

export class ProposalDeclinedPayload extends ProposalFactsPayload {
  @IsString() @IsNotEmpty() declinedBy!: string;
}

/** A product subscribed by an account, its price and version locked. */
export class SubscriptionStartedPayload {
  @IsUUID() subscriptionId!: string;
  @IsUUID() groupAccountId!: string;
  @IsOptional() @IsUUID() proposalId!: string | null;
  @IsString() @IsNotEmpty() productCode!: string;
  @IsInt() @Min(1) productVersion!: number;
  @IsInt() @Min(1) quantity!: number;
  @Matches(FEN) monthlyNetFen!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) startsOn!: string;
}

/** What every trial event says of the trial: which, for whom, of what, until when. */
class TrialFactsPayload {
  @IsUUID() trialId!: string;
  @IsUUID() groupAccountId!: string;
  /** TEMPLATE (a bundle template's code) or PRODUCT (a module's product code). */
  @IsIn(['TEMPLATE', 'PRODUCT']) subjectKind!: string;
  @IsString() @IsNotEmpty() subjectCode!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsString() @IsNotEmpty() endsAt!: string;
}

/** A trial began; `startedBy` is the manager (employee number) who started it. */
export class TrialStartedPayload extends TrialFactsPayload {
  @IsString() @IsNotEmpty() startedAt!: string;
  @IsString() @IsNotEmpty() startedBy!: string;
}

/** A reminder before the end: `reminder` counts from 1 in the policy's order. */
export class TrialEndingPayload extends TrialFactsPayload {
  @IsInt() @Min(1) reminder!: number;
  @IsInt() @Min(0) daysLeft!: number;
}

/** The customer kept it: the subscriptions the conversion created. */
export class TrialConvertedPayload extends TrialFactsPayload {
  @IsArray() @IsUUID('all', { each: true }) subscriptionIds!: string[];
  @IsString() @IsNotEmpty() convertedBy!: string;
}

/** The end passed without conversion, or the trial was ended early (`endedBy` set). */
export class TrialExpiredPayload extends TrialFactsPayload {
  @IsOptional() @IsString() endedBy!: string | null;
}

/** A subscription's quantity or attributes changed: a new locked price line from `effectiveOn`. */
export class SubscriptionChangedPayload {
  @IsUUID() subscriptionId!: string;
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() productCode!: string;
  @IsInt() @Min(1) productVersion!: number;
  @IsInt() @Min(1) previousQuantity!: number;
  @IsInt() @Min(1) quantity!: number;
  @Matches(FEN) previousMonthlyNetFen!: string;
  @Matches(FEN) monthlyNetFen!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveOn!: string;
  @IsString() @IsNotEmpty() changedBy!: string;
}

/** A subscription ended on `endsOn` (its last day). */
export class SubscriptionEndedPayload {
  @IsUUID() subscriptionId!: string;
  @IsUUID() groupAccountId!: string;
  @IsString() @IsNotEmpty() productCode!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) endsOn!: string;
  @IsString() @IsNotEmpty() endedBy!: string;
}

export interface BundlesEventMap {
  ProposalSubmitted: ProposalSubmittedPayload;
  ProposalApproved: ProposalApprovedPayload;
  ProposalRejected: ProposalRejectedPayload;
  ProposalAccepted: ProposalAcceptedPayload;
  ProposalDeclined: ProposalDeclinedPayload;
  ProposalExpired: ProposalExpiredPayload;
  SubscriptionStarted: SubscriptionStartedPayload;
  TrialStarted: TrialStartedPayload;
  TrialEnding: TrialEndingPayload;
  TrialConverted: TrialConvertedPayload;
  TrialExpired: TrialExpiredPayload;
  SubscriptionChanged: SubscriptionChangedPayload;
  SubscriptionEnded: SubscriptionEndedPayload;
}

const v1 = <P>(payload: new () => P) => ({ topic: BUNDLES_TOPIC, version: 1, payload });

export const BUNDLES_EVENTS: EventDefinitions<BundlesEventMap> = {
  ProposalSubmitted: v1(ProposalSubmittedPayload),
  ProposalApproved: v1(ProposalApprovedPayload),
  ProposalRejected: v1(ProposalRejectedPayload),
  ProposalAccepted: v1(ProposalAcceptedPayload),
  ProposalDeclined: v1(ProposalDeclinedPayload),
  ProposalExpired: v1(ProposalExpiredPayload),
  SubscriptionStarted: v1(SubscriptionStartedPayload),
  TrialStarted: v1(TrialStartedPayload),
  TrialEnding: v1(TrialEndingPayload),
  TrialConverted: v1(TrialConvertedPayload),
  TrialExpired: v1(TrialExpiredPayload),
  SubscriptionChanged: v1(SubscriptionChangedPayload),
  SubscriptionEnded: v1(SubscriptionEndedPayload),
};
