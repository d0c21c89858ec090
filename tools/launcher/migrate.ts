/**
 * `npm run migrate`: brings the database of DATABASE_URL (the embedded server of `npm start`
 * by default, which must then be running) up to date: the PostgreSQL event log and every
 * service's schema. The services never migrate by themselves.
 */
import 'reflect-metadata';
import { EMBEDDED_DATABASE_URL } from '@gap/config';
import { migratePlatform } from './migrations.js';

const url = process.env['DATABASE_URL'] ?? EMBEDDED_DATABASE_URL;
const hint = process.env['DATABASE_URL']
  ? ''
  : ' (the embedded server answers only while `npm start` runs; or set DATABASE_URL)';
const where = url.replace(/\/\/[^@]*@/, '//');
try {
  for (const { schema, applied } of await migratePlatform(url)) {
    process.stdout.write(
      `${schema}: ${applied === undefined ? 'migrated' : `${applied} migration(s) applied`}\n`,
    );
  }
  process.stdout.write(`${where} is up to date\n`);
} catch (error) {
  process.stderr.write(
    `Migrating ${where} failed: ${error instanceof Error ? error.message : String(error)}${hint}\n`,
  );
  process.exitCode = 1;
}
