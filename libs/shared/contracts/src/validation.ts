import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EVENT_CATALOG, isEventType, type EventType } from './catalog.js';
import { EnvelopeShape, type EventEnvelope } from './envelope.js';

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
  const shape = plainToInstance(EnvelopeShape, raw);
  const problems = describe(validateSync(shape, { whitelist: false }));
  if (problems.length > 0) return { ok: false, problems };
  if (!isEventType(shape.type))
    return { ok: false, problems: [`type: unknown event type '${shape.type}'`] };
  const payloadProblems = checkPayload(shape.type, shape.payload, 'receive');
  if (payloadProblems.length > 0) return { ok: false, problems: payloadProblems };
  return { ok: true, value: raw as EventEnvelope };
}
