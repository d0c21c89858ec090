import { createHmac, timingSafeEqual } from 'node:crypto';

/** The prefix of a Standard Webhooks secret: `whsec_` then the key, base64. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** The headers of a signed webhook (https://www.standardwebhooks.com/). */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

export interface WebhookHeaders {
  readonly [WEBHOOK_ID_HEADER]: string;
  readonly [WEBHOOK_TIMESTAMP_HEADER]: string;
  readonly [WEBHOOK_SIGNATURE_HEADER]: string;
}

export interface WebhookMessage {
  /** The message id, the same on every attempt, so that receivers can deduplicate. */
  readonly id: string;
  /** Seconds since the epoch at which this attempt is signed. */
  readonly timestamp: number;
  /** The exact bytes sent as the body. */
  readonly body: string;
}

/** Keys of 24 to 64 bytes, as the reference libraries generate and accept. */
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;

/** The key bytes of a `whsec_…` secret, or null when it is not one. */
export function webhookSecretKey(secret: string): Buffer | null {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) return null;
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return null;
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) return null;
  return key;
}

/** A secret from random key bytes (the caller draws them: this library does no I/O). */
export function webhookSecretOf(keyBytes: Uint8Array): string {
  if (keyBytes.length < MIN_KEY_BYTES || keyBytes.length > MAX_KEY_BYTES) {
    throw new RangeError(`A webhook key has ${MIN_KEY_BYTES} to ${MAX_KEY_BYTES} bytes.`);
  }
  return `${WEBHOOK_SECRET_PREFIX}${Buffer.from(keyBytes).toString('base64')}`;
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under one secret. */
export function webhookSignature(secret: string, message: WebhookMessage): string {
  const key = webhookSecretKey(secret);
  if (!key) throw new TypeError('Not a whsec_ webhook secret.');
  const digest = createHmac('sha256', key)
    .update(`${message.id}.${message.timestamp}.${message.body}`)
    .digest('base64');
  return `v1,${digest}`;
}

/**
 * The headers of a message signed with every secret given, space-separated as the standard
 * allows: during a rotation's overlap both the new and the old secret sign, so a receiver that
 * still holds the old one keeps verifying.
 */
export function signWebhook(secrets: readonly string[], message: WebhookMessage): WebhookHeaders {
  if (secrets.length === 0) throw new TypeError('A webhook is signed with at least one secret.');
  return {
    [WEBHOOK_ID_HEADER]: message.id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(message.timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: secrets.map((s) => webhookSignature(s, message)).join(' '),
  };
}

/** Whether one of the `v1` signatures in `header` is the message's under `secret`. */
export function hasValidSignature(
  secret: string,
  message: WebhookMessage,
  header: string,
): boolean {
  const expected = Buffer.from(webhookSignature(secret, message));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
