import { Directive, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  GROUP_ACCOUNT_STATUSES,
  GROUP_ACCOUNT_TYPES,
  type GroupAccountStatus,
  type GroupAccountType,
} from '@gap/accounts/domain';
import { ConnectionType } from '@gap/graphql';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const GroupAccountTypeEnum = enumOf(GROUP_ACCOUNT_TYPES);
registerEnumType(GroupAccountTypeEnum, { name: 'GroupAccountType' });
export const GroupAccountStatusEnum = enumOf(GROUP_ACCOUNT_STATUSES);
registerEnumType(GroupAccountStatusEnum, { name: 'GroupAccountStatus' });

@ObjectType('GroupAccount', {
  description: 'A group customer: enterprise, agency, institution or SME.',
})
@Directive('@key(fields: "id")')
export class GroupAccount {
  @Field(() => ID) id!: string;
  @Field({ description: 'Our own account code, e.g. GA00100001.' }) accountCode!: string;
  @Field() name!: string;
  @Field() creditCode!: string;
  @Field(() => GroupAccountTypeEnum) type!: GroupAccountType;
  @Field() industryCode!: string;
  @Field() regionCode!: string;
  @Field(() => GroupAccountStatusEnum) status!: GroupAccountStatus;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  @Field(() => Int, { description: 'Changes with every update; send it back to update safely.' })
  version!: number;
}

export const GroupAccountConnection = ConnectionType(GroupAccount, 'GroupAccount');
