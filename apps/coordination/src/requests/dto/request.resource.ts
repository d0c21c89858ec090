import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsOptional } from 'class-validator';
import {
  BREACH_STATES,
  COMPLAINT_CATEGORIES,
  PRIORITIES,
  REQUEST_STATES,
  REQUEST_TYPES,
} from '@gap/coordination/domain';
import { BoundsRule, EmployeeNumberRule, TextRules, UuidRule } from '@gap/graphql';
import { PageType, PageQuery } from '@gap/rest';
import type { AuditRow } from '../request-reads.repository.js';
import type { RequestView } from '../request.view.js';

const REASON = { maxLength: 1000, multiline: true };

export class RequestIdParams {
  @ApiProperty({ format: 'uuid' }) @UuidRule() id!: string;
}

export class TaskParams extends RequestIdParams {
  @ApiProperty({ format: 'uuid' }) @UuidRule() taskId!: string;
}

@ApiSchema({ name: 'CoordinationRequestVersion' })
export class VersionBody {
  @ApiPropertyOptional({ type: 'integer', description: 'The version read; a stale one conflicts.' })
  @IsOptional()
  @BoundsRule({ min: 1, max: 2_000_000_000, integer: true })
  version?: number | null;
}

@ApiSchema({ name: 'SubmitCoordinationRequest' })
export class SubmitBody {
  @ApiProperty({ format: 'uuid' }) @UuidRule() groupAccountId!: string;
  @ApiProperty({ enum: REQUEST_TYPES, enumName: 'CoordinationRequestType' })
  @IsIn(REQUEST_TYPES)
  type!: string;
  @ApiProperty({ enum: PRIORITIES, enumName: 'CoordinationPriority' })
  @IsIn(PRIORITIES)
  priority!: string;
  @ApiProperty({ maxLength: 200 }) @TextRules({ maxLength: 200 }) title!: string;
  @ApiProperty({ maxLength: 4000 })
  @TextRules({ maxLength: 4000, multiline: true })
  description!: string;
  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES, enumName: 'ComplaintCategory' })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  complaintCategory?: string | null;
}

@ApiSchema({ name: 'TriageCoordinationRequest' })
export class TriageBody extends VersionBody {
  @ApiProperty({ example: 'NETWORK' }) @TextRules({ maxLength: 32 }) leadDepartmentId!: string;
  @ApiProperty({ type: [String], example: ['IT_SUPPORT'] })
  @TextRules({ maxLength: 32, each: true })
  participatingDepartmentIds: string[] = [];
  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'CoordinationPriority' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: string | null;
}

@ApiSchema({ name: 'CoordinationReason' })
export class ReasonBody extends VersionBody {
  @ApiProperty({ maxLength: 1000 }) @TextRules(REASON) reason!: string;
}

@ApiSchema({ name: 'CompleteCoordinationTask' })
export class NoteBody extends VersionBody {
  @ApiProperty({ maxLength: 1000, description: 'What was done.' }) @TextRules(REASON) note!: string;
}

@ApiSchema({ name: 'RecordComplaintCallback' })
export class CallbackBody extends VersionBody {
  @ApiProperty({ description: 'Who called (employee number).' })
  @EmployeeNumberRule()
  callerId!: string;
  @ApiProperty({ format: 'date-time' }) @Type(() => Date) @IsDate() calledAt!: Date;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  @BoundsRule({ min: 1, max: 5, integer: true })
  satisfaction!: number;
  @ApiProperty() @IsBoolean() confirmsResolution!: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @TextRules(REASON) note?: string | null;
}

/** The list's filter and its page: one query string, checked as a whole. */
export class RequestListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATES, isArray: true })
  @IsOptional()
  @IsIn(REQUEST_STATES, { each: true })
  state?: string[];
  @ApiPropertyOptional({ enum: REQUEST_TYPES, isArray: true })
  @IsOptional()
  @IsIn(REQUEST_TYPES, { each: true })
  type?: string[];
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @UuidRule() accountId?: string;
  @ApiPropertyOptional() @IsOptional() @TextRules({ maxLength: 32 }) departmentId?: string;
  @ApiPropertyOptional({ enum: BREACH_STATES })
  @IsOptional()
  @IsIn(BREACH_STATES)
  breachState?: (typeof BREACH_STATES)[number];
  @ApiPropertyOptional() @IsOptional() @EmployeeNumberRule() raisedBy?: string;
  @ApiPropertyOptional({ enum: ['DUE', 'CREATED'] })
  @IsOptional()
  @IsIn(['DUE', 'CREATED'])
  orderBy?: 'DUE' | 'CREATED';
}

@ApiSchema({ name: 'CoordinationRequest', description: 'A request to the coordination team.' })
export class RequestResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CR-2026-000123' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) groupAccountId!: string;
  @ApiProperty() accountTier!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: REQUEST_TYPES, enumName: 'CoordinationRequestType' }) type!: string;
  @ApiProperty({ enum: PRIORITIES, enumName: 'CoordinationPriority' }) priority!: string;
  @ApiProperty({ enum: REQUEST_STATES, enumName: 'CoordinationRequestState' }) state!: string;
  @ApiProperty({ type: 'string', nullable: true }) complaintCategory!: string | null;
  @ApiProperty() raisedByKind!: string;
  @ApiProperty() raisedBy!: string;
  @ApiProperty({ type: 'string', nullable: true }) leadDepartmentId!: string | null;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Tasks per department.' })
  tasks!: unknown[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Complaint callbacks.' })
  callbacks!: unknown[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Response clock status.',
  })
  responseClock!: unknown;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Resolution clock status.',
  })
  resolutionClock!: unknown;
  @ApiProperty({ enum: BREACH_STATES, enumName: 'SlaBreachState' }) breachState!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export const RequestPage = PageType(RequestResource, 'CoordinationRequest');

@ApiSchema({ name: 'CoordinationRequestAuditEntry' })
export class AuditResource {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() action!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after!: unknown;
}

export function toRequestResource(view: RequestView): RequestResource {
  return { ...view, createdAt: view.createdAt.toISOString() };
}

export function toAuditResource(row: AuditRow): AuditResource {
  return { ...row, at: row.at.toISOString() };
}
