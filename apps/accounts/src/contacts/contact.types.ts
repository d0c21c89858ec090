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
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
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
  @Field() @IsString() date!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() label?: string | null;
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
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() title?: string | null;
  @Field(() => ContactRoleEnum, { nullable: true }) @IsOptional() @IsString() role?: string | null;
  @Field(() => String, { nullable: true, description: 'A Chinese mobile, as typed.' })
  @IsOptional()
  @IsString()
  mobile?: string | null;
  @Field(() => String, { nullable: true, description: 'A landline with its area code.' })
  @IsOptional()
  @IsString()
  officePhone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() email?: string | null;
  @Field(() => ContactChannelEnum, { nullable: true })
  @IsOptional()
  @IsString()
  preferredChannel?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsString()
  birthday?: string | null;
  @Field(() => [KeyDateInput], { nullable: true, description: 'Replaces all key dates.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KeyDateInput)
  keyDates?: KeyDateInput[] | null;
}

@InputType()
export class AddContactInput extends ContactFieldsInput {
  @Field(() => ID) @IsUUID() groupAccountId!: string;
  @Field(() => [ConsentInput], { nullable: true, description: 'Consents given when meeting.' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConsentInput)
  consents?: ConsentInput[] | null;
}

@InputType({ description: 'The fields to change; a field left out keeps its value.' })
export class UpdateContactInput extends ContactFieldsInput {
  @Field(() => ID) @IsUUID() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
}

@InputType()
export class RecordConsentInput extends ConsentInput {
  @Field(() => ID) @IsUUID() contactId!: string;
}
