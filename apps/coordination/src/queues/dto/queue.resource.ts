import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type as TransformTo } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { TASK_STATES, type TaskState } from '@gap/coordination/domain';
import { BoundsRule, TextRules } from '@gap/graphql';
import { PageQuery, PageType } from '@gap/rest';
import { RequestResource, toRequestResource } from '../../requests/dto/request.resource.js';
import type { DepartmentTask } from '../queue.service.js';

/** The longest look ahead of the breaching queue: one week. */
export const MAX_WITHIN_HOURS = 168;

/** A query string's repeated parameter arrives as a string when given once. */
const asList = ({ value }: { value: unknown }): unknown =>
  value === undefined || Array.isArray(value) ? value : [value];

export class DepartmentTasksQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'One department (yours, or any for the coordination team).',
    example: 'NETWORK',
  })
  @IsOptional()
  @TextRules({ maxLength: 32 })
  departmentId?: string;

  @ApiPropertyOptional({
    enum: TASK_STATES,
    isArray: true,
    description: 'The tasks’ states (default OPEN and ACCEPTED).',
  })
  @IsOptional()
  @Transform(asList)
  @IsIn(TASK_STATES, { each: true })
  state?: TaskState[];
}

export class BreachingQuery extends PageQuery {
  @ApiPropertyOptional({
    description: `How far ahead, in hours: 1 to ${MAX_WITHIN_HOURS}.`,
    minimum: 1,
    maximum: MAX_WITHIN_HOURS,
    default: 4,
    type: 'integer',
    example: 4,
  })
  @TransformTo(() => Number)
  @BoundsRule({ min: 1, max: MAX_WITHIN_HOURS, integer: true })
  withinHours = 4;
}

@ApiSchema({ name: 'CoordinationTask', description: 'A department’s share of a request.' })
export class TaskResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'NETWORK' }) departmentId!: string;
  @ApiProperty({ enum: ['LEAD', 'PARTICIPANT'] }) role!: string;
  @ApiProperty({ enum: TASK_STATES, enumName: 'CoordinationTaskState' }) state!: string;
  @ApiProperty({ type: 'string', nullable: true }) acceptedBy!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) note!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) declineReason!: string | null;
}

@ApiSchema({
  name: 'DepartmentTask',
  description: 'A task in a department’s queue, with its request.',
})
export class DepartmentTaskResource {
  @ApiProperty({ type: TaskResource }) task!: TaskResource;
  @ApiProperty({ type: RequestResource }) request!: RequestResource;
}

export const DepartmentTaskPage = PageType(DepartmentTaskResource, 'DepartmentTask');

export function toDepartmentTaskResource(item: DepartmentTask): DepartmentTaskResource {
  return { task: { ...item.task }, request: toRequestResource(item.request) };
}
