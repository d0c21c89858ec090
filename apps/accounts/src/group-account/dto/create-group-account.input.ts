import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import {
  ACCOUNT_NAME_MAX_LENGTH,
  GROUP_ACCOUNT_TYPES,
  type GroupAccountType,
} from '@gap/accounts/domain';
import { GroupAccountTypeEnum } from './group-account.type.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A new group customer: an organisation, not a person.' })
export class CreateGroupAccountInput {
  @Field({ description: `Registered name, at most ${ACCOUNT_NAME_MAX_LENGTH} characters.` })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(ACCOUNT_NAME_MAX_LENGTH)
  name!: string;

  @Field({ description: 'The 18-character Unified Social Credit Code (统一社会信用代码).' })
  @IsString()
  @IsNotEmpty()
  creditCode!: string;

  @Field(() => GroupAccountTypeEnum)
  @IsIn(GROUP_ACCOUNT_TYPES)
  type!: GroupAccountType;

  @Field({ description: 'Industry section of GB/T 4754, e.g. C for manufacturing.' })
  @IsString()
  @IsNotEmpty()
  industryCode!: string;

  @Field({ description: 'Six-digit division code of GB/T 2260 (province, city, district).' })
  @IsString()
  @IsNotEmpty()
  regionCode!: string;
}
