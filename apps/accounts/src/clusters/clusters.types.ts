import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID } from 'class-validator';
import { ConnectionType } from '@gap/graphql';
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

@InputType()
export class CreateIndustryClusterInput {
  @Field() @IsString() name!: string;
  @Field() @IsString() industryCode!: string;
  @Field() @IsString() regionCode!: string;
  @Field(() => ID, { description: 'The leader enterprise (龙头企业).' })
  @IsUUID()
  leaderId!: string;
  @Field(() => [ID], { nullable: true, description: 'Supporting enterprises (配套企业).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  supporterIds?: string[];
}

@InputType()
export class ClusterMembersInput {
  @Field(() => ID) @IsUUID() clusterId!: string;
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  accountIds!: string[];
}

@InputType()
export class CreateIndustryAssociationInput {
  @Field() @IsString() name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() industryCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() regionCode?: string | null;
}

@InputType()
export class AssociationMembersInput {
  @Field(() => ID) @IsUUID() associationId!: string;
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  accountIds!: string[];
}
