import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { migrateDatabase } from '@gap/database';
import { PartnersConfig } from './partners.config.js';
import { partnersDatabase } from './partners.database.js';

const config = loadConfig(PartnersConfig);
const applied = await migrateDatabase(partnersDatabase(config.DATABASE_URL));
process.stdout.write(`partners: ${applied} migration(s) applied\n`);
