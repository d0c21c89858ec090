import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { violation, type FieldViolation } from '@gap/errors';
import { TmfFieldsQuery } from './tmf-controller.js';

/** The first-level attributes every TMF resource may carry, before its own. */
export const TMF_BASE_ATTRIBUTES = ['id', 'href', '@type', '@baseType', '@schemaLocation'] as const;

/** A list's page when the caller names none, and the most it may ask for. */
export const TMF_DEFAULT_LIMIT = 20;
export const TMF_MAX_LIMIT = 100;

/** `?fields=&offset=&limit=` of a TMF list (TMF630): the attribute filters come on top. */
export class TmfListQuery extends TmfFieldsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  offset?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: TMF_MAX_LIMIT,
    default: TMF_DEFAULT_LIMIT,
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  limit?: string;
}

/** A wrong query parameter, in both languages. */
export const tmfField = (field: string, reason: string, zh: string, en: string): FieldViolation =>
  violation(field, reason, { 'zh-CN': zh, en });

const list = (value: string | undefined) =>
  value === undefined
    ? null
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');

/** A comma-separated parameter whose every value must be one of `allowed`; null when absent. */
export function tmfValues<T extends string>(
  field: string,
  value: string | undefined,
  allowed: readonly T[],
  problems: FieldViolation[],
): T[] | null {
  const values = list(value);
  if (!values) return null;
  const wrong = values.find((v) => !(allowed as readonly string[]).includes(v));
  if (wrong !== undefined) {
    problems.push(
      tmfField(
        field,
        'NOT_ONE_OF',
        `${field} 不接受 ${wrong}，可选：${allowed.join('、')}。`,
        `${field} does not take ${wrong}; one of ${allowed.join(', ')}.`,
      ),
    );
  }
  return values as T[];
}

/** A whole-number parameter within bounds; null when absent. */
export function tmfWholeNumber(
  field: string,
  value: string | undefined,
  min: number,
  max: number,
  problems: FieldViolation[],
): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    problems.push(
      tmfField(
        field,
        'OUT_OF_RANGE',
        `${field} 须为 ${min} 到 ${max} 的整数。`,
        `${field} must be a whole number from ${min} to ${max}.`,
      ),
    );
  }
  return n;
}

/** A date-time parameter (`creationDate.gte=…`) as a bound; undefined when absent. */
export function tmfInstant(
  field: string,
  value: string | undefined,
  inclusive: boolean,
  problems: FieldViolation[],
): { at: Date; inclusive: boolean } | undefined {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    problems.push(
      tmfField(
        field,
        'NOT_A_DATE_TIME',
        `${field} 不是 ISO 8601 时间。`,
        `${field} is not an ISO 8601 date-time.`,
      ),
    );
  }
  return { at, inclusive };
}

/** `fields=` checked against the resource's first-level attributes; null selects them all. */
export const tmfFields = (
  value: string | undefined,
  attributes: readonly string[],
  problems: FieldViolation[],
): string[] | null => tmfValues('fields', value, attributes, problems);

/** `offset` and `limit` of a list, each checked. */
export function tmfPage(
  q: Pick<TmfListQuery, 'offset' | 'limit'>,
  problems: FieldViolation[],
): { offset: number; limit: number } {
  return {
    offset: tmfWholeNumber('offset', q.offset, 0, 1_000_000, problems) ?? 0,
    limit: tmfWholeNumber('limit', q.limit, 1, TMF_MAX_LIMIT, problems) ?? TMF_DEFAULT_LIMIT,
  };
}

/**
 * The attributes `fields=` selected, with `id`, `href` and `@type` always kept (TMF630: the
 * selection applies to first-level attributes; a resource never loses what names it).
 */
export function selectFields<T extends Record<string, unknown>>(
  resource: T,
  fields: readonly string[] | null,
): Partial<T> {
  if (!fields) return resource;
  const keep = new Set(['id', 'href', '@type', ...fields]);
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => keep.has(key)),
  ) as Partial<T>;
}
