import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { migrateDatabase } from '@gap/database';
import { ManagersConfig } from './managers.config.js';
import { managersDatabase } from './managers.database.js';

const config = loadConfig(ManagersConfig);
const applied = await migrateDatabase(managersDatabase(config.DATABASE_URL));
process.stdout.write(`managers: ${applied} migration(s) applied\n`);
