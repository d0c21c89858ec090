import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { migrateDatabase } from '@gap/database';
import { AccountsConfig } from './accounts.config.js';
import { accountsDatabase } from './accounts.database.js';

const config = loadConfig(AccountsConfig);
const applied = await migrateDatabase(accountsDatabase(config.DATABASE_URL));
process.stdout.write(`accounts: ${applied} migration(s) applied\n`);
