import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { TmfListQuery } from '@gap/rest';
import {
  SEVERITIES,
  TICKET_TYPES,
  TMF_PRIORITIES,
  TMF_STATUSES,
} from '../trouble-ticket.mapping.js';

const TYPES = Object.keys(TICKET_TYPES);
const objects = () => [IsOptional(), IsArray(), IsObject({ each: true })];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const decorator of decorators) decorator(target, key);
  };
const ObjectList = (description: string) =>
  apply(
    ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description }),
    ...objects(),
  );
const Ignored = (description: string) =>
  apply(ApiPropertyOptional({ description: `${description} Accepted, not kept.` }), IsOptional());

/** TMF621 `TroubleTicket_FVO`: what POST /troubleTicket takes. */
@ApiSchema({ name: 'TroubleTicket_FVO', description: 'A trouble ticket to raise.' })
export class TroubleTicketCreateBody {
  @ApiProperty({ enum: ['TroubleTicket'] })
  @IsIn(['TroubleTicket'])
  '@type'!: string;

  @ApiProperty({ description: 'What is wrong (kept as the request description).', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  description!: string;

  @ApiProperty({ enum: SEVERITIES, description: 'Sets the priority when `priority` is left out.' })
  @IsIn(SEVERITIES)
  severity!: string;

  @ApiProperty({ enum: TYPES, description: 'complaint (投诉) or technicalSupport (投标支撑).' })
  @IsIn(TYPES)
  ticketType!: string;

  @ApiPropertyOptional({
    description: 'A short title; the first line of the description when left out.',
  })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({
    enum: TMF_PRIORITIES,
    description: 'Critical P1, High P2, Medium P3, Low P4.',
  })
  @IsOptional()
  @IsIn(TMF_PRIORITIES)
  priority?: string;

  @ApiPropertyOptional({ enum: ['acknowledged'], description: 'A new ticket is acknowledged.' })
  @IsOptional()
  @IsIn(['acknowledged'])
  status?: string;

  @ObjectList(
    'The group account is the party with role `customer` (`partyOrPartyRole.id`: its UUID).',
  )
  relatedParty?: Record<string, unknown>[];

  @ObjectList('`complaintCategory` (NETWORK_QUALITY, BILLING, …; OTHER when left out).')
  troubleTicketCharacteristic?: Record<string, unknown>[];

  @ObjectList('Accepted, not kept.') attachment?: unknown[];
  @ObjectList('Accepted, not kept.') note?: unknown[];
  @ObjectList('Accepted, not kept.') relatedEntity?: unknown[];
  @ObjectList('Accepted, not kept.') externalIdentifier?: unknown[];
  @ObjectList('Accepted, not kept.') troubleTicketRelationship?: unknown[];
  @Ignored('The channel.') channel?: unknown;
  @Ignored('The specification.') troubleTicketSpecification?: unknown;
  @Ignored('Requested resolution date.') requestedResolutionDate?: unknown;
  @Ignored('Set by the SLA clock.') expectedResolutionDate?: unknown;
  @Ignored('Set when resolved.') resolutionDate?: unknown;
  @Ignored('Set by the platform.') statusChangeDate?: unknown;
  @Ignored('Set by the platform.') statusChangeReason?: unknown;
  @Ignored('Sub-classing.') '@baseType'?: unknown;
  @Ignored('Sub-classing.') '@schemaLocation'?: unknown;
}

/** TMF621 `TroubleTicket_MVO` as the platform takes it: the status (and why) only. */
@ApiSchema({ name: 'TroubleTicket_MVO', description: 'A change of the ticket (JSON Merge Patch).' })
export class TroubleTicketPatchBody {
  @ApiPropertyOptional({ enum: ['TroubleTicket'] })
  @IsOptional()
  @IsIn(['TroubleTicket'])
  '@type'?: string;

  @ApiPropertyOptional({ enum: TMF_STATUSES, description: 'Mapped to the request’s transition.' })
  @IsOptional()
  @IsIn(TMF_STATUSES)
  status?: string;

  @ApiPropertyOptional({ description: 'The reason a reopening, rejection or cancellation needs.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  statusChangeReason?: string;
}

const Text = () =>
  apply(ApiPropertyOptional({ type: 'string' }), IsOptional(), IsString(), MaxLength(200));

/** GET /troubleTicket: selection, paging and the attribute filters (TMF630). */
export class TroubleTicketListQuery extends TmfListQuery {
  @ApiPropertyOptional({
    enum: ['creationDate', '-creationDate', 'lastUpdate', '-lastUpdate'],
    description: 'Newest first by default.',
  })
  @Text()
  sort?: string;

  @ApiPropertyOptional({ description: 'One or more statuses, comma-separated.' })
  @Text()
  status?: string;

  @ApiPropertyOptional({ description: 'Critical, Major or Minor (comma-separated).' })
  @Text()
  severity?: string;

  @ApiPropertyOptional({ description: 'Critical, High, Medium or Low (comma-separated).' })
  @Text()
  priority?: string;

  @ApiPropertyOptional({ description: 'complaint or technicalSupport (comma-separated).' })
  @Text()
  ticketType?: string;

  @Text() 'creationDate.gt'?: string;
  @Text() 'creationDate.gte'?: string;
  @Text() 'creationDate.lt'?: string;
  @Text() 'creationDate.lte'?: string;
  @Text() 'lastUpdate.gt'?: string;
  @Text() 'lastUpdate.gte'?: string;
  @Text() 'lastUpdate.lt'?: string;
  @Text() 'lastUpdate.lte'?: string;
}
