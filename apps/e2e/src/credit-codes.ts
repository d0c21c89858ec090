import { randomUUID } from 'node:crypto';
import { creditCodeCheckCharacter } from '@gap/accounts/domain';

/** A valid Unified Social Credit Code (Fuzhou, enterprise) that no other test uses. */
export function freshCreditCode(): string {
  const body = `91350102${randomUUID()
    .replace(/[^0-9]/g, '')
    .padEnd(9, '7')
    .slice(0, 9)}`;
  return body + creditCodeCheckCharacter(body);
}
