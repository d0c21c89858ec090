import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CUSTOMER_STATUSES, ORGANIZATION_STATUSES } from '../party.resource.js';

const objects = { type: 'array', items: { type: 'object' } } as const;
const object = { type: 'object', additionalProperties: true } as const;

/** TMF632 `Organization` as a partner reads it (OpenAPI face only). */
@ApiSchema({
  name: 'Organization',
  description: 'A company the partner brought, as TMF632: the id is its lead’s.',
})
export class OrganizationSchema {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '/tmf-api/partyManagement/v5/organization/8f0c…' }) href!: string;
  @ApiProperty({ enum: ['Organization'] }) '@type'!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() tradingName?: string;
  @ApiPropertyOptional() isLegalEntity?: boolean;
  @ApiPropertyOptional({ enum: ORGANIZATION_STATUSES }) status?: string;
  @ApiPropertyOptional(object) existsDuring?: unknown;
  @ApiPropertyOptional(objects) organizationIdentification?: unknown[];
  @ApiPropertyOptional(objects) externalReference?: unknown[];
  @ApiPropertyOptional(objects) contactMedium?: unknown[];
  @ApiPropertyOptional(objects) partyCharacteristic?: unknown[];
}

/** TMF629 `Customer` as a partner reads it (OpenAPI face only). */
@ApiSchema({
  name: 'Customer',
  description: 'A company the partner brought that a manager took on, as TMF629.',
})
export class CustomerSchema {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '/tmf-api/customerManagement/v5/customer/8f0c…' }) href!: string;
  @ApiProperty({ enum: ['Customer'] }) '@type'!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() role?: string;
  @ApiPropertyOptional({ enum: CUSTOMER_STATUSES }) status?: string;
  @ApiPropertyOptional() statusReason?: string;
  @ApiPropertyOptional(object) validFor?: unknown;
  @ApiPropertyOptional(object) engagedParty?: unknown;
  @ApiPropertyOptional(objects) contactMedium?: unknown[];
  @ApiPropertyOptional(objects) characteristic?: unknown[];
}
