/**
 * Mints a development token: npm run token -- --role ACCOUNT_MANAGER [--role SUPERVISOR] --sub E1001
 * Signed by the local development issuer (.data/dev-auth, created on first use).
 */
import { parseArgs } from 'node:util';
import { ensureDevKeys, isRole, mintToken, ROLES } from '@gap/auth';
import { AUDIENCE, DEV_ISSUER } from '@gap/config';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: ['ACCOUNT_MANAGER'] },
    sub: { type: 'string', default: 'E1001' },
    name: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});
const roles = values.role ?? [];
const unknown = roles.filter((role) => !isRole(role));
if (unknown.length > 0) {
  process.stderr.write(`Unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}\n`);
  process.exit(2);
}
const keys = await ensureDevKeys('.data/dev-auth');
const token = await mintToken(keys.privateJwk, {
  subject: values.sub ?? 'E1001',
  roles: roles.filter(isRole),
  issuer: DEV_ISSUER,
  audience: AUDIENCE,
  ...(values.name ? { name: values.name } : {}),
  expiresInSeconds: Number(values.hours) * 3600,
});
process.stdout.write(`${token}\n`);
