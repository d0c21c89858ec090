import 'reflect-metadata';
import { loadConfig } from '@gap/config';
import { startServiceApp } from '@gap/observability';
import { AccountsConfig } from './accounts.config.js';
import { AccountsModule } from './accounts.module.js';

const config = loadConfig(AccountsConfig);
const app = await startServiceApp(AccountsModule.forRoot(config), {
  host: config.HOST,
  port: config.PORT,
});
app.enableShutdownHooks();
