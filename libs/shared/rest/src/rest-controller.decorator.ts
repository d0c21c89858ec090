import { applyDecorators, Controller, UseFilters, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { InputValidationPipe } from '@gap/graphql';
import { BearerAuthGuard } from './bearer-auth.guard.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE, titleOf } from './problem-details.js';
import { PROBLEM_EXAMPLES } from './problem-examples.js';
import { ProblemDetailsSchema } from './problem-details.schema.js';

/** The version every `/api/<version>/<area>` path carries today. */
export const REST_API_VERSION = 'v1';

/** The name of the bearer security scheme in every service's document. */
export const BEARER_SCHEME = 'bearer';

/** Documents the problems an operation may answer, each as `application/problem+json`. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: titleOf(status),
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: { $ref: getSchemaPath(ProblemDetailsSchema) },
            ...(PROBLEM_EXAMPLES[status] ? { example: PROBLEM_EXAMPLES[status] } : {}),
          },
        },
      }),
    ),
  );
}

/**
 * A REST controller of the platform, served at `/api/v1/<area>` by its service and through the
 * gateway on the same path: the bearer token verified, inputs validated (whitelisted, unknown
 * fields refused, each named in the error), every error answered as a Problem Details document.
 */
export function RestController(area: string): ClassDecorator {
  return applyDecorators(
    Controller(`api/${REST_API_VERSION}/${area}`),
    UseGuards(BearerAuthGuard),
    UsePipes(InputValidationPipe),
    UseFilters(ProblemDetailsFilter),
    ApiTags(area),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtraModels(ProblemDetailsSchema),
    ApiProblems(400, 401, 500),
  );
}
