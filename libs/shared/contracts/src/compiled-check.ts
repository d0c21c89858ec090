import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { EVENT_CATALOG, type EventType } from './catalog.js';

/** One property's checks, in the order class-validator runs them. */
interface PropertyCheck {
  readonly property: string;
  /** `@IsOptional`, `@ValidateIf`: the property is checked only when all of them hold. */
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  readonly rules: readonly {
    readonly validate: (value: unknown, args: ValidationArguments) => boolean;
    readonly each: boolean;
    readonly constraints: unknown[];
    readonly validateIf?: (object: object, value: unknown) => boolean;
  }[];
}

type Compiled = readonly PropertyCheck[] | null;

const compiled = new Map<EventType, Compiled>();

/**
 * A received payload's contract check, compiled once per event type from the contract's own
 * class-validator decorators: the same validators run on the same values, without building a
 * class instance (`plainToInstance`) and looking the type's metadata up again for each event,
 * which cost ~45 µs an event, a third of a portfolio rebuild.
 *
 * Answers only whether the payload passes; the caller asks class-validator itself for the
 * problems of one that does not. A contract it cannot run the same way (nested or async
 * validation, IS_DEFINED, class-transformer's instance differing from the plain object by a
 * field initialiser) compiles to null: the caller then uses class-validator for every payload.
 */
export function passesReceivedContract(type: EventType, payload: object): boolean | null {
  let checks = compiled.get(type);
  if (checks === undefined) {
    checks = compile(EVENT_CATALOG[type].payload);
    compiled.set(type, checks);
  }
  if (checks === null) return null;
  for (const check of checks) {
    const value = (payload as Record<string, unknown>)[check.property];
    if (!check.conditions.every((holds) => holds(payload, value))) continue;
    for (const rule of check.rules) {
      if (rule.validateIf && !rule.validateIf(payload, value)) continue;
      const args: ValidationArguments = {
        targetName: '',
        property: check.property,
        object: payload,
        value,
        constraints: rule.constraints,
      };
      const valid =
        rule.each && Array.isArray(value)
          ? value.every((item) => rule.validate(item, args))
          : rule.validate(value, args);
      if (!valid) return false;
    }
  }
  return true;
}

function compile(target: new () => object): Compiled {
  const storage = getMetadataStorage();
  // As validateSync reads them: no groups, not strict, `always` off.
  const metadatas = storage.getTargetValidationMetadatas(target, '', false, false, undefined);
  if (metadatas.length === 0) return null;
  // A field initialiser would give the instance a value the plain payload lacks.
  const blank = new target() as Record<string, unknown>;
  if (Object.values(blank).some((value) => value !== undefined)) return null;
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const metadata of metadatas) {
    byProperty.set(metadata.propertyName, [
      ...(byProperty.get(metadata.propertyName) ?? []),
      metadata,
    ]);
  }
  const checks: PropertyCheck[] = [];
  for (const [property, list] of byProperty) {
    const conditions: PropertyCheck['conditions'][number][] = [];
    const rules: PropertyCheck['rules'][number][] = [];
    for (const metadata of list) {
      switch (metadata.type) {
        case ValidationTypes.WHITELIST:
          break;
        case ValidationTypes.CONDITIONAL_VALIDATION:
          conditions.push(metadata.constraints[0] as (object: object, value: unknown) => boolean);
          break;
        case ValidationTypes.CUSTOM_VALIDATION: {
          if (metadata.constraintCls === undefined) return null;
          for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
            if (constraint.async) return null;
            const instance = constraint.instance as {
              validate: (value: unknown, args: ValidationArguments) => boolean;
            };
            const validateIf = (metadata as { validateIf?: (o: object, v: unknown) => boolean })
              .validateIf;
            rules.push({
              validate: (value, args) => instance.validate(value, args),
              each: metadata.each === true,
              constraints: metadata.constraints,
              ...(validateIf ? { validateIf } : {}),
            });
          }
          break;
        }
        default:
          return null;
      }
    }
    checks.push({ property, conditions, rules });
  }
  return checks;
}
