import {
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

export const TIERING_TOPIC = 'tiering.events.v1';

export class TierAssignedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsOptional() @IsIn(['A', 'B', 'C']) previousTier!: string | null;
  @IsString() @IsNotEmpty() reason!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
}

export const TIER_CHANGE_REASONS = [
  'PARETO',
  'GROUP_FLOOR',
  'HYSTERESIS',
  'OVERRIDE',
  'OVERRIDE_EXPIRED',
  'OVERRIDE_REVOKED',
] as const;

/**
 * An account's tier in force changed, effective from a date: by a tiering run (`runId`), or by
 * a supervisor's override starting or ending (`overrideId`).
 */
export class TierChangedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsOptional() @IsIn(['A', 'B', 'C']) previousTier!: string | null;
  @IsIn(TIER_CHANGE_REASONS) reason!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
  @IsOptional() @IsUUID() runId!: string | null;
  @IsOptional() @IsUUID() overrideId!: string | null;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveFrom!: string;
}

export const VALUE_SEGMENT_NAMES = [
  'VALUE',
  'SECONDARY_VALUE',
  'POTENTIAL_VALUE',
  'LOW_VALUE',
] as const;

/** A tiering run placed an account in another value segment (current × potential value). */
export class ValueSegmentChangedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(VALUE_SEGMENT_NAMES) segment!: string;
  @IsOptional() @IsIn(VALUE_SEGMENT_NAMES) previousSegment!: string | null;
  @IsString() @IsNotEmpty() policyVersion!: string;
  @IsUUID() runId!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveFrom!: string;
}

/** Whole fen as a string of digits (optionally negative): no precision lost in JSON. */
const FEN = /^-?\d{1,16}$/;

/**
 * What an applied run made of an account: its tier in force and the one before the run, its
 * value segment, and the values the run computed, in fen. One per account of the run, so that
 * a read model of the portfolio (the accounts service's) can sort and filter by value.
 */
export class AccountValuedPayload {
  @IsUUID() groupAccountId!: string;
  @IsIn(['A', 'B', 'C']) tier!: string;
  @IsOptional() @IsIn(['A', 'B', 'C']) previousTier!: string | null;
  @IsIn(VALUE_SEGMENT_NAMES) segment!: string;
  /** Revenue less cost over the run's year. */
  @Matches(FEN) currentValue!: string;
  /** The wallet the account could still spend with the operator. */
  @Matches(FEN) potentialValue!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
  @IsUUID() runId!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveFrom!: string;
}

export class TieringRunAppliedPayload {
  @IsUUID() runId!: string;
  @IsString() @IsNotEmpty() policyVersion!: string;
  @Matches(/^\d{4}-\d{2}$/) asOf!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) effectiveFrom!: string;
  @IsInt() @Min(0) accounts!: number;
  /** Accounts whose tier in force changed (one TierChanged each). */
  @IsInt() @Min(0) changed!: number;
  /** Accounts placed in another value segment (one ValueSegmentChanged each). */
  @IsOptional() @IsInt() @Min(0) segmentsChanged!: number;
}

export interface TieringEventMap {
  TierAssigned: TierAssignedPayload;
  TierChanged: TierChangedPayload;
  ValueSegmentChanged: ValueSegmentChangedPayload;
  AccountValued: AccountValuedPayload;
  TieringRunApplied: TieringRunAppliedPayload;
}

export const TIERING_EVENTS: EventDefinitions<TieringEventMap> = {
  TierAssigned: { topic: TIERING_TOPIC, version: 1, payload: TierAssignedPayload },
  TierChanged: { topic: TIERING_TOPIC, version: 1, payload: TierChangedPayload },
  ValueSegmentChanged: { topic: TIERING_TOPIC, version: 1, payload: ValueSegmentChangedPayload },
  AccountValued: { topic: TIERING_TOPIC, version: 1, payload: AccountValuedPayload },
  TieringRunApplied: { topic: TIERING_TOPIC, version: 1, payload: TieringRunAppliedPayload },
};
