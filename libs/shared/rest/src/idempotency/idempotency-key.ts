import { createHash } from 'node:crypto';
import { DomainError, violation } from '@gap/errors';

export const IDEMPOTENCY_KEY = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;

/** How long a key's answer is kept, as Stripe keeps it. */
export const IDEMPOTENCY_KEY_TTL_SECONDS = 24 * 60 * 60;

/**
 * How long a first call holds its key. A second call meanwhile is told 409; after it (the first
 * call's instance died mid-call) the same call may take the key over. Far above any change's
 * time, which statement timeouts bound.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

function refused(reason: string, en: string, zh: string): DomainError {
  return DomainError.invalidInput(
    [violation(IDEMPOTENCY_KEY, reason, { 'zh-CN': zh, en })],
    'IDEMPOTENCY_KEY_INVALID',
  );
}

/** The key as given, if well formed: 1 to 255 printable ASCII characters (a UUID fits). */
export function checkedIdempotencyKey(value: string): string {
  if (value.length === 0) {
    throw refused('IDEMPOTENCY_KEY_EMPTY', 'Idempotency-Key is empty.', 'Idempotency-Key 为空。');
  }
  if (value.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw refused(
      'IDEMPOTENCY_KEY_TOO_LONG',
      `Idempotency-Key has more than ${IDEMPOTENCY_KEY_MAX_LENGTH} characters.`,
      `Idempotency-Key 超过 ${IDEMPOTENCY_KEY_MAX_LENGTH} 个字符。`,
    );
  }
  if (!/^[\x20-\x7e]+$/.test(value)) {
    throw refused(
      'IDEMPOTENCY_KEY_NOT_PRINTABLE',
      'Idempotency-Key may hold printable ASCII characters only.',
      'Idempotency-Key 只能包含可打印的 ASCII 字符。',
    );
  }
  return value;
}

/** JSON with every object's keys in order, so that `{a,b}` and `{b,a}` are the same body. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** What makes two calls "the same request": method, path and query, body, and precondition. */
export interface CallShape {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly ifMatch: string | null;
}

export function fingerprintOf(call: CallShape): string {
  const shape = [call.method, call.path, canonical(call.body ?? null), call.ifMatch];
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}
