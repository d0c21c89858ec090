import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { TextRules, UuidRule } from '@gap/graphql';
import {
  INDUSTRY_SECTIONS,
  LEAD_PRIORITIES,
  LEAD_STATES,
  LOST_REASONS,
} from '@gap/partners/domain';
import { PageQuery, PageType } from '@gap/rest';
import { LEAD_KINDS, type LeadRecord } from '../lead.model.js';

export class LeadIdParams {
  @ApiProperty({ format: 'uuid' }) @UuidRule() id!: string;
}

@ApiSchema({ name: 'SubmitPartnerLead', description: 'A lead or a referral for one company.' })
export class SubmitLeadBody {
  @ApiProperty({ enum: LEAD_KINDS, enumName: 'PartnerLeadKind', example: 'LEAD' })
  @IsIn(LEAD_KINDS)
  kind!: string;
  @ApiPropertyOptional({
    type: String,
    maxLength: 64,
    description: 'The partner’s own id for the lead: a second submission with it finds the first.',
    example: 'CRM-2026-00017',
  })
  @IsOptional()
  @TextRules({ maxLength: 64 })
  partnerReference?: string | null;
  @ApiPropertyOptional({
    type: String,
    description: 'The Unified Social Credit Code (统一社会信用代码), 18 characters.',
    example: '91350100M000100Y43',
  })
  @IsOptional()
  @TextRules({ maxLength: 30 })
  creditCode?: string | null;
  @ApiProperty({ maxLength: 100, example: '福建省福州市星辰科技有限公司' })
  @TextRules({ maxLength: 100 })
  companyName!: string;
  @ApiProperty({ description: 'The county-level GB/T 2260 code.', example: '350102' })
  @Matches(/^\d{6}$/, { message: 'regionCode is a 6-digit GB/T 2260 code' })
  regionCode!: string;
  @ApiProperty({ enum: INDUSTRY_SECTIONS, description: 'GB/T 4754 section.', example: 'I' })
  @IsIn(INDUSTRY_SECTIONS)
  industrySection!: string;
  @ApiPropertyOptional({ enum: LEAD_PRIORITIES, enumName: 'PartnerLeadPriority', default: 'P2' })
  @IsOptional()
  @IsIn(LEAD_PRIORITIES)
  priority?: string | null;
  @ApiPropertyOptional({ type: String, maxLength: 50, description: 'Whom to call. Personal data.' })
  @IsOptional()
  @TextRules({ maxLength: 50 })
  contactName?: string | null;
  @ApiPropertyOptional({
    type: String,
    example: '+86 591 8765 4321',
    description: 'Personal data.',
  })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,30}$/, { message: 'contactPhone is digits, spaces, + ( ) -' })
  contactPhone?: string | null;
  @ApiPropertyOptional({ type: String, maxLength: 254, description: 'Personal data.' })
  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  contactEmail?: string | null;
}

export class LeadListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LEAD_STATES, isArray: true, description: 'Only these states.' })
  @IsOptional()
  @IsIn(LEAD_STATES, { each: true })
  state?: string | string[];
}

@ApiSchema({ name: 'PartnerLead', description: 'A lead as its partner sees it.' })
export class LeadResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LEAD_KINDS, enumName: 'PartnerLeadKind' }) kind!: string;
  @ApiProperty({ type: 'string', nullable: true }) partnerReference!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) creditCode!: string | null;
  @ApiProperty() companyName!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() industrySection!: string;
  @ApiProperty({ enum: LEAD_PRIORITIES, enumName: 'PartnerLeadPriority' }) priority!: string;
  @ApiProperty({ enum: LEAD_STATES, enumName: 'PartnerLeadState' }) state!: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'In conflict: the deciding reason, e.g. ACCOUNT_OWNED_BY_MANAGER.',
  })
  conflictReason!: string | null;
  @ApiProperty({ enum: LOST_REASONS, enumName: 'PartnerLeadLostReason', nullable: true })
  lostReason!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) assignedAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) firstContactAt!:
    string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'Changes with every step of the lead.' })
  version!: number;
}

export const LeadPage = PageType(LeadResource, 'PartnerLead');

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/**
 * What a partner is told of its lead: its state and the reason codes, never the manager, the
 * other partner or the accounts it was compared with.
 */
export function toLeadResource(lead: LeadRecord): LeadResource {
  return {
    id: lead.id,
    kind: lead.kind,
    partnerReference: lead.partnerReference,
    creditCode: lead.creditCode,
    companyName: lead.companyName,
    regionCode: lead.regionCode,
    industrySection: lead.industrySection,
    priority: lead.priority,
    state: lead.state,
    conflictReason: lead.conflict?.reason ?? null,
    lostReason: lead.lostReason,
    receivedAt: lead.receivedAt.toISOString(),
    assignedAt: iso(lead.assignedAt),
    firstContactAt: iso(lead.firstContactAt),
    closedAt: iso(lead.closedAt),
    version: lead.version,
  };
}
