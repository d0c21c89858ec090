import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys, mintToken, type Role } from '@gap/auth';

/** The database the test run prepared (fresh, every schema migrated). */
export function testDatabaseUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_test';
}

export function testKafkaBrokers(): string[] {
  return (process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');
}

/** A short unique suffix so tests never share rows, topics or consumer groups. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export const TEST_ISSUER = 'https://issuer.test.group-platform.local';
export const TEST_AUDIENCE = 'group-account-platform';

export interface TestIssuer {
  readonly jwksFile: string;
  token(
    roles: Role[],
    subject?: string,
    overrides?: {
      audience?: string;
      expiresInSeconds?: number;
      partnerId?: string;
      scopes?: readonly string[];
    },
  ): Promise<string>;
}

/** A throw-away signing key and its JWKS file, for tests that need real tokens. */
export async function createTestIssuer(): Promise<TestIssuer> {
  const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'gap-test-issuer-')));
  return {
    jwksFile: keys.jwksFile,
    token: (roles, subject = 'E-TEST', overrides = {}) =>
      mintToken(keys.privateJwk, {
        subject,
        roles,
        issuer: TEST_ISSUER,
        audience: overrides.audience ?? TEST_AUDIENCE,
        ...(overrides.expiresInSeconds === undefined
          ? {}
          : { expiresInSeconds: overrides.expiresInSeconds }),
        ...(overrides.partnerId ? { partnerId: overrides.partnerId } : {}),
        ...(overrides.scopes ? { scopes: overrides.scopes } : {}),
      }),
  };
}

/** Polls until `probe` returns a value (not undefined/null/false) or the time is up. */
export async function eventually<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}
