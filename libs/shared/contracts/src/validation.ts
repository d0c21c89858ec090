import { plainToInstance } from 'class-transformer';
import {
  isDateString,
  isInt,
  isObject,
  isString,
  isUUID,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { EVENT_CATALOG, isEventType, type EventType } from './catalog.js';
import { passesReceivedContract } from './compiled-check.js';
import type { EventEnvelope } from './envelope.js';

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/**
 * Checks a payload against its contract. Producers are strict (an unknown field is a bug in
 * the producer); consumers accept fields they do not know yet, so producers can add optional
 * fields without breaking older consumers.
 */
export function checkPayload(
  type: EventType,
  payload: unknown,
  mode: 'publish' | 'receive',
): string[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return ['payload: must be an object'];
  }
  // The common case of a consumer, a payload that keeps its contract, without building an
  // instance; a refused one goes on to class-validator, which names its problems.
  if (mode === 'receive' && passesReceivedContract(type, payload) === true) return [];
  const instance = plainToInstance(EVENT_CATALOG[type].payload as new () => object, payload);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: mode === 'publish',
  });
  return describe(errors, 'payload');
}

/** Parses and checks an envelope arriving from a transport, payload included. */
export function checkReceivedEnvelope(raw: unknown): Checked<EventEnvelope> {
  if (typeof raw !== 'object' || raw === null) {
    return { ok: false, problems: ['envelope: must be a JSON object'] };
  }
  const shape = raw as Record<string, unknown>;
  const problems = envelopeProblems(shape);
  if (problems.length > 0) return { ok: false, problems };
  const type = shape['type'] as string;
  if (!isEventType(type)) {
    return { ok: false, problems: [`type: unknown event type '${type}'`] };
  }
  const payloadProblems = checkPayload(type, shape['payload'], 'receive');
  if (payloadProblems.length > 0) return { ok: false, problems: payloadProblems };
  return { ok: true, value: raw as EventEnvelope };
}

/**
 * The envelope's own fields: a UUID id, a type, a version from 1, an ISO 8601 time, the
 * aggregate and correlation ids, an optional causing event's UUID and an object payload. Checked
 * field by field: every consumed event passes here, and building a class instance to validate
 * eight fields cost half of the whole check.
 */
function envelopeProblems(shape: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { id, type, version, occurredAt, aggregateId, correlationId, causationId, payload } = shape;
  if (!isUUID(id)) problems.push('id: id must be a UUID');
  if (!isString(type)) problems.push('type: type must be a string');
  if (!isInt(version) || (version as number) < 1) {
    problems.push('version: version must be an integer not less than 1');
  }
  if (!isDateString(occurredAt)) {
    problems.push('occurredAt: occurredAt must be a valid ISO 8601 date string');
  }
  if (!isString(aggregateId)) problems.push('aggregateId: aggregateId must be a string');
  if (!isString(correlationId)) problems.push('correlationId: correlationId must be a string');
  if (causationId !== null && causationId !== undefined && !isUUID(causationId)) {
    problems.push('causationId: causationId must be a UUID');
  }
  if (!isObject(payload)) problems.push('payload: payload must be an object');
  return problems;
}
