import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { migrateDatabase } from '@gap/database';
import { CoordinationConfig } from './coordination.config.js';
import { coordinationDatabase } from './coordination.database.js';

const config = loadConfig(CoordinationConfig);
const applied = await migrateDatabase(coordinationDatabase(config.DATABASE_URL));
process.stdout.write(`coordination: ${applied} migration(s) applied\n`);
