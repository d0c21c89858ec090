import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { ConnectionType, TextRules, UuidRule } from '@gap/graphql';
import { enumOf } from '../group-account/dto/group-account.type.js';

export const ClusterRoleEnum = enumOf(['LEADER', 'SUPPORTING'] as const);
registerEnumType(ClusterRoleEnum, { name: 'ClusterRole' });

@ObjectType({
  description: 'An industry cluster (产业集群): a leader enterprise and its suppliers.',
})
export class IndustryCluster {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() industryCode!: string;
  @Field() regionCode!: string;
  leaderAccountId!: string;
  @Field(() => Int) supporterCount!: number;
}
export const IndustryClusterConnection = ConnectionType(IndustryCluster, 'IndustryCluster');

@ObjectType({ description: "An account's place in a cluster." })
export class ClusterMembership {
  @Field(() => IndustryCluster) cluster!: IndustryCluster;
  @Field(() => ClusterRoleEnum) role!: 'LEADER' | 'SUPPORTING';
}

@ObjectType({
  description: 'An industry association (行业协会): a channel whose members are accounts.',
})
export class IndustryAssociation {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) industryCode!: string | null;
  @Field(() => String, { nullable: true }) regionCode!: string | null;
  @Field(() => Int) memberCount!: number;
}
export const IndustryAssociationConnection = ConnectionType(
  IndustryAssociation,
  'IndustryAssociation',
);

const NAME = { maxLength: 200 };
const INDUSTRY_CODE = { maxLength: 1 };
const REGION_CODE = { maxLength: 6 };

@InputType()
export class CreateIndustryClusterInput {
  @Field({ description: 'At most 200 characters.' }) @IsString() @TextRules(NAME) name!: string;
  @Field() @IsString() @TextRules(INDUSTRY_CODE) industryCode!: string;
  @Field() @IsString() @TextRules(REGION_CODE) regionCode!: string;
  @Field(() => ID, { description: 'The leader enterprise (龙头企业).' })
  @UuidRule()
  leaderId!: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'Supporting enterprises (配套企业), at most 1000.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @UuidRule({ each: true })
  supporterIds?: string[];
}

@InputType()
export class ClusterMembersInput {
  @Field(() => ID) @UuidRule() clusterId!: string;
  @Field(() => [ID], { description: 'At most 1000.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @UuidRule({ each: true })
  accountIds!: string[];
}

@InputType()
export class CreateIndustryAssociationInput {
  @Field({ description: 'At most 200 characters.' }) @IsString() @TextRules(NAME) name!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @TextRules(INDUSTRY_CODE)
  industryCode?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @TextRules(REGION_CODE)
  regionCode?: string | null;
}

@InputType()
export class AssociationMembersInput {
  @Field(() => ID) @UuidRule() associationId!: string;
  @Field(() => [ID], { description: 'At most 1000.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @UuidRule({ each: true })
  accountIds!: string[];
}
