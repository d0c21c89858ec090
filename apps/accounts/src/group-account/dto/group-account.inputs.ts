import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { GROUP_ACCOUNT_STATUSES, type GroupAccountStatus } from '@gap/accounts/domain';
import { GroupAccountStatusEnum, GroupAccountTypeEnum } from './group-account.type.js';

/*
 * Inputs check only their shape here; the rules on the values (check characters, codes,
 * dates) live in the domain library, shared with the bulk import, and report every field.
 */

@InputType({ description: 'A new group customer: an organisation, not a person.' })
export class CreateGroupAccountInput {
  @Field({ description: 'Registered name, at most 200 characters.' })
  @IsString()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Full legal name, when it differs.' })
  @IsOptional()
  @IsString()
  legalName?: string | null;

  @Field({ description: 'The 18-character Unified Social Credit Code (统一社会信用代码).' })
  @IsString()
  creditCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'For a legacy code whose check character does not match: why it is right anyway (supervisors and admins only).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  creditCodeOverrideReason?: string | null;

  @Field(() => GroupAccountTypeEnum)
  @IsString()
  type!: string;

  @Field({ description: 'Industry section of GB/T 4754, e.g. C for manufacturing.' })
  @IsString()
  industryCode!: string;

  @Field({ description: 'Six-digit division code of GB/T 2260 (province, city, district).' })
  @IsString()
  regionCode!: string;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() employees?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() linesCount?: number | null;

  @Field(() => String, { nullable: true, description: 'Founding date, YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  foundedOn?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The account directly above in its group.' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@InputType({ description: 'The fields to change; a field left out keeps its value.' })
export class UpdateGroupAccountInput {
  @Field(() => ID) @IsUUID() id!: string;

  @Field(() => Int, { description: 'The version you read; the change is refused if it moved on.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() legalName?: string | null;
  @Field(() => GroupAccountTypeEnum, { nullable: true })
  @IsOptional()
  @IsString()
  type?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() industryCode?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() regionCode?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() employees?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() linesCount?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() foundedOn?: string | null;
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  tags?: string[] | null;
}

@InputType()
export class ChangeGroupAccountStatusInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => GroupAccountStatusEnum) @IsIn(GROUP_ACCOUNT_STATUSES) status!: GroupAccountStatus;
  @Field(() => String, { nullable: true, description: 'Required to suspend or churn.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

@InputType({ description: 'Moves an account, and everything below it, under another parent.' })
export class MoveGroupAccountInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => ID, { nullable: true, description: 'The new parent; null makes it a group head.' })
  @IsOptional()
  @IsUUID()
  parentId!: string | null;
}
