/**
 * Prepares what the test suite talks to. Prints progress on stderr and, as its last stdout
 * line, the settings the tests read (JSON).
 */
import 'reflect-metadata';
import { migrateDatabase, recreateDatabase } from '@gap/database';
import { migrateEventLog } from '@gap/messaging';
import { accountsDatabase } from '@gap/accounts/app/database';
import { tieringDatabase } from '@gap/tiering/app/database';
import { managersDatabase } from '@gap/managers/app/database';
import { ensureKafka, ensurePostgres, resetPlatformTopics } from './local-servers.js';

const databaseUrl =
  process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gap_test';
const kafkaBrokers = process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const say = (line: string) => process.stderr.write(`[test-env] ${line}\n`);

const started = Date.now();
await ensurePostgres(databaseUrl);
await recreateDatabase(databaseUrl);
await migrateEventLog(databaseUrl);
await migrateDatabase(accountsDatabase(databaseUrl));
await migrateDatabase(tieringDatabase(databaseUrl));
await migrateDatabase(managersDatabase(databaseUrl));
say(`database ${databaseUrl.replace(/\/\/[^@]*@/, '//')} migrated in ${Date.now() - started} ms`);
const startedKafka = process.env['TEST_KAFKA_BROKERS'] ? false : ensureKafka();
await resetPlatformTopics(kafkaBrokers.split(','));
say(`ready in ${Date.now() - started} ms`);
process.stdout.write(
  `${JSON.stringify({ env: { TEST_DATABASE_URL: databaseUrl, TEST_KAFKA_BROKERS: kafkaBrokers }, startedKafka })}\n`,
);
