import { ApiProperty, ApiPropertyOptional, ApiSchema, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TextRules } from '@gap/graphql';
import { TmfListQuery } from '@gap/rest';

const Text = (description: string) => (target: object, key: string | symbol) => {
  ApiPropertyOptional({ type: 'string', description })(target, key);
  IsOptional()(target, key);
  IsString()(target, key);
  MaxLength(200)(target, key);
};

/** GET /organization: selection, paging and the attribute filters (TMF630). */
export class OrganizationListQuery extends TmfListQuery {
  @Text('The company name, exactly.') name?: string;
  @Text('The company name, exactly (the same as name).') tradingName?: string;
  @Text('initialized, validated or closed (comma-separated).') status?: string;
  @Text('The Unified Social Credit Code.') 'organizationIdentification.identificationId'?: string;
}

/** GET /customer: selection, paging and the attribute filters (TMF630). */
export class CustomerListQuery extends TmfListQuery {
  @Text('The company name, exactly.') name?: string;
  @Text('prospective or approved (comma-separated).') status?: string;
  @Text('The organization (a lead id) the customer is.') 'engagedParty.id'?: string;
}

/** Accepted as TMF allows it, not kept: the platform derives it. */
const Ignored =
  (description: string, type: 'string' | 'boolean' = 'string') =>
  (target: object, key: string | symbol) => {
    ApiPropertyOptional({ type, description: `${description} Accepted, not kept.` })(target, key);
    IsOptional()(target, key);
    (type === 'boolean' ? IsBoolean() : IsString())(target, key);
    if (type === 'string') MaxLength(200)(target, key);
  };

@ApiSchema({ name: 'OrganizationIdentification_FVO' })
export class OrganizationIdentificationInput {
  @ApiPropertyOptional({ enum: ['OrganizationIdentification'] })
  @IsOptional()
  @IsIn(['OrganizationIdentification'])
  '@type'?: string;

  @ApiProperty({
    enum: ['USCC'],
    description: 'The Unified Social Credit Code (统一社会信用代码).',
  })
  @IsIn(['USCC'])
  identificationType!: string;

  @ApiProperty({ example: '91350100M000100Y43' })
  @TextRules({ maxLength: 30 })
  identificationId!: string;

  @Ignored('Who issued it.') issuingAuthority?: string;
  @Ignored('When it was issued.') issuingDate?: string;
}

export const ORGANIZATION_CHARACTERISTICS = [
  'regionCode',
  'industrySection',
  'priority',
  'leadKind',
  'contactName',
  // What the platform answers, accepted back as it is (a client may send what it read).
  'leadState',
  'lostReason',
] as const;

@ApiSchema({ name: 'Characteristic_FVO' })
export class CharacteristicInput {
  @ApiPropertyOptional({ enum: ['StringCharacteristic', 'Characteristic'] })
  @IsOptional()
  @IsIn(['StringCharacteristic', 'Characteristic'])
  '@type'?: string;

  @ApiProperty({
    enum: ORGANIZATION_CHARACTERISTICS,
    description:
      'regionCode (6-digit GB/T 2260, required), industrySection (GB/T 4754, required), priority (P1–P4), leadKind (LEAD or REFERRAL), contactName.',
  })
  @IsIn(ORGANIZATION_CHARACTERISTICS)
  name!: string;

  @ApiProperty({ type: 'string', maxLength: 100 })
  @TextRules({ maxLength: 100 })
  value!: string;

  @Ignored('string') valueType?: string;
}

@ApiSchema({ name: 'ContactMedium_FVO' })
export class ContactMediumInput {
  @ApiProperty({ enum: ['PhoneContactMedium', 'EmailContactMedium'] })
  @IsIn(['PhoneContactMedium', 'EmailContactMedium'])
  '@type'!: string;

  @Ignored('phone or email.') contactType?: string;
  @Ignored('Whether to use it first.', 'boolean') preferred?: boolean;

  @ApiPropertyOptional({ type: 'string', example: '+86 591 8765 4321' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phoneNumber?: string;

  @ApiPropertyOptional({ type: 'string', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  emailAddress?: string;
}

@ApiSchema({ name: 'ExternalIdentifier_FVO' })
export class ExternalIdentifierInput {
  @ApiPropertyOptional({ enum: ['ExternalIdentifier'] })
  @IsOptional()
  @IsIn(['ExternalIdentifier'])
  '@type'?: string;

  @ApiProperty({ description: 'The partner’s own id for the lead.', maxLength: 64 })
  @TextRules({ maxLength: 64 })
  id!: string;

  @Ignored('partnerReference.') externalIdentifierType?: string;
  @Ignored('The system that holds it.') owner?: string;
}

const list = <T>(type: () => new () => T, description: string, max = 10) =>
  ((target: object, key: string | symbol) => {
    ApiPropertyOptional({ type: [type()], description, maxItems: max })(target, key);
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(max)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type)(target, key);
  }) as PropertyDecorator;

/**
 * TMF632 `Organization_FVO` as a partner posts it: the company it brings, which the platform
 * takes as a lead (de-duplicated, judged for conflict and routed like one from
 * POST /api/v1/partners/leads; the same company posted again answers the first).
 */
@ApiSchema({ name: 'Organization_FVO', description: 'A company a partner brings, as a lead.' })
export class OrganizationCreateBody {
  @ApiProperty({ enum: ['Organization'] })
  @IsIn(['Organization'])
  '@type'!: string;

  @ApiProperty({ maxLength: 100, example: '福建省福州市星辰科技有限公司' })
  @TextRules({ maxLength: 100 })
  name!: string;

  @Ignored('The same as name here.') tradingName?: string;
  @Ignored('The kind of name.') nameType?: string;
  @Ignored('Always true for a company.', 'boolean') isLegalEntity?: boolean;
  @Ignored('Whether it is the head office.', 'boolean') isHeadOffice?: boolean;
  @Ignored('The kind of organization.') organizationType?: string;
  @Ignored('The platform sets it.') status?: string;
  @Ignored('TMF polymorphism.') '@baseType'?: string;
  @Ignored('TMF polymorphism.') '@schemaLocation'?: string;

  @list(() => OrganizationIdentificationInput, 'At most one USCC.', 1)
  organizationIdentification?: OrganizationIdentificationInput[];

  @list(() => CharacteristicInput, 'regionCode and industrySection are required.')
  partyCharacteristic?: CharacteristicInput[];

  @list(() => ContactMediumInput, 'A phone and an email at most.', 2)
  contactMedium?: ContactMediumInput[];

  @list(() => ExternalIdentifierInput, 'The partner’s reference, at most one.', 1)
  externalReference?: ExternalIdentifierInput[];
}

/**
 * TMF632 `Organization_MVO` as a partner patches it (JSON Merge Patch): whom to call
 * (`contactMedium`, the `contactName` characteristic) changes; the company, its
 * identification, reference, region, industry, kind and priority stay what was brought (sent
 * unchanged they are accepted, changed they are refused).
 */
@ApiSchema({ name: 'Organization_MVO', description: 'Changes to a company the partner brought.' })
export class OrganizationPatchBody extends PartialType(OrganizationCreateBody) {}
