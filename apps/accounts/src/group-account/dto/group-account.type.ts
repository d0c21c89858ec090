import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  GROUP_ACCOUNT_STATUSES,
  GROUP_ACCOUNT_TYPES,
  type GroupAccountStatus,
  type GroupAccountType,
} from '@gap/accounts/domain';
import { ConnectionType } from '@gap/graphql';

export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const GroupAccountTypeEnum = enumOf(GROUP_ACCOUNT_TYPES);
registerEnumType(GroupAccountTypeEnum, { name: 'GroupAccountType' });
export const GroupAccountStatusEnum = enumOf(GROUP_ACCOUNT_STATUSES);
registerEnumType(GroupAccountStatusEnum, {
  name: 'GroupAccountStatus',
  description: 'PROSPECT → ACTIVE ⇄ SUSPENDED → CHURNED → (won back) PROSPECT.',
});

@ObjectType('GroupAccount', {
  description: 'A group customer: enterprise, agency, institution or SME.',
})
@Directive('@key(fields: "id")')
export class GroupAccount {
  @Field(() => ID) id!: string;
  @Field({ description: 'Our own account code, e.g. GA00100001.' }) accountCode!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) legalName!: string | null;
  @Field() creditCode!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Why a credit code with a wrong check character was accepted, if it was.',
  })
  creditCodeOverrideReason!: string | null;
  @Field(() => GroupAccountTypeEnum) type!: GroupAccountType;
  @Field({ description: 'GB/T 4754 section; `industry` gives its labels.' }) industryCode!: string;
  @Field({ description: 'GB/T 2260 division code.' }) regionCode!: string;
  @Field(() => Int, { nullable: true }) employees!: number | null;
  @Field(() => Int, { nullable: true, description: 'Lines and members on our network.' })
  linesCount!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) foundedOn!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => GroupAccountStatusEnum) status!: GroupAccountStatus;
  @Field(() => String, { nullable: true }) statusReason!: string | null;
  @Field(() => Int, { description: 'Level in its group: 1 for the head.' }) depth!: number;
  @Field() createdBy!: string;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int, { description: 'Changes with every update; send it back to update safely.' })
  version!: number;
}

export const GroupAccountConnection = ConnectionType(GroupAccount, 'GroupAccount');

@ObjectType({ description: 'An industry section of GB/T 4754-2017 (国民经济行业分类).' })
export class Industry {
  @Field() code!: string;
  @Field() nameZh!: string;
  @Field() nameEn!: string;
}
