import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** The OpenAPI face of a field error inside a problem. */
@ApiSchema({ name: 'ProblemFieldError' })
export class ProblemFieldErrorSchema {
  @ApiProperty({ description: 'Path of the offending field.', example: 'id' })
  field!: string;

  @ApiProperty({ description: 'Why the field is refused.', example: 'NOT_A_UUID' })
  code!: string;

  @ApiProperty({ example: 'id is not a UUID.' })
  message!: string;
}

/** The OpenAPI face of `ProblemDetails` (RFC 9457 with the platform's members). */
@ApiSchema({
  name: 'ProblemDetails',
  description: 'An RFC 9457 problem, with the same code and category as the graph gives.',
})
export class ProblemDetailsSchema {
  @ApiProperty({
    format: 'uri',
    description: 'Identifies the kind of problem; one per code.',
    example: 'https://group-platform.local/problems/invalid-input',
  })
  type!: string;

  @ApiProperty({ example: 'The request is not valid' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ description: 'What went wrong in this occurrence.', example: 'id is not a UUID.' })
  detail!: string;

  @ApiPropertyOptional({
    description: 'The request path that failed.',
    example: '/api/v1/accounts/x',
  })
  instance?: string;

  @ApiProperty({
    description: "The specific code, the same as `extensions.code` in the graph's errors.",
    example: 'NOT_A_UUID',
  })
  code!: string;

  @ApiProperty({
    description: "The category clients branch on, the same as the graph's `extensions.category`.",
    enum: [
      'BAD_USER_INPUT',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'FAILED_PRECONDITION',
      'UNAVAILABLE',
      'INTERNAL',
    ],
    example: 'BAD_USER_INPUT',
  })
  category!: string;

  @ApiPropertyOptional({ description: 'The field at fault, when there is one.', example: 'id' })
  field?: string;

  @ApiPropertyOptional({ type: [ProblemFieldErrorSchema], description: 'Every refused field.' })
  errors?: ProblemFieldErrorSchema[];

  @ApiPropertyOptional({ description: 'The service that could not be reached (503).' })
  service?: string;

  @ApiPropertyOptional({ description: 'When to try again, in seconds (503).' })
  retryAfterSeconds?: number;
}
