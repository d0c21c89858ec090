/**
 * Prepares what the test suite talks to. Prints progress on stderr and, as its last stdout
 * line, the settings the tests read (JSON).
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { migrateDatabase, recreateDatabase } from '@gap/database';
import { migrateEventLog } from '@gap/messaging';
import { accountsDatabase } from '../../apps/accounts/src/accounts.database.js';
import { tieringDatabase } from '../../apps/tiering/src/tiering.database.js';

const databaseUrl = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_test';
const kafkaBrokers = process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const say = (line: string) => process.stderr.write(`[test-env] ${line}\n`);

async function postgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl.replace(/\/[^/]*$/, '/postgres') });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensurePostgres(): Promise<void> {
  if (await postgresAnswers()) return;
  say('PostgreSQL does not answer; starting the local cluster');
  const version = execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n')[0] ?? '';
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  for (let i = 0; i < 30 && !(await postgresAnswers()); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await postgresAnswers())) throw new Error(`PostgreSQL at ${databaseUrl} does not answer.`);
}

function ensureKafka(): boolean {
  if (process.env['TEST_KAFKA_BROKERS']) return false;
  const output = execFileSync('bash', ['infra/kafka/kafka.sh', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stderr.write(output);
  return !/nothing to do/i.test(output);
}

const started = Date.now();
await ensurePostgres();
await recreateDatabase(databaseUrl);
await migrateEventLog(databaseUrl);
await migrateDatabase(accountsDatabase(databaseUrl));
await migrateDatabase(tieringDatabase(databaseUrl));
say(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//')} migrated in ${Date.now() - started} ms`);
const startedKafka = ensureKafka();
say(`ready in ${Date.now() - started} ms`);
process.stdout.write(
  `${JSON.stringify({ env: { TEST_DATABASE_URL: databaseUrl, TEST_KAFKA_BROKERS: kafkaBrokers }, startedKafka })}\n`,
);
