import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { migrateDatabase } from '@gap/database';
import { TieringConfig } from './tiering.config.js';
import { tieringDatabase } from './tiering.database.js';

const config = loadConfig(TieringConfig);
const applied = await migrateDatabase(tieringDatabase(config.DATABASE_URL));
process.stdout.write(`tiering: ${applied} migration(s) applied\n`);
