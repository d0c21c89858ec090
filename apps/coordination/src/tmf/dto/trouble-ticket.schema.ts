import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { TMF_STATUSES } from '../trouble-ticket.mapping.js';

const objects = { type: 'array', items: { type: 'object' } } as const;

/** TMF621 `TroubleTicket` as the platform answers it (OpenAPI face only). */
@ApiSchema({ name: 'TroubleTicket', description: 'A complaint or support request, as TMF621.' })
export class TroubleTicketSchema {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '/tmf-api/troubleTicket/v5/troubleTicket/8f0c…' }) href!: string;
  @ApiProperty({ enum: ['TroubleTicket'] }) '@type'!: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional({ enum: ['Critical', 'Major', 'Minor'] }) severity?: string;
  @ApiPropertyOptional({ enum: ['Critical', 'High', 'Medium', 'Low'] }) priority?: string;
  @ApiPropertyOptional({ enum: ['complaint', 'technicalSupport'] }) ticketType?: string;
  @ApiPropertyOptional({ enum: TMF_STATUSES }) status?: string;
  @ApiPropertyOptional({ format: 'date-time' }) statusChangeDate?: string;
  @ApiPropertyOptional() statusChangeReason?: string;
  @ApiPropertyOptional(objects) statusChangeHistory?: unknown[];
  @ApiPropertyOptional({ format: 'date-time' }) creationDate?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastUpdate?: string;
  @ApiPropertyOptional({ format: 'date-time' }) expectedResolutionDate?: string;
  @ApiPropertyOptional({ format: 'date-time' }) resolutionDate?: string;
  @ApiPropertyOptional(objects) relatedParty?: unknown[];
  @ApiPropertyOptional(objects) externalIdentifier?: unknown[];
  @ApiPropertyOptional(objects) troubleTicketCharacteristic?: unknown[];
}
