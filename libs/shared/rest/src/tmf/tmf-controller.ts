import { applyDecorators, Controller, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  ApiSchema,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsString, MaxLength, IsOptional } from 'class-validator';
import { InputValidationPipe } from '@gap/graphql';
import { BearerAuthGuard } from '../bearer-auth.guard.js';
import { PROBLEM_CONTENT_TYPE, titleOf } from '../problem-details.js';
import { ProblemDetailsSchema } from '../problem-details.schema.js';
import { BEARER_SCHEME } from '../rest-controller.decorator.js';
import { TmfErrorFilter } from './tmf-error.filter.js';

/** TMF630 `Error`, with the platform's code. */
@ApiSchema({ name: 'TmfError', description: 'A TMF Error; `code` is the platform’s code.' })
export class TmfErrorSchema {
  @ApiProperty({ enum: ['Error'] }) '@type'!: string;
  @ApiProperty({ example: 'COMPLAINT_CALLBACK_REQUIRED' }) code!: string;
  @ApiProperty({ example: 'Conflict with the current state' }) reason!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ example: '409' }) status!: string;
  @ApiProperty({ format: 'uri' }) referenceError!: string;
}

/** Documents the errors an operation may answer: a TMF Error, or a problem when asked for. */
export function ApiTmfErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: titleOf(status),
        content: {
          'application/json': { schema: { $ref: getSchemaPath(TmfErrorSchema) } },
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } },
        },
      }),
    ),
  );
}

/**
 * A controller of a TM Forum Open API served at `base` (`/tmf-api/<api>/v5`): the caller's
 * token verified, input validated, every error answered as a TMF Error.
 */
export function TmfController(base: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(base.replace(/^\//, '')),
    UseGuards(BearerAuthGuard),
    UsePipes(InputValidationPipe),
    UseFilters(TmfErrorFilter),
    ApiTags(tag),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtraModels(TmfErrorSchema, ProblemDetailsSchema),
    ApiTmfErrors(400, 401, 403, 500),
  );
}

/** `{id}` of a TMF resource path. */
export class TmfIdParams {
  @ApiProperty({ description: 'Identifier of the resource.' })
  @IsString()
  @MaxLength(100)
  id!: string;
}

/** `?fields=` of a TMF retrieval. */
export class TmfFieldsQuery {
  @ApiPropertyOptional({ description: 'Comma-separated first-level attributes to return.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  fields?: string;
}

const COUNT = { schema: { type: 'integer' } } as const;

/** The headers of a TMF list's answer (TMF630), for its OpenAPI response. */
export const TMF_PAGE_HEADERS = {
  'X-Total-Count': { ...COUNT, description: 'Total number of items matching criteria' },
  'X-Result-Count': { ...COUNT, description: 'Actual number of items returned' },
} as const;

/** A TMF list's items, its counts set as headers. */
export function withPageHeaders<T>(
  res: { setHeader(name: string, value: string): unknown },
  page: { readonly total: number; readonly items: readonly T[] },
): readonly T[] {
  res.setHeader('X-Total-Count', String(page.total));
  res.setHeader('X-Result-Count', String(page.items.length));
  return page.items;
}
