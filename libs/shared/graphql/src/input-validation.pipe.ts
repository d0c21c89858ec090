import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DomainError, type FieldViolation } from '@gap/errors';

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
 * Validates every input object against its class: whitelisted fields only, unknown fields
 * refused, each problem reported with the path of its field, before any service code runs.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type, data } = metadata;
    if (!metatype || PRIMITIVES.has(metatype) || type === 'custom') return value;
    const instance = plainToInstance(metatype as new () => object, value ?? {});
    const errors = await validate(instance, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (errors.length > 0) throw DomainError.invalidInput(violationsOf(errors, data ?? ''));
    return instance;
  }
}
