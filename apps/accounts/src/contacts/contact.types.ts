import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { BoundsRule, CalendarDateRule, TextRules, UuidRule } from '@gap/graphql';
import {
  CONSENT_PURPOSES,
  CONTACT_CHANNELS,
  CONTACT_ROLES,
  KEY_DATE_KINDS,
} from '@gap/accounts/domain';
import { enumOf } from '../group-account/dto/group-account.type.js';

export const ContactRoleEnum = enumOf(CONTACT_ROLES);
registerEnumType(ContactRoleEnum, { name: 'ContactRole' });
export const ContactChannelEnum = enumOf(CONTACT_CHANNELS);
registerEnumType(ContactChannelEnum, { name: 'ContactChannel' });
export const KeyDateKindEnum = enumOf(KEY_DATE_KINDS);
registerEnumType(KeyDateKindEnum, { name: 'KeyDateKind' });
export const ConsentPurposeEnum = enumOf(CONSENT_PURPOSES);
registerEnumType(ConsentPurposeEnum, { name: 'ConsentPurpose' });

const NAME = { maxLength: 100 };
/** A phone number as typed, with its spaces, dashes and +86. */
const PHONE = { maxLength: 30 };
/** RFC 5321's limit on an address. */
const EMAIL = { maxLength: 254 };
const MAX_VERSION = 2_147_483_647;

@ObjectType()
export class KeyDate {
  @Field(() => KeyDateKindEnum) kind!: string;
  @Field({ description: 'YYYY-MM-DD' }) date!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field({ description: 'Comes round every year.' }) yearly!: boolean;
}

@ObjectType()
export class ConsentRecord {
  @Field(() => ConsentPurposeEnum) purpose!: string;
  @Field({ description: 'Given (true) or withdrawn (false).' }) given!: boolean;
  @Field() recordedAt!: Date;
  @Field() recordedBy!: string;
}

@ObjectType({
  description:
    "A person at a group account. Personal data: the mobile and birthday are shown in full only to the account's own managers; an erased contact is an anonymous stub.",
})
export class Contact {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupAccountId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => ContactRoleEnum) role!: string;
  @Field(() => String, {
    nullable: true,
    description: 'E.164; masked unless you manage the account.',
  })
  mobile!: string | null;
  @Field(() => String, { nullable: true, description: 'E.164' }) officePhone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => ContactChannelEnum) preferredChannel!: string;
  @Field(() => String, { nullable: true, description: 'Hidden unless you manage the account.' })
  birthday!: string | null;
  @Field(() => [KeyDate]) keyDates!: KeyDate[];
  @Field(() => Date, { nullable: true }) erasedAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Int) version!: number;
}

@InputType()
export class KeyDateInput {
  @Field(() => KeyDateKindEnum) @IsString() kind!: string;
  @Field({ description: 'YYYY-MM-DD, between 1900-01-01 and 2100-12-31.' })
  @IsString()
  @CalendarDateRule()
  date!: string;
  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  @IsOptional()
  @IsString()
  @TextRules(NAME)
  label?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Defaults to yearly except for an office move.',
  })
  @IsOptional()
  @IsBoolean()
  yearly?: boolean | null;
}

@InputType()
export class ConsentInput {
  @Field(() => ConsentPurposeEnum) @IsIn(CONSENT_PURPOSES) purpose!: string;
  @Field() @IsBoolean() given!: boolean;
}

@InputType()
class ContactFieldsInput {
  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  @IsOptional()
  @IsString()
  @TextRules(NAME)
  name?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 100 characters.' })
  @IsOptional()
  @IsString()
  @TextRules(NAME)
  title?: string | null;
  @Field(() => ContactRoleEnum, { nullable: true }) @IsOptional() @IsString() role?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A Chinese mobile, as typed (at most 30 characters).',
  })
  @IsOptional()
  @IsString()
  @TextRules(PHONE)
  mobile?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A landline with its area code (at most 30 characters).',
  })
  @IsOptional()
  @IsString()
  @TextRules(PHONE)
  officePhone?: string | null;
  @Field(() => String, { nullable: true, description: 'At most 254 characters.' })
  @IsOptional()
  @IsString()
  @TextRules(EMAIL)
  email?: string | null;
  @Field(() => ContactChannelEnum, { nullable: true })
  @IsOptional()
  @IsString()
  preferredChannel?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, between 1900-01-01 and 2100-12-31.',
  })
  @IsOptional()
  @IsString()
  @CalendarDateRule()
  birthday?: string | null;
  @Field(() => [KeyDateInput], {
    nullable: true,
    description: 'Replaces all key dates (at most 100).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyDateInput)
  keyDates?: KeyDateInput[] | null;
}

@InputType()
export class AddContactInput extends ContactFieldsInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => [ConsentInput], {
    nullable: true,
    description: 'Consents given when meeting (at most 20).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConsentInput)
  consents?: ConsentInput[] | null;
}

@InputType({ description: 'The fields to change; a field left out keeps its value.' })
export class UpdateContactInput extends ContactFieldsInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => Int)
  @IsInt()
  @BoundsRule({ min: 1, max: MAX_VERSION, integer: true })
  version!: number;
}

@InputType()
export class RecordConsentInput extends ConsentInput {
  @Field(() => ID) @UuidRule() contactId!: string;
}
