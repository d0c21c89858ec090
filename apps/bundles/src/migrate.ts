import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { migrateDatabase } from '@gap/database';
import { BundlesConfig } from './bundles.config.js';
import { bundlesDatabase } from './bundles.database.js';

const config = loadConfig(BundlesConfig);
const applied = await migrateDatabase(bundlesDatabase(config.DATABASE_URL));
process.stdout.write(`bundles: ${applied} migration(s) applied\n`);
