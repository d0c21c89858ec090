import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@gap/graphql';
import { LEAD_PRIORITIES, LEAD_STATES, LOST_REASONS } from '@gap/partners/domain';
import { LEAD_KINDS, type LeadRecord } from './lead.model.js';

const asEnum = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
export const LeadStateEnum = asEnum(LEAD_STATES);
export const LeadKindEnum = asEnum(LEAD_KINDS);
export const LeadPriorityEnum = asEnum(LEAD_PRIORITIES);
export const LostReasonEnum = asEnum(LOST_REASONS);
export const DuplicateDecisionEnum = asEnum(['CONFIRM', 'OVERRULE']);
export const ConflictDecisionEnum = asEnum(['LOSE_TO_WINNER', 'ROUTE_TO_MANAGER']);
export const DedupeOutcomeEnum = asEnum(['NEW', 'MATCH', 'POSSIBLE_DUPLICATE']);
registerEnumType(LeadStateEnum, {
  name: 'LeadState',
  description:
    'RECEIVED → QUALIFIED, DUPLICATE or IN_CONFLICT → ASSIGNED → CONTACTED → CONVERTED or LOST.',
});
registerEnumType(LeadKindEnum, { name: 'LeadKind', description: 'A lead or a referral.' });
registerEnumType(LeadPriorityEnum, {
  name: 'LeadPriority',
  description: 'P1 most urgent; the first-contact target follows it.',
});
registerEnumType(LostReasonEnum, { name: 'LeadLostReason', description: 'Why a lead was lost.' });
registerEnumType(DuplicateDecisionEnum, {
  name: 'DuplicateDecision',
  description: 'CONFIRM: it is the candidate; OVERRULE: it is another company.',
});
registerEnumType(ConflictDecisionEnum, {
  name: 'ConflictDecision',
  description:
    'LOSE_TO_WINNER: the lead is lost to the conflict; ROUTE_TO_MANAGER: a manager works it.',
});
registerEnumType(DedupeOutcomeEnum, {
  name: 'LeadDedupeOutcome',
  description: 'What de-duplication found: a new company, a match or a possible duplicate.',
});

@ObjectType('LeadCandidate', { description: 'An account or open lead the lead was compared with.' })
export class LeadCandidateType {
  @Field({ description: 'ACCOUNT or LEAD.' }) kind!: string;
  @Field(() => ID) id!: string;
  @Field(() => Float, { description: '0 to 1.' }) score!: number;
  @Field(() => [String], { description: 'Why, e.g. CREDIT_CODE_EQUAL or TRIGRAM 0.82.' })
  evidence!: readonly string[];
}

@ObjectType('LeadConflict', { description: 'Who wins the company, and why.' })
export class LeadConflictType {
  @Field({ description: 'The deciding reason.' }) reason!: string;
  @Field(() => [String], { description: 'Every reason that applies, deciding one first.' })
  reasons!: readonly string[];
  @Field({ description: 'MANAGER or PARTNER.' }) winnerKind!: string;
  @Field(() => String, { nullable: true }) winnerManagerId!: string | null;
  @Field(() => ID, { nullable: true }) winnerPartnerId!: string | null;
}

@ObjectType('Lead', {
  description: 'A partner’s lead or referral, as the operator’s people work it.',
})
export class LeadType {
  @Field(() => ID) id!: string;
  @Field(() => ID) partnerId!: string;
  @Field(() => String, { nullable: true }) partnerReference!: string | null;
  @Field(() => LeadKindEnum) kind!: string;
  @Field(() => String, { nullable: true }) creditCode!: string | null;
  @Field() companyName!: string;
  @Field({ description: 'The distinctive part of the name, as compared.' }) normalisedName!: string;
  @Field() regionCode!: string;
  @Field() industrySection!: string;
  @Field(() => String, { nullable: true, description: 'Personal data.' }) contactName!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Personal data.' }) contactPhone!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Personal data.' }) contactEmail!:
    string | null;
  @Field(() => LeadPriorityEnum) priority!: string;
  @Field(() => LeadStateEnum) state!: string;
  @Field(() => DedupeOutcomeEnum) dedupeOutcome!: string;
  @Field(() => Float, { nullable: true }) dedupeScore!: number | null;
  @Field(() => [LeadCandidateType]) candidates!: readonly LeadCandidateType[];
  @Field({ description: 'Waiting in the coordinators’ duplicate review queue.' })
  reviewPending!: boolean;
  @Field(() => ID, { nullable: true }) groupAccountId!: string | null;
  @Field(() => LeadConflictType, { nullable: true }) conflict!: LeadConflictType | null;
  @Field(() => String, { nullable: true }) managerId!: string | null;
  @Field(() => Date, { nullable: true }) assignedAt!: Date | null;
  @Field(() => Date, { nullable: true }) firstContactDueAt!: Date | null;
  @Field(() => Date, { nullable: true }) firstContactAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => LostReasonEnum, { nullable: true }) lostReason!: string | null;
  @Field(() => String, { nullable: true }) lostNote!: string | null;
  @Field() receivedAt!: Date;
  @Field(() => Int, { description: 'Give it back with a change: a stale one is refused.' })
  version!: number;
}

export const LeadConnection = ConnectionType(LeadType, 'Lead');

/** A stored lead as the graph shows it. */
export function toLeadType(lead: LeadRecord): LeadType {
  const conflict = lead.storedConflict;
  const winner = conflict?.winner;
  return {
    ...lead,
    groupAccountId: lead.accountId,
    conflict: conflict
      ? {
          reason: conflict.reason,
          reasons: conflict.reasons,
          winnerKind: conflict.winner.kind,
          winnerManagerId: winner?.kind === 'MANAGER' ? winner.managerId : null,
          winnerPartnerId: winner?.kind === 'PARTNER' ? winner.partnerId : null,
        }
      : null,
  };
}
