import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * A moderate scrypt cost (16 MiB, some tens of ms): the secrets are 256 random bits, so the hash
 * guards a leaked table rather than a guessable password, and every token request pays it once
 * or twice; a password-grade cost would hand anyone with a client id a way to load the server.
 */
const COST: ScryptOptions = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_BYTES = 32;
const PREFIX = 'scrypt';

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** A client id a partner's system is configured with: not secret, hard to guess anyway. */
export function newClientId(): string {
  return `pc_${randomBytes(12).toString('hex')}`;
}

/** A client secret of 256 random bits, shown to the admin once and never kept as such. */
export function newClientSecret(): string {
  return `pcs_${randomBytes(32).toString('base64url')}`;
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash, so the cost can rise later. */
export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt, COST);
  return [PREFIX, COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
}

export async function clientSecretMatches(secret: string, stored: string): Promise<boolean> {
  const [prefix, n, r, p, salt, hash] = stored.split('$');
  if (prefix !== PREFIX || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: COST.maxmem };
  const actual = await derive(secret, Buffer.from(salt, 'base64'), options);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
