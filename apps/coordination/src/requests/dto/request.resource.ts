import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString } from 'class-validator';
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

@ApiSchema({ name: 'SubmitCoordinationRequest' })
export class SubmitBody {
  @ApiProperty({ format: 'uuid', example: '0b6f1c2d-9e3a-4f57-8a41-6c2e9d7b5f03' })
  @IsString()
  @UuidRule()
  groupAccountId!: string;
  @ApiProperty({
    enum: REQUEST_TYPES,
    enumName: 'CoordinationRequestType',
    example: 'LEASED_LINE_BUILD',
  })
  @IsIn(REQUEST_TYPES)
  type!: string;
  @ApiProperty({ enum: PRIORITIES, enumName: 'CoordinationPriority', example: 'P2' })
  @IsIn(PRIORITIES)
  priority!: string;
  @ApiProperty({ maxLength: 200, example: '福州软件园 100M 专线新装' })
  @IsString()
  @TextRules({ maxLength: 200 })
  title!: string;
  @ApiProperty({
    maxLength: 4000,
    example: '客户新办公楼需要两条 100M 互联网专线，要求月底前开通。',
  })
  @IsString()
  @TextRules({ maxLength: 4000, multiline: true })
  description!: string;
  @ApiPropertyOptional({ enum: COMPLAINT_CATEGORIES, enumName: 'ComplaintCategory' })
  @IsOptional()
  @IsIn(COMPLAINT_CATEGORIES)
  complaintCategory?: string | null;
}

@ApiSchema({ name: 'TriageCoordinationRequest' })
export class TriageBody {
  @ApiProperty({ example: 'NETWORK' })
  @IsString()
  @TextRules({ maxLength: 32 })
  leadDepartmentId!: string;
  @ApiPropertyOptional({ type: [String], example: ['IT_SUPPORT'], default: [] })
  @IsArray()
  @IsString({ each: true })
  @TextRules({ maxLength: 32, each: true })
  participatingDepartmentIds: string[] = [];
  @ApiPropertyOptional({ enum: PRIORITIES, enumName: 'CoordinationPriority', example: 'P1' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: string | null;
}

@ApiSchema({ name: 'CoordinationReason' })
export class ReasonBody {
  @ApiProperty({ maxLength: 1000, example: '客户已改用其他方案，撤回需求。' })
  @IsString()
  @TextRules(REASON)
  reason!: string;
}

@ApiSchema({ name: 'CompleteCoordinationTask' })
export class NoteBody {
  @ApiProperty({
    maxLength: 1000,
    description: 'What was done.',
    example: '两条 100M 专线已开通并完成测试。',
  })
  @IsString()
  @TextRules(REASON)
  note!: string;
}

@ApiSchema({ name: 'RecordComplaintCallback' })
export class CallbackBody {
  @ApiProperty({ description: 'Who called (employee number).', example: 'C3003' })
  @IsString()
  @EmployeeNumberRule()
  callerId!: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-10T06:30:00.000Z' })
  @Type(() => Date)
  @IsDate()
  calledAt!: Date;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 4 })
  @BoundsRule({ min: 1, max: 5, integer: true })
  satisfaction!: number;
  @ApiProperty({ example: true }) @IsBoolean() confirmsResolution!: boolean;
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    maxLength: 1000,
    example: '客户确认专线已稳定运行。',
  })
  @IsOptional()
  @TextRules(REASON)
  note?: string | null;
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
