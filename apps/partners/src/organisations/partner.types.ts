import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@gap/graphql';
import { PARTNER_STATUSES, PARTNER_TYPES } from '@gap/partners/domain';
import { PARTNER_LEVELS } from './partner.model.js';

const asEnum = (values: readonly string[]) => Object.fromEntries(values.map((v) => [v, v]));
export const PartnerTypeEnum = asEnum(PARTNER_TYPES);
export const PartnerLevelEnum = asEnum(PARTNER_LEVELS);
export const PartnerStatusEnum = asEnum(PARTNER_STATUSES);
registerEnumType(PartnerTypeEnum, {
  name: 'PartnerType',
  description:
    'AGENT (代理商), RESELLER (经销商), INDUSTRY_ASSOCIATION (行业协会) or E_CHANNEL (电子渠道).',
});
registerEnumType(PartnerLevelEnum, {
  name: 'PartnerLevel',
  description: 'STRATEGIC, CORE or STANDARD: how much of the channel the partner carries.',
});
registerEnumType(PartnerStatusEnum, {
  name: 'PartnerStatus',
  description: 'ACTIVE ⇄ SUSPENDED → ENDED (for good); reinstated only under contract.',
});

@ObjectType('PartnerContact', { description: 'A person at the partner. Personal data.' })
export class PartnerContactType {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) mobile!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
}

@ObjectType('Partner', {
  description:
    'A partner organisation that extends the operator’s coverage: what it may sell where, under which contract.',
})
export class PartnerNode {
  @Field(() => ID) id!: string;
  @Field({ description: 'The partner’s code: capitals, digits, - and _.' }) code!: string;
  @Field() name!: string;
  @Field(() => PartnerTypeEnum) type!: string;
  @Field(() => PartnerLevelEnum) level!: string;
  @Field(() => [String], { description: 'GB/T 2260 prefixes of the regions it may sell into.' })
  regionPrefixes!: readonly string[];
  @Field(() => [String], { description: 'GB/T 4754 sections it may sell into.' })
  industrySections!: readonly string[];
  @Field({ description: 'YYYY-MM-DD.' }) contractStartsOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while open-ended.' })
  contractEndsOn!: string | null;
  @Field(() => PartnerStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'Why it was last suspended or ended.' })
  statusReason!: string | null;
  @Field(() => [PartnerContactType]) contacts!: readonly PartnerContactType[];
  @Field(() => Int, { description: 'Give it back with a change: a stale one is refused.' })
  version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

export const PartnerConnection = ConnectionType(PartnerNode, 'Partner');
