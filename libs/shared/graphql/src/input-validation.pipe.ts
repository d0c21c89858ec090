import { Injectable, type ArgumentMetadata, type PipeTransform, type Type } from '@nestjs/common';
import { TypeMetadataStorage } from '@nestjs/graphql';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DomainError, violation, type FieldViolation } from '@gap/errors';
import { hasLoneSurrogate, textProblemMessage } from '@gap/validation';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

function violationsOf(errors: readonly ValidationError[], path: string): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([reason, message]) => ({
      field,
      reason: reason === 'whitelistValidation' ? 'unknownField' : reason,
      message:
        reason === 'whitelistValidation'
          ? `${field} is not a known field.`
          : `${field}: ${message}`,
    }));
    return [...own, ...violationsOf(error.children ?? [], field)];
  });
}

/**
 * Strings no field may hold, wherever they are: half a surrogate pair is not text (PostgreSQL's
 * JSON refuses it, so it used to surface as an internal error from the outbox), and NUL cannot
 * be stored in a PostgreSQL text column at all.
 */
function unstorableStrings(value: unknown, path: string, found: FieldViolation[]): void {
  if (found.length >= 20) return;
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) {
      found.push({
        field: path,
        reason: 'LONE_SURROGATE',
        message: textProblemMessage(path, 'LONE_SURROGATE', { maxLength: 0 }),
      });
    } else if (value.includes('\u0000')) {
      found.push({
        field: path,
        reason: 'CONTROL_CHARACTER',
        message: textProblemMessage(path, 'CONTROL_CHARACTER', { maxLength: 0 }),
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unstorableStrings(item, `${path}.${index}`, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      unstorableStrings(item, path ? `${path}.${key}` : key, found);
    }
  }
}

/**
 * Validates every argument before any service code runs: no argument may carry unstorable
 * strings, and every input object is checked against its class (whitelisted fields only,
 * unknown fields refused, text normalised and checked), each problem reported with the path
 * of its field.
 */
/**
 * An args class (`@ArgsType()`, read with `@Args()` and no name) is handed every argument of
 * the field, the ones read by `@Args('filter')` and the like too: it keeps its own and leaves
 * the others to their parameters (GraphQL itself refuses an argument the field does not
 * declare). Anything else — an input object, a REST body, query or path — is the whole of what
 * it reads: an unknown field there is refused. (GraphQL's arguments reach a pipe with the
 * parameter type `body`, so the class is what tells them apart.)
 */
/** Where @nestjs/swagger keeps a class's documented properties (its OpenAPI schema). */
const SCHEMA_PROPERTIES = 'swagger/apiModelPropertiesArray';
const SCHEMA_PROPERTY = 'swagger/apiModelProperties';

interface SchemaProperty {
  readonly required?: boolean;
  readonly nullable?: boolean;
  readonly type?: unknown;
}

/**
 * The properties a REST input's OpenAPI schema marks required (`@ApiProperty`) that the input
 * leaves out, nested inputs too: the document and the check cannot disagree, and a missing
 * field is named instead of reaching the service as `undefined`.
 */
function missingRequired(metatype: unknown, value: unknown, path: string): FieldViolation[] {
  if (typeof metatype !== 'function' || typeof value !== 'object' || value === null) return [];
  const prototype = (metatype as { prototype: object }).prototype;
  const names = (Reflect.getMetadata(SCHEMA_PROPERTIES, prototype) ?? []) as string[];
  // A property the class gives a value of its own (`= []`) is not the caller's to give.
  const defaults = new (metatype as new () => Record<string, unknown>)();
  return names.flatMap((name) => {
    const key = name.replace(/^:/, '');
    if (defaults[key] !== undefined) return [];
    const property = Reflect.getMetadata(SCHEMA_PROPERTY, prototype, key) as
      SchemaProperty | undefined;
    const field = path ? `${path}.${key}` : key;
    const given = (value as Record<string, unknown>)[key];
    if (given === undefined || (given === null && !property?.nullable)) {
      if (property?.required === false) return [];
      return [
        violation(field, 'REQUIRED', {
          'zh-CN': `缺少必填字段 ${field}。`,
          en: `${field} is required.`,
        }),
      ];
    }
    const nested = property?.type;
    if (Array.isArray(given)) {
      return given.flatMap((item, index) => missingRequired(nested, item, `${field}.${index}`));
    }
    return missingRequired(nested, given, field);
  });
}

function wholeGraphQLArgs(metatype: unknown, data: string | undefined): boolean {
  return (
    data === undefined &&
    TypeMetadataStorage.getArgumentsMetadataByTarget(metatype as Type<unknown>) !== undefined
  );
}

@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type, data } = metadata;
    if (type === 'custom') return value;
    const unstorable: FieldViolation[] = [];
    unstorableStrings(value, data ?? '', unstorable);
    if (unstorable.length > 0) throw DomainError.invalidInput(unstorable);
    // An optional input object left out stays left out (an args class always arrives as {}).
    if (!metatype || PRIMITIVES.has(metatype) || value === null || value === undefined) {
      return value;
    }
    const missing = type === 'body' ? missingRequired(metatype, value, data ?? '') : [];
    const instance = plainToInstance(metatype as new () => object, value);
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: !wholeGraphQLArgs(metatype, data),
      forbidUnknownValues: true,
    });
    const absent = new Set(missing.map((m) => m.field));
    const violations = [
      ...missing,
      ...violationsOf(errors, data ?? '').filter((v) => !absent.has(v.field)),
    ];
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    return instance;
  }
}
